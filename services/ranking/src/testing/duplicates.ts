import type { DuplicateDescriptor, DuplicateFeatures } from '../duplicates/features.js';
import { featuresOf } from '../duplicates/features.js';

/** The IRI of a test product. */
export const iri = (name: string): string => `https://example.com/products/${name}`;

/** A concept IRI of the test ontology. */
export const concept = (name: string): string => `https://example.com/ontology#${name}`;

/** What a test product declares: its fields as `[name, type]` or `[name, type, concept]`. */
export interface TestProduct {
  readonly fields: readonly (readonly [string, string, string?])[];
  readonly description?: string;
  readonly concepts?: readonly string[];
  readonly upstreams?: readonly string[];
}

/** A descriptor with one table port holding the fields. */
export function testDescriptor(name: string, p: TestProduct): DuplicateDescriptor {
  return {
    id: iri(name),
    name,
    description: p.description,
    concepts: p.concepts ? [...p.concepts] : undefined,
    outputPorts: [{ name: 'main', kind: 'table', fields: p.fields.map(([n, type, c]) => ({ name: n, type, ...(c && { concept: c }) })) }],
  };
}

/** A test product's duplicate features, through `featuresOf`. */
export const testFeatures = (name: string, p: TestProduct): DuplicateFeatures => featuresOf(testDescriptor(name, p), p.upstreams ?? []);

/** Unrelated products for a corpus, so IDF has something to compare with. */
export function background(n: number): DuplicateFeatures[] {
  const topics = ['weather', 'payroll', 'inventory', 'marketing', 'support', 'fleet', 'energy', 'hiring'];
  return Array.from({ length: n }, (_, i) => {
    const t = topics[i % topics.length] as string;
    return testFeatures(`${t}-${i}`, {
      fields: [
        [`${t}_id`, 'string'],
        [`${t}_score_${i}`, 'double'],
        ['recorded_at', 'timestamp'],
      ],
      description: `Daily ${t} figures number ${i} for the ${t} team.`,
      concepts: [concept(t)],
      upstreams: [`dataset:warehouse:raw.${t}_${i}`],
    });
  });
}

const RAW_ORDERS = 'dataset:postgres://shop:raw.orders';
const RAW_CUSTOMERS = 'dataset:postgres://shop:raw.customers';

/** The web shop's orders, the product the others copy, mirror or aggregate. */
export const ORDERS = testFeatures('orders', {
  fields: [
    ['order_id', 'bigint', concept('Order')],
    ['customer_id', 'bigint', concept('Customer')],
    ['order_ts', 'timestamp'],
    ['total_amount', 'decimal(12,2)'],
    ['currency', 'string'],
    ['status', 'string'],
    ['shipping_address', 'string'],
    ['created_at', 'timestamp'],
  ],
  description: 'Every customer order placed in the web shop, one row per order, with its total amount and status.',
  concepts: [concept('Order'), concept('Sales')],
  upstreams: [RAW_ORDERS, RAW_CUSTOMERS],
});

/** A copy of orders: renamed columns (case, plural, a typo), two extra, the same sources. */
export const ORDERS_COPY = testFeatures('orders-copy', {
  fields: [
    ['OrderID', 'long'],
    ['customerId', 'long'],
    ['order_ts', 'timestamp-millis'],
    ['total_amounts', 'double'],
    ['currency', 'string'],
    ['status', 'string'],
    ['shipping_adress', 'string'],
    ['created_at', 'timestamp'],
    ['loaded_at', 'timestamp'],
    ['batch_id', 'string'],
  ],
  description: 'Copy of the web shop orders: one row per customer order, with total amount and status.',
  concepts: [concept('Order'), concept('Sales')],
  upstreams: [RAW_ORDERS, RAW_CUSTOMERS],
});

/** An aggregate read from orders: lineage, not a duplicate. */
export const DAILY_SALES = testFeatures('daily-sales', {
  fields: [
    ['sales_date', 'date'],
    ['total_amount', 'decimal(12,2)'],
    ['order_count', 'bigint'],
    ['currency', 'string'],
  ],
  description: 'Web shop sales per day: the total amount and the number of orders.',
  concepts: [concept('Sales')],
  upstreams: [`product:${iri('orders')}`, RAW_ORDERS, RAW_CUSTOMERS],
});

/** Two unrelated products that share only `id` and `created_at`. */
export const WEATHER = testFeatures('weather', {
  fields: [
    ['id', 'bigint'],
    ['created_at', 'timestamp'],
    ['temperature', 'double'],
    ['station', 'string'],
  ],
  description: 'Hourly readings of weather stations.',
  upstreams: ['dataset:s3://meteo:stations'],
});
export const PAYROLL = testFeatures('payroll', {
  fields: [
    ['id', 'bigint'],
    ['created_at', 'timestamp'],
    ['salary', 'decimal'],
    ['employee', 'string'],
    ['department', 'string'],
  ],
  description: 'Monthly payroll runs of all employees.',
  upstreams: ['dataset:workday:payroll'],
});

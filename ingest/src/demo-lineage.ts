import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { DescriptorFile } from './descriptor-files.js';

/** The parts of a demo descriptor its lineage is drawn from. */
interface DemoProduct {
  readonly id: string;
  readonly name: string;
  readonly title?: string;
  readonly domain: string;
  readonly status?: string;
  readonly owner: { readonly team: string };
  readonly outputPorts?: readonly {
    readonly lineage?: readonly Dataset[];
    readonly fields?: readonly { readonly name: string; readonly type?: string; readonly description?: string }[];
  }[];
  readonly inputPorts?: readonly ({ readonly product: string } | { readonly lineage: Dataset })[];
}

interface Dataset {
  readonly namespace: string;
  readonly name: string;
}

const PRODUCER = 'https://github.com/daff-example/airflow-dags/tree/demo';
const SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const JOB_NAMESPACE = 'airflow://daff';
const DAYS = 7;
const facet = (name: string, version = '1-0-0') => ({ _producer: PRODUCER, _schemaURL: `https://openlineage.io/spec/facets/${version}/${name}.json` });

/**
 * Reports other teams run on the mesh's products, so the demo shows usage by teams and not only
 * by products. Each names products by slug; one missing from the demo is skipped.
 */
const CONSUMER_JOBS = [
  { team: 'finance', name: 'finance.monthly_royalty_reconciliation', reads: ['artist-payments', 'royalty-statements'] },
  { team: 'marketing', name: 'marketing.campaign_audience_export', reads: ['listener-profiles'] },
  { team: 'trust-and-safety', name: 'trust.fraud_stream_scoring', reads: ['play-events'] },
];

/** A stable UUID (v5 layout) for a name, so reloading the demo the same day sends the same runs. */
function stableUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const datasetsOf = (p: DemoProduct): Dataset[] => (p.outputPorts ?? []).flatMap((port) => port.lineage ?? []);
const snake = (slug: string) => slug.replace(/[^a-z0-9]+/gi, '_');

/**
 * The demo mesh's OpenLineage history: for each of the last seven days, one Airflow run per
 * product that has inputs and a published dataset — reading its upstream products' datasets and
 * its operational sources, writing its own datasets with their schema, and column lineage where a
 * field keeps its upstream name — plus a few reports other teams run on the products. Times are
 * relative to `today`, so the usage the ranking reads stays recent; the first run of
 * `play-events-legacy` of every week fails, so failed runs show too.
 */
export function demoLineageEvents(files: readonly DescriptorFile[], today = new Date()): Record<string, unknown>[] {
  const products = files.map((f) => parseYaml(f.text) as DemoProduct).filter((p) => p.status !== 'retired');
  const byIri = new Map(products.map((p) => [p.id, p]));
  const byName = new Map(products.map((p) => [p.name, p]));
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const events: Record<string, unknown>[] = [];

  const run = (day: number, job: { name: string; team: string; description: string }, inputs: Dataset[], outputs: object[], minute: number, fails = false) => {
    const start = new Date(midnight - day * 86_400_000 + (2 * 60 + minute) * 60_000);
    const runId = stableUuid(`${job.name}|${start.toISOString().slice(0, 10)}`);
    const base = {
      producer: PRODUCER,
      schemaURL: SCHEMA_URL,
      run: { runId },
      job: {
        namespace: JOB_NAMESPACE,
        name: job.name,
        facets: {
          ownership: { ...facet('OwnershipJobFacet'), owners: [{ name: `team:${job.team}`, type: 'TEAM' }] },
          documentation: { ...facet('DocumentationJobFacet'), description: job.description },
          jobType: { ...facet('JobTypeJobFacet', '2-0-3'), processingType: 'BATCH', integration: 'AIRFLOW', jobType: 'TASK' },
        },
      },
    };
    events.push({ ...base, eventType: 'START', eventTime: start.toISOString(), inputs, outputs: outputs.map((o) => ({ ...(o as Dataset), facets: undefined })) });
    const end = new Date(start.getTime() + (7 + (minute % 11)) * 60_000).toISOString();
    events.push({ ...base, eventType: fails ? 'FAIL' : 'COMPLETE', eventTime: end, inputs, outputs: fails ? [] : outputs });
  };

  products.forEach((p, index) => {
    const outputs = datasetsOf(p);
    const upstream = (p.inputPorts ?? []).flatMap((input) => {
      if ('lineage' in input) return [{ dataset: input.lineage, fields: [] as string[] }];
      const q = byIri.get(input.product.split('#')[0] as string);
      return q ? datasetsOf(q).map((dataset) => ({ dataset, fields: (q.outputPorts ?? []).flatMap((port) => (port.fields ?? []).map((f) => f.name)) })) : [];
    });
    if (outputs.length === 0 || upstream.length === 0) return;
    const written = (p.outputPorts ?? []).flatMap((port) =>
      (port.lineage ?? []).map((dataset) => ({
        ...dataset,
        facets: {
          schema: { ...facet('SchemaDatasetFacet', '1-1-1'), fields: (port.fields ?? []).map((f) => ({ name: f.name, type: f.type, ...(f.description && { description: f.description }) })) },
          columnLineage: {
            ...facet('ColumnLineageDatasetFacet', '1-2-0'),
            fields: Object.fromEntries(
              (port.fields ?? []).flatMap((f) => {
                const from = upstream.filter((u) => u.fields.includes(f.name)).map((u) => ({ ...u.dataset, field: f.name }));
                return from.length ? [[f.name, { inputFields: from }]] : [];
              }),
            ),
          },
        },
      })),
    );
    const job = { name: `${p.domain}.build_${snake(p.name)}`, team: p.owner.team, description: `Builds ${p.title ?? p.name} (${p.id}).` };
    for (let day = DAYS; day >= 1; day--) run(day, job, upstream.map((u) => u.dataset), written, index % 50, p.name === 'play-events-legacy' && day === DAYS);
  });

  for (const consumer of CONSUMER_JOBS) {
    const inputs = consumer.reads.flatMap((slug) => {
      const product = byName.get(slug);
      return product ? datasetsOf(product) : [];
    });
    if (inputs.length === 0) continue;
    const job = { name: consumer.name, team: consumer.team, description: `A ${consumer.team} report on the mesh's products.` };
    for (let day = DAYS; day >= 1; day--) run(day, job, inputs, [], 30);
  }
  return events;
}

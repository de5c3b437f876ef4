/**
 * @module
 * The vocabulary the generated mesh (generated-mesh.ts) draws on: eight domains of entities with
 * realistic columns, the shared ontology their columns link to, and the ways people rename
 * columns (abbreviations, synonyms). Kept apart from the generator so the rules of generation read
 * without a page of column lists in between.
 */

/** Concepts live under one namespace, so concept IRIs are comparable across products. */
export const ONTOLOGY = 'https://mesh.example/ontology/';

/** A column of an entity, as its operational table holds it. */
export interface Column {
  readonly name: string;
  readonly type: string;
  /** The concept IRI, for the share of columns that link to the ontology. */
  readonly concept: string | undefined;
  readonly pii: boolean;
  /** Core columns are in every product of the entity; the rest are drawn per product. */
  readonly core: boolean;
}

/** Something a domain's operational database keeps a table of. */
export interface Entity {
  /** Its table name, unique across the mesh, so it doubles as the key. */
  readonly table: string;
  /** The table name as a slug, for product names. */
  readonly slug: string;
  readonly domain: string;
  readonly thing: string;
  readonly things: string;
  /** What someone in another team would call the same thing (for semantic twins). */
  readonly twin: { readonly thing: string; readonly things: string };
  /** The entity's own concept IRI. */
  readonly concept: string;
  /** What products of the entity are used for, to vary descriptions. */
  readonly uses: readonly string[];
  /** Tables of entities whose products feed this one's (an order reads customers, …). */
  readonly upstream: readonly string[];
  /** Event-like entities are published as streams about half the time. */
  readonly events: boolean;
  readonly columns: readonly Column[];
}

/** Columns every kind of table has; sharing only these says nothing about duplication. */
export const GENERIC_COLUMNS: ReadonlySet<string> = new Set(['id', 'created_at', 'updated_at', 'status']);

/**
 * Columns are written `name type [Concept] [pii]`, separated by `;`, with a leading `*` for core
 * columns: short enough that the eight domains fit on a few screens.
 */
interface EntitySpec {
  readonly domain: string;
  readonly table: string;
  readonly thing: string;
  readonly things: string;
  readonly twin: readonly [thing: string, things: string];
  readonly concept: string;
  readonly uses: readonly string[];
  readonly upstream?: readonly string[];
  readonly events?: boolean;
  readonly columns: string;
}

const SPECS: readonly EntitySpec[] = [
  // orders
  {
    domain: 'orders', table: 'orders', thing: 'order', things: 'orders', twin: ['purchase', 'purchases'], concept: 'Order',
    uses: ['revenue reporting', 'demand forecasting', 'conversion analysis', 'fulfilment planning'], upstream: ['customers', 'products'],
    columns: `*order_id string Order; *customer_id string Customer; *created_at timestamp; *updated_at timestamp; *status string;
      order_number string; channel string Channel; store_id string Store; currency string Currency; subtotal_amount decimal(18,2) MonetaryAmount;
      discount_amount decimal(18,2); tax_amount decimal(18,2); shipping_amount decimal(18,2); total_amount decimal(18,2) MonetaryAmount;
      item_count long; shipping_country string Country; billing_country string Country; promo_code string Promotion; is_gift boolean;
      placed_date date; cancelled_at timestamp; payment_method string; tags array<string>`,
  },
  {
    domain: 'orders', table: 'order_lines', thing: 'order line', things: 'order lines', twin: ['purchase item', 'purchase items'], concept: 'OrderLine',
    uses: ['basket analysis', 'product sales reporting', 'margin analysis'], upstream: ['products'],
    columns: `*order_line_id string OrderLine; *order_id string Order; *product_id string Product; *quantity long; *created_at timestamp;
      unit_price decimal(18,2) MonetaryAmount; discount_amount decimal(18,2); line_total decimal(18,2) MonetaryAmount; currency string Currency;
      sku string Product; updated_at timestamp; is_returned boolean; tax_rate double; warehouse_id string Warehouse; fulfilment_status string`,
  },
  {
    domain: 'orders', table: 'carts', thing: 'shopping cart', things: 'shopping carts', twin: ['basket', 'baskets'], concept: 'ShoppingCart',
    uses: ['abandonment analysis', 'checkout funnel reporting', 'conversion analysis'], upstream: ['customers', 'products'], events: true,
    columns: `*cart_id string ShoppingCart; *customer_id string Customer; *created_at timestamp; *updated_at timestamp; *status string;
      session_id string; item_count long; cart_value decimal(18,2) MonetaryAmount; currency string Currency; channel string Channel;
      abandoned_at timestamp; converted_order_id string Order; device_type string; product_ids array<string>`,
  },
  {
    domain: 'orders', table: 'returns', thing: 'return', things: 'returns', twin: ['returned item', 'returned items'], concept: 'Return',
    uses: ['returns analysis', 'refund forecasting', 'quality monitoring'], upstream: ['orders'],
    columns: `*return_id string Return; *order_id string Order; *requested_at timestamp; *status string; customer_id string Customer;
      product_id string Product; reason_code string; quantity long; refund_amount decimal(18,2) MonetaryAmount; received_at timestamp;
      warehouse_id string Warehouse; item_condition string; is_restockable boolean`,
  },
  // payments
  {
    domain: 'payments', table: 'payments', thing: 'payment', things: 'payments', twin: ['transaction', 'transactions'], concept: 'Payment',
    uses: ['cash reconciliation', 'fraud monitoring', 'payment success reporting', 'provider cost analysis'], upstream: ['orders'], events: true,
    columns: `*payment_id string Payment; *order_id string Order; *amount decimal(18,2) MonetaryAmount; *currency string Currency; *status string;
      *created_at timestamp; customer_id string Customer; payment_method string; card_brand string; card_last4 string pii; provider string;
      provider_reference string; captured_at timestamp; failure_code string; is_3ds boolean; fee_amount decimal(18,2); country string Country;
      risk_score double`,
  },
  {
    domain: 'payments', table: 'refunds', thing: 'refund', things: 'refunds', twin: ['reimbursement', 'reimbursements'], concept: 'Refund',
    uses: ['refund reconciliation', 'customer service reporting', 'loss analysis'], upstream: ['payments'],
    columns: `*refund_id string Refund; *payment_id string Payment; *amount decimal(18,2) MonetaryAmount; *currency string Currency; *status string;
      order_id string Order; reason string; requested_at timestamp; processed_at timestamp; initiated_by string; provider_reference string`,
  },
  {
    domain: 'payments', table: 'chargebacks', thing: 'chargeback', things: 'chargebacks', twin: ['dispute', 'disputes'], concept: 'Chargeback',
    uses: ['dispute management', 'fraud monitoring', 'loss analysis'], upstream: ['payments'],
    columns: `*chargeback_id string Chargeback; *payment_id string Payment; *amount decimal(18,2) MonetaryAmount; *status string; *opened_at timestamp;
      currency string Currency; reason_code string; due_date date; resolved_at timestamp; outcome string; card_network string; evidence_submitted boolean`,
  },
  {
    domain: 'payments', table: 'payouts', thing: 'payout', things: 'payouts', twin: ['disbursement', 'disbursements'], concept: 'Payout',
    uses: ['treasury planning', 'cash reconciliation', 'merchant reporting'], upstream: ['payments'],
    columns: `*payout_id string Payout; *merchant_account_id string Account; *amount decimal(18,2) MonetaryAmount; *currency string Currency;
      *status string; *created_at timestamp; arrival_date date; bank_account_id string pii; fee_amount decimal(18,2); payment_count long; payout_method string`,
  },
  // customers
  {
    domain: 'customers', table: 'customers', thing: 'customer', things: 'customers', twin: ['client', 'clients'], concept: 'Customer',
    uses: ['segmentation', 'personalisation', 'lifetime value modelling', 'CRM campaigns'],
    columns: `*customer_id string Customer; *email string EmailAddress pii; *created_at timestamp; *updated_at timestamp; *status string;
      first_name string pii; last_name string pii; phone string PhoneNumber pii; country string Country; city string; postal_code string PostalAddress pii;
      birth_date date pii; gender string pii; preferred_language string Language; marketing_opt_in boolean; loyalty_tier string;
      lifetime_value decimal(18,2) MonetaryAmount; segment string CustomerSegment; acquisition_channel string Channel; last_login_at timestamp;
      is_employee boolean; tags array<string>`,
  },
  {
    domain: 'customers', table: 'addresses', thing: 'customer address', things: 'customer addresses', twin: ['client location', 'client locations'],
    concept: 'PostalAddress', uses: ['delivery planning', 'address validation', 'regional reporting'], upstream: ['customers'],
    columns: `*address_id string PostalAddress; *customer_id string Customer; *country string Country; *created_at timestamp; line1 string pii;
      line2 string pii; city string; region string; postal_code string PostalAddress pii; address_type string; is_default boolean; updated_at timestamp;
      latitude double; longitude double`,
  },
  {
    domain: 'customers', table: 'consents', thing: 'consent record', things: 'consent records', twin: ['permission', 'permissions'], concept: 'Consent',
    uses: ['privacy compliance', 'marketing eligibility checks', 'GDPR audits'], upstream: ['customers'], events: true,
    columns: `*consent_id string Consent; *customer_id string Customer; *purpose string; *granted boolean; channel string Channel; source string;
      granted_at timestamp; revoked_at timestamp; policy_version string; ip_address string pii`,
  },
  {
    domain: 'customers', table: 'loyalty_accounts', thing: 'loyalty account', things: 'loyalty accounts', twin: ['rewards membership', 'rewards memberships'],
    concept: 'LoyaltyAccount', uses: ['loyalty programme reporting', 'retention analysis', 'points liability accounting'], upstream: ['customers'],
    columns: `*loyalty_account_id string LoyaltyAccount; *customer_id string Customer; *tier string; *points_balance long; *status string;
      lifetime_points long; enrolled_at timestamp; tier_expires_on date; updated_at timestamp; last_earned_at timestamp; last_redeemed_at timestamp`,
  },
  // logistics
  {
    domain: 'logistics', table: 'shipments', thing: 'shipment', things: 'shipments', twin: ['delivery', 'deliveries'], concept: 'Shipment',
    uses: ['delivery performance reporting', 'carrier cost analysis', 'customer notifications'], upstream: ['orders'],
    columns: `*shipment_id string Shipment; *order_id string Order; *carrier_code string Carrier; *tracking_number string; *status string;
      *created_at timestamp; shipped_at timestamp; delivered_at timestamp; estimated_delivery_date date; warehouse_id string Warehouse;
      destination_country string Country; destination_postal_code string PostalAddress; weight_kg double; package_count long;
      shipping_cost decimal(18,2) MonetaryAmount; service_level string; updated_at timestamp; is_express boolean; signature_required boolean`,
  },
  {
    domain: 'logistics', table: 'tracking_events', thing: 'tracking event', things: 'tracking events', twin: ['parcel scan', 'parcel scans'],
    concept: 'TrackingEvent', uses: ['delivery exception alerting', 'carrier performance', 'customer notifications'], upstream: ['shipments'], events: true,
    columns: `*event_id string TrackingEvent; *shipment_id string Shipment; *tracking_number string; *event_type string; *event_time timestamp;
      location_city string; location_country string Country; carrier_code string Carrier; event_description string; is_exception boolean; received_at timestamp`,
  },
  {
    domain: 'logistics', table: 'carriers', thing: 'carrier', things: 'carriers', twin: ['courier', 'couriers'], concept: 'Carrier',
    uses: ['contract management', 'carrier selection', 'rate benchmarking'],
    columns: `*carrier_id string Carrier; *carrier_code string Carrier; *carrier_name string; country string Country; service_levels array<string>;
      is_active boolean; contract_start date; contract_end date; rate_card_version string; support_email string EmailAddress; created_at timestamp;
      updated_at timestamp`,
  },
  {
    domain: 'logistics', table: 'pick_tasks', thing: 'pick task', things: 'pick tasks', twin: ['picking job', 'picking jobs'], concept: 'PickTask',
    uses: ['warehouse productivity reporting', 'labour planning', 'fulfilment SLAs'], upstream: ['orders', 'stock_levels'], events: true,
    columns: `*task_id string PickTask; *warehouse_id string Warehouse; *order_id string Order; *status string; *created_at timestamp;
      product_id string Product; quantity long; assigned_to string Employee; started_at timestamp; completed_at timestamp; bin_location string;
      priority long`,
  },
  // marketing
  {
    domain: 'marketing', table: 'campaigns', thing: 'campaign', things: 'campaigns', twin: ['marketing initiative', 'marketing initiatives'],
    concept: 'Campaign', uses: ['campaign ROI reporting', 'budget tracking', 'attribution'],
    columns: `*campaign_id string Campaign; *campaign_name string; *channel string Channel; *status string; *created_at timestamp; start_date date;
      end_date date; budget_amount decimal(18,2) MonetaryAmount; currency string Currency; objective string; target_segment string CustomerSegment;
      owner_email string EmailAddress pii; updated_at timestamp; utm_campaign string; tags array<string>`,
  },
  {
    domain: 'marketing', table: 'email_sends', thing: 'email send', things: 'email sends', twin: ['mailing', 'mailings'], concept: 'EmailMessage',
    uses: ['email engagement reporting', 'deliverability monitoring', 'A/B test analysis'], upstream: ['campaigns', 'customers'], events: true,
    columns: `*send_id string EmailMessage; *campaign_id string Campaign; *customer_id string Customer; *sent_at timestamp; email string EmailAddress pii;
      opened_at timestamp; clicked_at timestamp; bounced boolean; unsubscribed boolean; template_id string; subject_line string; variant string`,
  },
  {
    domain: 'marketing', table: 'ad_spend', thing: 'ad spend record', things: 'ad spend records', twin: ['media cost', 'media costs'], concept: 'AdSpend',
    uses: ['paid media reporting', 'budget pacing', 'cost per acquisition analysis'], upstream: ['campaigns'],
    columns: `*spend_date date; *campaign_id string Campaign; *ad_platform string; *cost_amount decimal(18,2) MonetaryAmount; impressions long;
      clicks long; currency string Currency; conversions long; ad_group_id string; ad_id string; country string Country`,
  },
  {
    domain: 'marketing', table: 'promotions', thing: 'promotion', things: 'promotions', twin: ['offer', 'offers'], concept: 'Promotion',
    uses: ['promotion effectiveness analysis', 'discount cost tracking', 'pricing decisions'], upstream: ['campaigns'],
    columns: `*promotion_id string Promotion; *promo_code string Promotion; *status string; *created_at timestamp; promotion_name string;
      discount_type string; discount_value double; starts_at timestamp; ends_at timestamp; max_redemptions long; redemption_count long;
      campaign_id string Campaign; applies_to_product_ids array<string>`,
  },
  // inventory
  {
    domain: 'inventory', table: 'stock_levels', thing: 'stock level', things: 'stock levels', twin: ['inventory position', 'inventory positions'],
    concept: 'StockLevel', uses: ['replenishment', 'availability reporting', 'stock valuation'], upstream: ['products'],
    columns: `*id string; *product_id string Product; *warehouse_id string Warehouse; *on_hand_quantity long; *status string; *created_at timestamp;
      *updated_at timestamp; reserved_quantity long; available_quantity long; reorder_point long; last_counted_at timestamp; bin_location string;
      unit_cost decimal(18,2) MonetaryAmount`,
  },
  {
    domain: 'inventory', table: 'products', thing: 'product', things: 'products', twin: ['article', 'articles'], concept: 'Product',
    uses: ['catalogue management', 'merchandising', 'search and recommendations', 'pricing decisions'], upstream: ['suppliers'],
    columns: `*product_id string Product; *sku string Product; *product_name string; *created_at timestamp; *updated_at timestamp;
      product_description string; category string ProductCategory; brand string Brand; unit_price decimal(18,2) MonetaryAmount; currency string Currency;
      weight_kg double; is_active boolean; launched_on date; supplier_id string Supplier; status string; barcode string; color string; size string;
      tags array<string>`,
  },
  {
    domain: 'inventory', table: 'purchase_orders', thing: 'purchase order', things: 'purchase orders', twin: ['supplier order', 'supplier orders'],
    concept: 'PurchaseOrder', uses: ['procurement reporting', 'supplier performance', 'inbound planning'], upstream: ['suppliers'],
    columns: `*purchase_order_id string PurchaseOrder; *supplier_id string Supplier; *status string; *ordered_at timestamp; warehouse_id string Warehouse;
      expected_on date; received_at timestamp; total_cost decimal(18,2) MonetaryAmount; currency string Currency; line_count long; buyer string Employee;
      created_at timestamp; updated_at timestamp`,
  },
  {
    domain: 'inventory', table: 'suppliers', thing: 'supplier', things: 'suppliers', twin: ['vendor', 'vendors'], concept: 'Supplier',
    uses: ['supplier management', 'risk assessment', 'procurement reporting'],
    columns: `*supplier_id string Supplier; *supplier_name string; *status string; country string Country; contact_email string EmailAddress pii;
      phone string PhoneNumber pii; payment_terms string; lead_time_days long; supplier_rating double; is_preferred boolean; created_at timestamp;
      updated_at timestamp`,
  },
  // support
  {
    domain: 'support', table: 'tickets', thing: 'support ticket', things: 'support tickets', twin: ['support case', 'support cases'],
    concept: 'SupportTicket', uses: ['support workload reporting', 'SLA monitoring', 'root cause analysis'], upstream: ['customers', 'orders'],
    columns: `*id string; *customer_id string Customer; *status string; *created_at timestamp; *updated_at timestamp; order_id string Order;
      subject string; channel string Channel; priority string; category string; assigned_agent_id string SupportAgent; first_response_at timestamp;
      resolved_at timestamp; satisfaction_score long; tags array<string>; language string Language; reopened_count long`,
  },
  {
    domain: 'support', table: 'ticket_messages', thing: 'ticket message', things: 'ticket messages', twin: ['case note', 'case notes'],
    concept: 'TicketMessage', uses: ['conversation analytics', 'response time reporting', 'quality reviews'], upstream: ['tickets'], events: true,
    columns: `*message_id string TicketMessage; *ticket_id string SupportTicket; *author_type string; *sent_at timestamp; author_id string;
      body string pii; channel string Channel; is_internal boolean; attachment_count long; language string Language`,
  },
  {
    domain: 'support', table: 'agents', thing: 'support agent', things: 'support agents', twin: ['support advisor', 'support advisors'],
    concept: 'SupportAgent', uses: ['staffing', 'skills routing', 'performance reviews'],
    columns: `*id string; *agent_name string pii; *status string; *created_at timestamp; *updated_at timestamp; email string EmailAddress pii;
      support_team string; skills array<string>; languages array<string>; hired_on date; shift string; max_concurrent_tickets long`,
  },
  {
    domain: 'support', table: 'csat_surveys', thing: 'satisfaction survey', things: 'satisfaction surveys', twin: ['feedback response', 'feedback responses'],
    concept: 'SatisfactionSurvey', uses: ['customer satisfaction reporting', 'agent coaching', 'service quality tracking'], upstream: ['tickets'],
    columns: `*survey_id string SatisfactionSurvey; *ticket_id string SupportTicket; *score long; *responded_at timestamp; customer_id string Customer;
      comment string pii; channel string Channel; agent_id string SupportAgent; survey_type string`,
  },
  // finance
  {
    domain: 'finance', table: 'invoices', thing: 'invoice', things: 'invoices', twin: ['bill', 'bills'], concept: 'Invoice',
    uses: ['accounts receivable', 'revenue recognition', 'tax reporting'], upstream: ['orders', 'customers'],
    columns: `*invoice_id string Invoice; *invoice_number string; *customer_id string Customer; *issued_on date; *currency string Currency;
      *status string; order_id string Order; due_on date; net_amount decimal(18,2); tax_amount decimal(18,2); gross_amount decimal(18,2) MonetaryAmount;
      paid_at timestamp; billing_country string Country; payment_terms string; created_at timestamp; updated_at timestamp`,
  },
  {
    domain: 'finance', table: 'ledger_entries', thing: 'ledger entry', things: 'ledger entries', twin: ['journal line', 'journal lines'],
    concept: 'LedgerEntry', uses: ['month-end close', 'management accounts', 'audit trails'], upstream: ['invoices', 'payments'],
    columns: `*entry_id string LedgerEntry; *journal_id string; *account_code string Account; *posting_date date; *amount decimal(18,2) MonetaryAmount;
      *currency string Currency; debit_credit string; entry_description string; cost_center string CostCenter; reference_id string;
      created_at timestamp; created_by string Employee; fiscal_period string`,
  },
  {
    domain: 'finance', table: 'budgets', thing: 'budget line', things: 'budget lines', twin: ['spending plan', 'spending plans'], concept: 'Budget',
    uses: ['budget versus actuals', 'forecasting', 'cost control'],
    columns: `*id string; *cost_center string CostCenter; *fiscal_year long; *planned_amount decimal(18,2) MonetaryAmount; *status string;
      *created_at timestamp; *updated_at timestamp; fiscal_period string; account_code string Account; currency string Currency;
      budget_owner string Employee; version_label string`,
  },
  {
    domain: 'finance', table: 'fx_rates', thing: 'exchange rate', things: 'exchange rates', twin: ['currency rate', 'currency rates'],
    concept: 'ExchangeRate', uses: ['currency conversion', 'consolidation', 'treasury reporting'],
    columns: `*rate_date date; *base_currency string Currency; *quote_currency string Currency; *rate double; rate_source string;
      published_at timestamp; is_official boolean; inverse_rate double`,
  },
];

function parseColumns(spec: string): Column[] {
  return spec
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const [raw = '', type = '', ...rest] = c.split(/\s+/);
      const concept = rest.find((r) => r !== 'pii');
      return {
        name: raw.replace(/^\*/, ''),
        type,
        concept: concept === undefined ? undefined : ONTOLOGY + concept,
        pii: rest.includes('pii'),
        core: raw.startsWith('*'),
      };
    });
}

/** Every entity of the mesh, in a fixed order (generation draws by index, so the order is part of the seed). */
export const ENTITIES: readonly Entity[] = SPECS.map((s) => ({
  table: s.table,
  slug: s.table.replace(/_/g, '-'),
  domain: s.domain,
  thing: s.thing,
  things: s.things,
  twin: { thing: s.twin[0], things: s.twin[1] },
  concept: ONTOLOGY + s.concept,
  uses: s.uses,
  upstream: s.upstream ?? [],
  events: s.events ?? false,
  columns: parseColumns(s.columns),
}));

/** The domains, in order of first appearance. */
export const DOMAINS: readonly string[] = [...new Set(ENTITIES.map((e) => e.domain))];

/**
 * Pairs of entities (indices into ENTITIES) in different domains whose columns overlap only in
 * GENERIC_COLUMNS, and at least two of those in both cores: the raw material of common-columns
 * non-duplicates, computed rather than listed so a new column cannot silently break the premise.
 */
export const GENERIC_ONLY_PAIRS: readonly (readonly [number, number])[] = (() => {
  const pairs: [number, number][] = [];
  ENTITIES.forEach((a, i) => {
    const names = new Set(a.columns.map((c) => c.name));
    const core = new Set(a.columns.filter((c) => c.core).map((c) => c.name));
    ENTITIES.forEach((b, j) => {
      if (j <= i || a.domain === b.domain) return;
      const shared = b.columns.filter((c) => names.has(c.name)).map((c) => c.name);
      const sharedCore = b.columns.filter((c) => c.core && core.has(c.name) && GENERIC_COLUMNS.has(c.name));
      if (shared.every((n) => GENERIC_COLUMNS.has(n)) && sharedCore.length >= 2) pairs.push([i, j]);
    });
  });
  return pairs;
})();

/**
 * Abbreviations people use in column names. Normalised Levenshtein similarity of an abbreviated
 * name to the full one is often below 0.8, so renamed copies use at most one.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  customer: 'cust', quantity: 'qty', amount: 'amt', number: 'num', description: 'desc', address: 'addr', product: 'prod',
  warehouse: 'whse', category: 'cat', reference: 'ref', currency: 'ccy', message: 'msg', payment: 'pmt', count: 'cnt',
  country: 'ctry', supplier: 'supp', transaction: 'txn', average: 'avg', identifier: 'ident', shipment: 'shpmt',
};

/** Whole-name synonyms, tried before word-by-word ones: some renamings are idioms, not word swaps. */
export const COLUMN_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  created_at: ['inserted_at', 'recorded_at'], updated_at: ['modified_at', 'last_changed_at'], first_name: ['given_name'],
  last_name: ['family_name', 'surname'], birth_date: ['date_of_birth'], postal_code: ['zip_code'], tracking_number: ['waybill_number'],
  placed_date: ['order_day'], total_amount: ['gross_value', 'grand_total'], line1: ['street_line_1'], line2: ['street_line_2'],
  sku: ['article_number'], is_gift: ['gift_wrapped'], card_last4: ['pan_suffix'], is_3ds: ['strong_auth'], event_time: ['occurred_at'],
  rate: ['conversion_ratio'],
};

/** Word-by-word synonyms (client for customer, value for amount, …), as another team would name things. */
export const WORD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  customer: ['client', 'buyer'], order: ['purchase'], amount: ['value'], status: ['state'], product: ['item', 'article'],
  quantity: ['units'], price: ['charge'], discount: ['rebate', 'markdown'], date: ['day'], email: ['mail'], shipment: ['delivery', 'consignment'],
  shipped: ['dispatched'], delivered: ['handed_over'], country: ['nation'], name: ['label', 'title'], description: ['details', 'summary'],
  type: ['kind'], count: ['tally'], campaign: ['initiative', 'program'], ticket: ['case'], agent: ['advisor', 'rep'], warehouse: ['depot', 'facility'],
  carrier: ['courier'], invoice: ['bill'], payment: ['transaction', 'settlement'], channel: ['medium', 'touchpoint'], supplier: ['vendor'],
  cost: ['expense'], reason: ['cause'], number: ['ref'], phone: ['telephone'], opened: ['viewed'], clicked: ['tapped'], sent: ['dispatched'],
  requested: ['raised'], resolved: ['closed'], issued: ['billed'], due: ['payable'], paid: ['settled'], start: ['begin'], end: ['finish'],
  budget: ['allocation'], segment: ['cohort'], tier: ['level'], points: ['credits'], balance: ['remaining'], event: ['activity'], brand: ['make'],
  category: ['group'], city: ['town'], region: ['area'], fee: ['charge'], provider: ['processor', 'gateway'], reference: ['identifier'],
  method: ['mode'], risk: ['fraud'], failure: ['decline'], captured: ['settled'], entry: ['record'], account: ['ledger'], journal: ['batch'],
  fiscal: ['financial'], period: ['term'], message: ['note'], body: ['content'], author: ['sender'], survey: ['feedback'], comment: ['remark'],
  consent: ['permission'], purpose: ['scope'], granted: ['given'], revoked: ['withdrawn'], refund: ['reimbursement'], chargeback: ['dispute'],
  payout: ['disbursement'], merchant: ['seller'], promo: ['coupon'], promotion: ['offer', 'deal'], redemption: ['usage'], redemptions: ['usages'],
  impressions: ['views'], clicks: ['taps'], conversions: ['sales'], platform: ['network'], cart: ['basket'], session: ['visit'],
  abandoned: ['dropped'], converted: ['resulting'], device: ['terminal'], weight: ['mass'], package: ['parcel'], task: ['job'],
  assigned: ['allocated'], bin: ['slot'], priority: ['urgency'], started: ['begun'], completed: ['finished'], line: ['item'], lifetime: ['historic'],
  loyalty: ['rewards'], enrolled: ['joined'], expires: ['lapses'], earned: ['accrued'], redeemed: ['spent'], language: ['locale'],
  preferred: ['chosen'], acquisition: ['signup'], login: ['sign_in'], employee: ['staff'], tax: ['vat'], shipping: ['freight'], subtotal: ['net'],
  cancelled: ['voided'], store: ['shop', 'outlet'], tags: ['labels'], base: ['source'], quote: ['target'], official: ['reference'],
  inverse: ['reciprocal'], published: ['released'], planned: ['forecast'], owner: ['responsible'], version: ['revision'], return: ['rma'],
  received: ['arrived'], restockable: ['resellable'], condition: ['grade'], arrival: ['landing'], bank: ['deposit'], skills: ['competencies'],
  hired: ['joined'], shift: ['rota'], score: ['rating'], responded: ['answered'], lead: ['delivery'], rating: ['grade'], terms: ['conditions'],
  expected: ['planned'], ordered: ['requested'], buyer: ['purchaser'], counted: ['audited'], reserved: ['allocated'], available: ['free'],
  reorder: ['restock'], on: ['at'], launched: ['released'], active: ['live'], color: ['colour'], barcode: ['ean'], spend: ['cost'],
  objective: ['goal'], target: ['audience'], utm: ['tracking'], subject: ['title'], template: ['layout'], variant: ['version'],
  bounced: ['undeliverable'], unsubscribed: ['opted_out'], location: ['place'], exception: ['incident'], contract: ['agreement'],
  service: ['delivery'], levels: ['tiers'], level: ['tier'], destination: ['recipient'], estimated: ['expected'], express: ['priority'],
  signature: ['signoff'], required: ['needed'], debit: ['dr'], credit: ['cr'], center: ['unit'], created: ['raised'], year: ['yr'],
};

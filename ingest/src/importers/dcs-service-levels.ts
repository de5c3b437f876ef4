import { isJson, textOf, type Json } from './json-reading.js';
import { serviceLevelSlo, type Carried, type SloDraft } from './mapping.js';
import { pointerOf, type SourceReader } from './source-reader.js';

/**
 * A DCS contract's promises as SLOs (dcs.ts puts them on the ports): its `servicelevels`, SLAs on
 * every port, and the SodaCL checks of a 0.9.x contract-wide `quality` block, on their model's port.
 */

/** Each known service level: its metric, the keys whose first value is the objective, the field it is on, and details for the description. */
const SERVICE_LEVELS: Record<string, { metric: string; objective: string[]; element?: string[]; details?: Record<string, string> }> = {
  availability: { metric: 'availability', objective: ['percentage'] },
  retention: { metric: 'retention', objective: ['period', 'unlimited'], element: ['timestampField'] },
  latency: { metric: 'latency', objective: ['threshold'], element: ['sourceTimestampField', 'processedTimestampField'] },
  freshness: { metric: 'freshness', objective: ['threshold'], element: ['timestampField'] },
  frequency: { metric: 'frequency', objective: ['interval', 'cron', 'type'], details: { type: 'type', cron: 'cron' } },
  support: { metric: 'responseTime', objective: ['responseTime', 'time'], details: { time: 'support hours' } },
  backup: { metric: 'backup', objective: ['interval', 'cron'], details: { cron: 'cron', recoveryTime: 'recovery time', recoveryPoint: 'recovery point' } },
};

/**
 * `servicelevels` as SLA SLOs, one per known service level: availability percentage, retention
 * period, latency and freshness thresholds (on their timestamp fields), frequency, support
 * response time and backup. The first objective key present is the objective; the level's other
 * keys go into the description. Unknown keys are left for the unmapped report.
 */
export function serviceLevels(source: SourceReader, levels: Record<string, Json>): Carried<SloDraft>[] {
  return Object.entries(SERVICE_LEVELS).flatMap(([key, spec]) => {
    const level = levels[key];
    if (!isJson(level)) return [];
    const pointer = pointerOf('servicelevels', key);
    const present = (k: string) => level[k] !== undefined;
    const show = (k: string) => (level[k] === true ? k : String(level[k]));
    const objectiveKey = spec.objective.find((k) => present(k) && level[k] !== false);
    const objective = objectiveKey ? show(objectiveKey) : textOf(level['description']);
    if (objective === undefined) return [];
    const elements = (spec.element ?? []).filter(present);
    const labels: Record<string, string> = { ...Object.fromEntries(spec.objective.map((k) => [k, k])), ...spec.details };
    const detailKeys = Object.keys(labels).filter((k) => k !== objectiveKey && present(k));
    const details = detailKeys.map((k) => `${labels[k]} ${show(k)}`);
    const description = [objectiveKey && textOf(level['description']), ...details].filter(Boolean).join('; ');
    const element = elements.map(show).join(' → ');
    const value = serviceLevelSlo(spec.metric, objective, { commitment: 'sla', ...(element && { element }), ...(description && { description }) });
    const keys = [...(present('description') ? ['description'] : []), ...(objectiveKey ? [objectiveKey] : []), ...elements, ...detailKeys];
    return [{ value, pointer, uses: keys.map((k) => `${pointer}/${k}`) }];
  });
}

/**
 * The contract-wide `quality` block of 0.9.x documents: a SodaCL specification's `checks for
 * <model>` lists become SLOs on that model's port (the check's function is the metric). Other
 * specifications (Monte Carlo, custom text) are not split into rules and are reported.
 */
export function contractChecks(source: SourceReader, quality: Json | undefined): Map<string, Carried<SloDraft>[]> {
  const checks = new Map<string, Carried<SloDraft>[]>();
  if (!quality) return checks;
  const type = textOf(quality['type']) ?? 'unknown';
  const specification = quality['specification'];
  if (!/^sodacl$/i.test(type) || !isJson(specification)) {
    source.skip('/quality', `a contract-wide ${type} quality specification is not split into rules; only SodaCL check lists are`);
    return checks;
  }
  source.use('/quality/type');
  for (const [key, list] of Object.entries(specification)) {
    const model = /^checks for (.+)$/.exec(key)?.[1]?.trim();
    if (!model || !Array.isArray(list)) continue;
    checks.set(
      model,
      list.map((check, i) => {
        const text = typeof check === 'string' ? check : JSON.stringify(check);
        const pointer = pointerOf('quality', 'specification', key, i);
        return { value: sodaCheck(text, type, model), pointer, uses: [pointer] };
      }),
    );
  }
  return checks;
}

/** A SodaCL check (`row_count > 10`, `missing_count(id) = 0`) as an SLO: its function is the metric, the check itself the objective. */
function sodaCheck(text: string, type: string, model: string): SloDraft {
  const objective = text.length > 200 ? `${text.slice(0, 199)}…` : text;
  const description = [`on ${model}`, `type ${type}`, objective !== text && `check ${text}`].filter(Boolean).join('; ').slice(0, 2000);
  return { slo: { metric: (/^[A-Za-z_]+/.exec(text)?.[0] ?? type).slice(0, 100), objective, description }, commitment: 'slo', qualifiers: [text] };
}

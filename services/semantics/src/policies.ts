import type { Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import type { FindingSeverity, PolicyFinding } from '@quanta/model';
import { RDF_TYPE, iri } from './vocabulary.js';

const SEVERITIES: ReadonlyMap<string, FindingSeverity> = new Map([
  [iri('sh', 'Violation'), 'Violation'],
  [iri('sh', 'Warning'), 'Warning'],
  [iri('sh', 'Info'), 'Info'],
]);
const RANK: Record<FindingSeverity, number> = { Violation: 0, Warning: 1, Info: 2 };
const SH_MESSAGE = iri('sh', 'message');

/**
 * The global policies (SHACL shapes, ADR 0006) run with rdf-validate-shacl. One validator serves
 * every check: building it compiles the shapes graph, which cost most of a registration when done
 * per check. A validator holds the data graph of its current run, so checks take turns (a promise
 * chain); each run is synchronous CPU work anyway, so turns cost no throughput.
 */
export class PolicyChecker {
  private readonly withMessage: ReadonlySet<string>;
  private readonly validator: SHACLValidator;
  /** The predicates the shapes can look at; undefined when they may look at any (then all data goes in). */
  private readonly relevant: ReadonlySet<string> | undefined;
  private turn: Promise<unknown> = Promise.resolve();

  /** @param shapes the shapes graph, e.g. parsed from `shapesTurtle()` */
  constructor(private readonly shapes: readonly Quad[]) {
    this.withMessage = new Set(shapes.filter((q) => q.predicate.value === SH_MESSAGE).map((q) => q.subject.value));
    this.validator = new SHACLValidator(new Store([...shapes]));
    this.relevant = relevantPredicates(shapes);
  }

  /** The shapes graph: SHACL results name its property paths, which the locator reads. */
  get shapeQuads(): readonly Quad[] {
    return this.shapes;
  }

  /**
   * Validates `data` and maps each result to a finding located in the descriptor: Violations
   * first, then Warnings, then Infos, each group ordered by pointer, message and shape.
   */
  async check(data: readonly Quad[], locate: (focus: Term, path: Term | undefined) => string): Promise<PolicyFinding[]> {
    const relevant = this.relevant;
    const input = relevant ? data.filter((q) => relevant.has(q.predicate.value)) : [...data];
    const run = this.turn.then(() => this.validator.validate(new Store(input)));
    this.turn = run.catch(() => undefined);
    const report = await run;
    const findings = new Map<string, PolicyFinding>();
    for (const result of report.results) {
      const shape = result.sourceShape as Term | undefined;
      const path = locate(result.focusNode, result.path ?? undefined);
      const finding: PolicyFinding = {
        severity: SEVERITIES.get(result.severity?.value ?? '') ?? 'Warning',
        path,
        message: messageOf(result.message, shape && this.withMessage.has(shape.value), path, result.sourceConstraintComponent),
        ...(shape?.termType === 'NamedNode' && { shape: shape.value }),
      };
      findings.set(JSON.stringify([finding.severity, finding.path, finding.message, finding.shape]), finding);
    }
    return [...findings.values()].sort(
      (a, b) =>
        RANK[a.severity] - RANK[b.severity] ||
        compare(a.path, b.path) ||
        compare(a.message, b.message) ||
        compare(a.shape ?? '', b.shape ?? ''),
    );
  }
}

/**
 * The shape's own `sh:message` when it has one. Otherwise rdf-validate-shacl fills in its engine
 * default ("Less than 1 values"), which says nothing about where: wrap it in a sentence that does.
 */
function messageOf(messages: readonly Term[], fromShape: boolean | undefined, path: string, component: Term | undefined): string {
  const best = messages.find((m) => m.termType === 'Literal' && /^(en(-|$)|$)/i.test((m as { language: string }).language)) ?? messages[0];
  if (fromShape && best) return best.value;
  const rule = component?.value.replace(/^.*[#/]/, '').replace(/ConstraintComponent$/, '') ?? 'a policy';
  const where = path === '' ? 'The product' : `The value at ${path}`;
  return `${where} breaks the ${rule} rule${best ? `: ${best.value}` : ''}.`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shape predicates whose values name data predicates. */
const NAMING = new Set(['path', 'equals', 'disjoint', 'lessThan', 'lessThanOrEquals', 'targetSubjectsOf', 'targetObjectsOf'].map((p) => iri('sh', p)));
/** Constraints that may read any predicate: with one of these, no data is left out. */
const OPEN = new Set(['closed', 'sparql', 'ignoredProperties'].map((p) => iri('sh', p)));

/**
 * The data predicates the shapes can reach: every IRI in a property path (sequence, inverse,
 * alternative and repetition paths included), in a pair constraint or a predicate target, plus
 * rdf:type and rdfs:subClassOf for class targets and sh:class. A Core constraint sees a focus
 * node only through these, so leaving the other triples out cannot change a result, and it spares
 * the validator most of a descriptor (field names, types, SLO wording, the model's labels).
 * Shapes that can see any predicate (sh:closed, SPARQL) get all the data.
 */
function relevantPredicates(shapes: readonly Quad[]): ReadonlySet<string> | undefined {
  if (shapes.some((q) => OPEN.has(q.predicate.value))) return undefined;
  const bySubject = new Map<string, Quad[]>();
  for (const q of shapes) {
    const list = bySubject.get(q.subject.value);
    if (list) list.push(q);
    else bySubject.set(q.subject.value, [q]);
  }
  const found = new Set([RDF_TYPE, iri('rdfs', 'subClassOf')]);
  const visit = (term: Term, seen: Set<string>) => {
    if (term.termType === 'NamedNode') found.add(term.value);
    if (term.termType !== 'BlankNode' || seen.has(term.value)) return;
    seen.add(term.value);
    for (const q of bySubject.get(term.value) ?? []) visit(q.object, seen);
  };
  for (const q of shapes) if (NAMING.has(q.predicate.value)) visit(q.object, new Set());
  return found;
}

import { jsonOf, textOf } from './json-reading.js';
import { contactIri, slugify } from './mapping.js';
import { pointerOf, type SourceReader } from './source-reader.js';

/** A key the descriptor's `links` accepts. */
const LINK_KEY = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

/**
 * The descriptor's `links`, built the one way every importer builds them: keys as the descriptor
 * wants them (a letter first, at most 64 characters), values IRIs, a repeated key numbered.
 */
export class Links {
  readonly entries: Record<string, string> = {};

  /**
   * Adds a link when `url` is an IRI (an email address becomes `mailto:`).
   * @returns the key it is under (an address already linked keeps its key), or undefined when `url` is no IRI
   */
  add(label: string | undefined, url: unknown): string | undefined {
    const iri = contactIri(textOf(url));
    if (!iri) return undefined;
    const existing = Object.entries(this.entries).find(([, value]) => value === iri);
    if (existing) return existing[0];
    const base = keyOf(label);
    let key = base;
    for (let n = 2; Object.hasOwn(this.entries, key); n++) key = `${base.slice(0, 60)}-${n}`;
    this.entries[key] = iri;
    return key;
  }

  /** True when nothing was linked. */
  get empty(): boolean {
    return Object.keys(this.entries).length === 0;
  }
}

/** A source label as a link key: kept when already valid (`datacontractCli`), else slugged. */
function keyOf(label: string | undefined): string {
  if (label && LINK_KEY.test(label)) return label;
  const slug = (slugify(label) ?? 'link').slice(0, 64).replace(/-+$/, '');
  return /^[a-z]/.test(slug) ? slug : `link-${slug}`.slice(0, 64).replace(/-+$/, '');
}

/**
 * Support channels (ODPS and ODCS `support[]`, which Bitol shares) with a URL or an invitation URL,
 * as links keyed by the channel's name (its tool's when it has none). A channel without either
 * cannot be a link (links are IRIs) and is reported; so is a tool that does not name the link.
 */
export function supportLinks(source: SourceReader, support: unknown, pointer: string, links: Links): void {
  if (!Array.isArray(support)) return;
  support.map(jsonOf).forEach((item, i) => {
    const at = (key: string) => `${pointer}/${i}${pointerOf(key)}`;
    const channel = textOf(item['channel']);
    const label = channel ?? textOf(item['tool']);
    const linked = links.add(label, item['url']);
    const invited = links.add(`${label ?? 'support'}-invitation`, item['invitationUrl']);
    if (!linked && !invited) return source.skip(`${pointer}/${i}`, 'a support channel without a URL cannot be a link (links are IRIs)');
    [...(linked ? ['url'] : []), ...(invited ? ['invitationUrl'] : [])].forEach((k) => source.use(at(k)));
    if (label !== undefined) source.use(at(channel ? 'channel' : 'tool'));
    if (channel && item['tool'] !== undefined) source.skip(at('tool'), `the link is keyed by the channel's name; its tool (${String(item['tool'])}) is not kept`);
  });
}

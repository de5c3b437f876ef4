import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { MAX_ALIASES, isJson, treeOf, type Json } from './json-reading.js';
import { pointerOf } from './source-reader.js';

/** A `$ref` that was left as written, where it sits in the resolved document and why. */
export interface RefProblem {
  /** JSON Pointer of the reference object in the resolved document. */
  readonly pointer: string;
  readonly ref: string;
  readonly reason: string;
}

/** A value with its `$ref`s replaced by what they name, and what could not be replaced. */
export interface Resolved {
  readonly value: unknown;
  readonly problems: readonly RefProblem[];
  /** Substitutions the reader should check, such as a local copy read for a remote URL. */
  readonly notes: readonly string[];
}

/** Where a value came from: its file (absent for a document given without a path) and that file's root. */
interface Origin {
  readonly file: string | undefined;
  readonly root: unknown;
}

/** Bounds that keep a hostile or broken document from exhausting the importer. */
export interface RefLimits {
  /** How many `$ref`s may be followed inside one another. */
  readonly depth: number;
  /** How many distinct files may be read. */
  readonly files: number;
  /** The largest file read, in bytes. */
  readonly bytes: number;
}

const DEFAULT_LIMITS: RefLimits = { depth: 16, files: 200, bytes: 4 * 1024 * 1024 };

/** A reference target that could not be located; `reason` says why, for the report. */
class Unresolvable extends Error {}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
/** A file name a remote URL may be matched to in the local folder: no separators, no dot segments. */
const PLAIN_NAME = /^(?!\.{1,2}$)[\w.-]+$/;

/**
 * Resolves DPDS Reference Objects (`{ "$ref": "ports/x.json" }`, DPDS 1.0.0 §Reference Object,
 * JSON Reference semantics) the way the standard's multi-file examples need, and no further:
 *
 * - relative file references resolve against the file that holds them, and only to files under the
 *   descriptor's own folder (after symlinks), so a descriptor cannot make the importer read
 *   `../../etc/passwd`;
 * - `#/json/pointer` fragments, in the same file or another one;
 * - nothing is fetched: for an `http(s)` URL, a file of the same name beside the referencing file is
 *   read instead (the DPDS examples link their own schema files by raw GitHub URL), with a note;
 * - cycles and over-deep nesting stop with a problem rather than looping; everything that cannot be
 *   resolved stays as written and is returned as a problem, so one dangling reference never fails
 *   an import. A file whose YAML aliases make a cycle is refused, as the descriptor itself would be.
 *
 * The reference's `description` overrides the target's, as DPDS (after OpenAPI 3.1) says it SHOULD.
 * One resolver per document: it remembers the files it read and what it reported.
 */
export class RefResolver {
  private readonly folder: string | undefined;
  private readonly parsed = new Map<string, unknown>();
  private readonly resolved = new Map<string, unknown>();
  private readonly active = new Set<string>();
  private readonly problems: RefProblem[] = [];
  private readonly notes: string[] = [];

  /**
   * @param path the descriptor file; relative references resolve only when it is given
   * @param limits bounds on nesting, files read and file size
   */
  constructor(
    private readonly path: string | undefined,
    private readonly limits: RefLimits = DEFAULT_LIMITS,
  ) {
    this.folder = path === undefined ? undefined : dirname(resolve(path));
  }

  /**
   * Resolves every `$ref` in `value`, which sits at `pointer` in the descriptor document `root`.
   * Never throws for a bad reference: see {@link Resolved.problems}.
   */
  async resolve(value: unknown, pointer: string, root: unknown): Promise<Resolved> {
    const origin = { file: this.path === undefined ? undefined : resolve(this.path), root };
    const out = await this.walk(value, origin, pointer, 0);
    return { value: out, problems: [...this.problems], notes: [...this.notes] };
  }

  private async walk(value: unknown, origin: Origin, pointer: string, depth: number): Promise<unknown> {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      // One at a time, so problems and notes come out in document order.
      for (const [i, item] of value.entries()) out.push(await this.walk(item, origin, `${pointer}/${i}`, depth));
      return out;
    }
    if (!isJson(value)) return value;
    if (typeof value['$ref'] === 'string') return this.follow(value, value['$ref'], origin, pointer, depth);
    const entries: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) entries.push([key, await this.walk(item, origin, `${pointer}${pointerOf(key)}`, depth)]);
    // Built from entries, not by assignment, so a `__proto__` key stays a key rather than replacing the prototype.
    return Object.fromEntries(entries);
  }

  /** Replaces one reference object by its (resolved) target, or keeps it and records why not. */
  private async follow(reference: Json, ref: string, origin: Origin, pointer: string, depth: number): Promise<unknown> {
    try {
      if (depth >= this.limits.depth) throw new Unresolvable(`more than ${this.limits.depth} $refs inside one another`);
      const target = await this.locate(ref, origin, reference['mediaType']);
      const key = `${target.file ?? ''}#${target.fragment}`;
      if (this.active.has(key)) throw new Unresolvable('cyclic: it names a part that contains it');
      let value = this.resolved.get(key);
      if (value === undefined) {
        this.active.add(key);
        try {
          value = await this.walk(pointAt(target.root, target.fragment, ref), target, pointer, depth + 1);
        } finally {
          this.active.delete(key);
        }
        this.resolved.set(key, value);
      }
      const description = reference['description'];
      if (typeof description !== 'string' || !isJson(value)) return value;
      if (typeof value['description'] === 'string' && value['description'] !== description) {
        this.notes.push(`${pointer}: the description on the reference replaces the one in ${target.file === undefined ? ref : this.shown(target.file)}, as DPDS says it should`);
      }
      return { ...value, description };
    } catch (err) {
      if (!(err instanceof Unresolvable)) throw err;
      this.problems.push({ pointer, ref, reason: `$ref ${ref} not resolved: ${err.message}` });
      return reference;
    }
  }

  /** The file and fragment a reference names, read and parsed; refuses what lies outside the folder. */
  private async locate(ref: string, origin: Origin, mediaType: unknown): Promise<Origin & { fragment: string }> {
    const hash = ref.indexOf('#');
    const location = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    if (location === '') return { ...origin, fragment };
    const file = SCHEME.test(location) ? await this.localCopy(location, origin) : await this.localFile(location, origin);
    return { file, root: await this.read(file, mediaType), fragment };
  }

  /** A relative path, resolved against the referencing file and kept inside the descriptor's folder. */
  private async localFile(location: string, origin: Origin): Promise<string> {
    if (this.folder === undefined || origin.file === undefined) throw new Unresolvable('relative references need the descriptor file\'s path');
    let path: string;
    try {
      path = decodeURIComponent(location);
    } catch {
      throw new Unresolvable('not a valid URI reference');
    }
    if (isAbsolute(path) || path.startsWith('/') || path.startsWith('\\')) throw new Unresolvable('absolute paths are not read (give a path relative to the descriptor)');
    return this.inFolder(resolve(dirname(origin.file), path));
  }

  /**
   * Nothing is fetched: an import must not depend on the network nor let a document make requests.
   * A file with the URL's last segment as its name beside the referencing file is read instead.
   */
  private async localCopy(location: string, origin: Origin): Promise<string> {
    const url = parseUrl(location);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new Unresolvable('only relative file references and http(s) URLs are understood');
    const name = decodeSegment(url.pathname.split('/').pop() ?? '');
    if (this.folder === undefined || origin.file === undefined || !PLAIN_NAME.test(name)) throw new Unresolvable('remote references are not fetched');
    const copy = join(dirname(origin.file), name);
    let found: string;
    try {
      found = await this.inFolder(copy);
    } catch (err) {
      if (!(err instanceof Unresolvable)) throw err;
      throw new Unresolvable(`remote references are not fetched, and there is no local copy ${this.shown(copy)} beside the referencing file`);
    }
    this.notes.push(`${location} was not fetched: read the local copy ${this.shown(found)}`);
    return found;
  }

  /**
   * `path` when it is a file inside the descriptor's folder, both as written and with symlinks
   * followed. The path as written is returned, not the real one: references inside the file resolve
   * against it, and a folder reached through a symlink (a checkout's `../shared`) must stay that folder.
   */
  private async inFolder(path: string): Promise<string> {
    const folder = this.folder;
    if (folder === undefined) throw new Unresolvable('relative references need the descriptor file\'s path');
    if (!inside(folder, path)) throw new Unresolvable("it leads outside the descriptor's folder");
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      throw new Unresolvable(`no file ${this.shown(path)}`);
    }
    if (!inside(await realpath(folder), real)) throw new Unresolvable(`${this.shown(path)} is a link to outside the descriptor's folder`);
    return path;
  }

  /** A file's content, parsed once: JSON, YAML, or (for anything else, e.g. `.proto`) its text. */
  private async read(file: string, mediaType: unknown): Promise<unknown> {
    if (this.parsed.has(file)) return this.parsed.get(file);
    if (this.parsed.size >= this.limits.files) throw new Unresolvable(`more than ${this.limits.files} files referenced`);
    const text = await this.text(file);
    const value = treeOf(parseFile(text, extname(file).toLowerCase(), typeof mediaType === 'string' ? mediaType : ''), this.shown(file));
    this.parsed.set(file, value);
    return value;
  }

  /** A file's text, within the size bound; an unreadable file is a problem, not a failed import. */
  private async text(file: string): Promise<string> {
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Unresolvable(`${this.shown(file)} is not a file`);
      if (info.size > this.limits.bytes) throw new Unresolvable(`${this.shown(file)} is larger than ${this.limits.bytes} bytes`);
      return await readFile(file, 'utf8');
    } catch (err) {
      if (err instanceof Unresolvable) throw err;
      throw new Unresolvable(`${this.shown(file)} cannot be read (${err instanceof Error && 'code' in err ? String(err.code) : String(err)})`);
    }
  }

  /** A path as the report shows it: relative to the descriptor's folder. */
  private shown(path: string): string {
    return this.folder === undefined ? basename(path) : relative(this.folder, path).split(sep).join('/');
  }
}

function parseFile(text: string, extension: string, mediaType: string): unknown {
  const json = ['.json', '.avsc', '.jsonld'].includes(extension) || /json/i.test(mediaType);
  const yaml = ['.yaml', '.yml'].includes(extension) || /yaml/i.test(mediaType);
  if (!json && !yaml) return text;
  try {
    // YAML 1.2 reads JSON too; the same alias bound as the descriptor itself.
    return json ? (JSON.parse(text) as unknown) : parse(text, { maxAliasCount: MAX_ALIASES });
  } catch (err) {
    throw new Unresolvable(`not ${json ? 'JSON' : 'YAML'}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The part of `root` a fragment names: the whole of it, or a JSON Pointer (RFC 6901) into it. */
function pointAt(root: unknown, fragment: string, ref: string): unknown {
  if (fragment === '') return root;
  if (!fragment.startsWith('/')) throw new Unresolvable(`the fragment #${fragment} is not a JSON Pointer (#/a/b)`);
  let value = root;
  for (const raw of fragment.slice(1).split('/')) {
    const key = decodeSegment(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    const next = Array.isArray(value) ? (/^\d+$/.test(key) ? value[Number(key)] : undefined) : isJson(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    if (next === undefined) throw new Unresolvable(`nothing at ${ref}`);
    value = next;
  }
  return value;
}

/** True when `path` is `folder` or lies below it. */
function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function parseUrl(location: string): URL | undefined {
  try {
    return new URL(location);
  } catch {
    return undefined;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

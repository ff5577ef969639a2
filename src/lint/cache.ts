import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../utils/atomic-write.ts';
import type { Diagnostic } from '../utils/diagnostics.ts';
import type { FrontmatterResult } from '../utils/frontmatter.ts';
import type { LintConfig } from './config.ts';

/** Where the lint cache lives, relative to the project root (like the diagram cache). */
export const defaultLintCacheDir = path.join('node_modules', '.cache', 'themelion-lint');

/** The results file inside the cache folder; V8's compiled code goes to a sibling folder. */
export const cacheFileName = 'results.bin';
export const compileCacheFolder = 'v8';

/** What one lint run learnt about a file, valid for as long as the file's bytes are the same. */
export interface CachedFile {
  /** SHA-256 of the file's bytes. */
  hash: string;
  /** The frontmatter check (it depends on the bytes and the path only). */
  frontmatter: FrontmatterResult | undefined;
  /** Heading anchors: null when the file is not a parseable lesson; absent when it was never parsed. */
  anchors?: string[] | null | undefined;
  /** The rules' findings, when the file was linted. */
  lint?: CachedLint | undefined;
}

/**
 * The rules' findings on a file and the cross-file facts they were found with: the file's own
 * lesson id, the collection's lesson and module ids, and the anchors of each lesson it links to.
 * They are reused only while all of those are unchanged.
 */
export interface CachedLint {
  lessonId: string;
  /** Digest of the collection's lesson ids and module ids. */
  collection: string;
  /** [lesson id, its anchors as JSON ("null": not a parseable lesson)] for each lesson whose anchors a rule read. */
  anchorDeps: [string, string][];
  diagnostics: Diagnostic[];
}

export function digest(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The form anchors are compared in: order matters, since messages list the first few. */
export function anchorsKey(anchors: readonly string[] | ReadonlySet<string> | null | undefined): string {
  return anchors ? JSON.stringify([...anchors]) : 'null';
}

/** Folders under src/ holding code the linter can load: itself, the shared utilities and the schemas. */
const linterFolders = ['lint', 'utils', 'schemas'];

/**
 * The linter's own version: every source file it can load, the exact dependency versions in the
 * lockfile (mermaid's and TypeScript's parsers decide diagnostics too) and Node's version. Any edit to
 * any of them makes every cached result stale. Tests and fixtures are left out: they never change a diagnostic.
 */
export function digestLinterSources(srcDir: string, lockFile: string): string {
  const hash = createHash('sha256').update(process.version);
  for (const folder of linterFolders) {
    const files = readdirSync(path.join(srcDir, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.split(path.sep).some((part) => part === '__tests__' || part === '__fixtures__'))
      .sort();
    for (const file of files) hash.update(`\0${folder}/${file}\0`).update(readFileSync(path.join(srcDir, folder, file)));
  }
  try {
    hash.update(readFileSync(lockFile));
  } catch {
    hash.update('\0no package-lock.json');
  }
  return hash.digest('hex');
}

let linterDigest: string | undefined;

/** Key of a whole cache file: the linter's version (read once per process) and the rule settings. */
export function lintVersion(config: LintConfig): string {
  linterDigest ??= digestLinterSources(fileURLToPath(new URL('..', import.meta.url)), fileURLToPath(new URL('../../package-lock.json', import.meta.url)));
  return digest(`${linterDigest}\0${JSON.stringify(config)}`);
}

const digestBytes = 32;

/**
 * Reads the cache file written by an earlier run of the same linter version. Anything else — no file,
 * an unreadable, truncated or corrupt one, another version's — is an empty cache: the run lints from
 * scratch and never trusts what it cannot verify. The payload is checked against the SHA-256 stored
 * before it before V8 deserialises it.
 */
export function readLintCache(file: string, version: string): Map<string, CachedFile> {
  try {
    const bytes = readFileSync(file);
    if (bytes.length <= digestBytes) return new Map();
    const payload = bytes.subarray(digestBytes);
    if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(0, digestBytes))) return new Map();
    const data = deserialize(payload) as { version?: unknown; entries?: unknown };
    if (data?.version !== version || !(data.entries instanceof Map)) return new Map();
    return data.entries as Map<string, CachedFile>;
  } catch {
    return new Map();
  }
}

/**
 * Writes the cache atomically, so a run stopped halfway (or two runs at once) never leaves a half-written file. A
 * cache that cannot be written only costs the next run time: failures are ignored.
 */
export function writeLintCache(file: string, version: string, entries: Map<string, CachedFile>): void {
  try {
    const payload = serialize({ version, entries });
    writeFileAtomic(file, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
  } catch {
    // Nothing more to do: the next run lints from scratch.
  }
}

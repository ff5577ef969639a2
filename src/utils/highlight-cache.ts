import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

export const defaultHighlightCacheDir = path.join('node_modules', '.cache', 'themelion-highlight');

/**
 * What the highlighting code is: every dependency (package-lock.json) and every TypeScript module of src/ but tests.
 * The transformers and whatever they import live there, and a list of "the files that matter" would go stale the
 * first time one of them imports another; any change to the site's code costs one build of fresh highlighting.
 * Undefined without a package-lock.json: nothing then says which versions highlighted a cached block.
 */
export function codeFingerprint(root: string): string | undefined {
  const hash = createHash('sha256');
  try {
    hash.update(readFileSync(path.join(root, 'package-lock.json')));
  } catch {
    return undefined;
  }
  const src = path.join(root, 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.split(path.sep).includes('__tests__'))
    .sort();
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(path.join(src, file)));
  return hash.digest('hex');
}

/**
 * Highlighted code blocks on disk, one JSON file per key (the block's code, language, meta and the highlighting
 * settings) in a folder named after codeFingerprint, so an unchanged block is tokenized once and reused by later
 * builds. Only one code version is kept: the first write under a new fingerprint deletes the folders of the others,
 * which no build can read again. Writes are atomic: parallel workers and a stopped build never leave a truncated entry.
 */
export class HighlightCache<Value> {
  readonly dir: string;
  #ready = false;

  /** `root` holds one folder per code version; `fingerprint` names this build's. */
  constructor(root: string, fingerprint: string) {
    this.dir = path.join(root, fingerprint);
  }

  static key(parts: unknown): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  #file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  get(key: string): Value | undefined {
    try {
      return JSON.parse(readFileSync(this.#file(key), 'utf8')) as Value;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: Value): void {
    if (!this.#ready) {
      mkdirSync(this.dir, { recursive: true });
      const root = path.dirname(this.dir);
      for (const entry of readdirSync(root)) {
        if (entry !== path.basename(this.dir)) rmSync(path.join(root, entry), { recursive: true, force: true });
      }
      this.#ready = true;
    }
    writeFileAtomic(this.#file(key), JSON.stringify(value));
  }
}

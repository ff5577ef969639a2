import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

export const defaultCacheDir = path.join('node_modules', '.cache', 'themelion-diagrams');

/** A stable hash of everything that changes a drawn diagram: its source, mermaid's version and the renderer's settings. */
export function diagramKey(parts: { source: string; mermaidVersion: string; settings: unknown }): string {
  return createHash('sha256').update(JSON.stringify([parts.source, parts.mermaidVersion, parts.settings])).digest('hex');
}

/**
 * Finished SVGs on disk, one file per key, so an unchanged diagram is drawn once and then reused by every later
 * build (and by every page that repeats it). Writes are atomic: a build stopped halfway never leaves a truncated SVG.
 */
export class DiagramCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  #file(key: string): string {
    return path.join(this.dir, `${key}.svg`);
  }

  get(key: string): string | undefined {
    try {
      return readFileSync(this.#file(key), 'utf8');
    } catch {
      return undefined;
    }
  }

  set(key: string, svg: string): void {
    writeFileAtomic(this.#file(key), svg);
  }
}

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes a file through a temporary sibling and a rename, so a run stopped halfway never leaves a truncated file and
 * readers see the old content or the new one. The temporary name carries the process and thread, since MDX worker
 * threads and concurrent builds may write the same entry at once. On failure the temporary file is removed and the
 * error thrown.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

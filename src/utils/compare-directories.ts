import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

export interface FileDifference {
  /** Path relative to both directories, with "/" separators. */
  file: string;
  kind: 'changed' | 'only-in-first' | 'only-in-second';
  /** For a changed file: byte offset of the first difference and a little text from each side there. */
  offset?: number;
  first?: string;
  second?: string;
}

export interface AllowedDifference {
  /** Exact relative path, or a pattern tested against it. */
  file: string | RegExp;
  /** Why this file cannot be the same from one build to the next. */
  reason: string;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** A short, printable piece of a file around an offset, so a report shows what differs (a date, an id…). */
function excerpt(content: Buffer, offset: number): string {
  const start = Math.max(0, offset - 40);
  return JSON.stringify(content.subarray(start, Math.min(content.length, offset + 60)).toString('utf8'));
}

function firstDifference(a: Buffer, b: Buffer): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    if (a[index] !== b[index]) return index;
  }
  return length;
}

export interface Comparison {
  /** Files found in either tree. */
  files: number;
  /** Every file that is not byte-for-byte the same in both trees, in path order. */
  differences: FileDifference[];
}

export async function compareDirectories(first: string, second: string): Promise<Comparison> {
  const [firstFiles, secondFiles] = await Promise.all([listFiles(first), listFiles(second)]);
  const secondSet = new Set(secondFiles);
  const firstSet = new Set(firstFiles);
  const differences: FileDifference[] = [];
  for (const file of firstFiles) {
    if (!secondSet.has(file)) {
      differences.push({ file, kind: 'only-in-first' });
      continue;
    }
    const [a, b] = await Promise.all([readFile(path.join(first, file)), readFile(path.join(second, file))]);
    if (a.equals(b)) continue;
    const offset = firstDifference(a, b);
    differences.push({ file, kind: 'changed', offset, first: excerpt(a, offset), second: excerpt(b, offset) });
  }
  for (const file of secondFiles) {
    if (!firstSet.has(file)) differences.push({ file, kind: 'only-in-second' });
  }
  return {
    files: new Set([...firstFiles, ...secondFiles]).size,
    differences: differences.sort((a, b) => a.file.localeCompare(b.file)),
  };
}

/** Splits differences into those an allow-list entry explains and the unexpected rest. */
export function partitionDifferences(
  differences: FileDifference[],
  allowed: readonly AllowedDifference[],
): { expected: { difference: FileDifference; reason: string }[]; unexpected: FileDifference[] } {
  const expected: { difference: FileDifference; reason: string }[] = [];
  const unexpected: FileDifference[] = [];
  for (const difference of differences) {
    const entry = allowed.find(({ file }) => (typeof file === 'string' ? file === difference.file : file.test(difference.file)));
    if (entry) expected.push({ difference, reason: entry.reason });
    else unexpected.push(difference);
  }
  return { expected, unexpected };
}

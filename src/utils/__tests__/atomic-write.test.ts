import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../atomic-write.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atomic-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates the folder, replaces the file and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'a', 'b', 'entry.json');
    writeFileAtomic(file, 'primeiro');
    writeFileAtomic(file, 'segundo');

    expect(await readFile(file, 'utf8')).toBe('segundo');
    expect(await readdir(path.dirname(file))).toEqual(['entry.json']);
  });

  it('throws when the rename fails and removes its temporary file', async () => {
    const target = path.join(dir, 'ocupado');
    await mkdir(path.join(target, 'dentro'), { recursive: true });

    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect((await readdir(dir)).sort()).toEqual(['ocupado']);
  });
});

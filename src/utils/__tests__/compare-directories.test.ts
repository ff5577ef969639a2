import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareDirectories, partitionDifferences } from '../compare-directories.ts';

let base: string;

async function tree(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(base, name);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'compare-directories-'));
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('compareDirectories', () => {
  it('finds nothing in two identical trees', async () => {
    const files = { 'index.html': '<p>oi</p>', 'apis/rest/index.html': '<p>REST</p>' };
    expect(await compareDirectories(await tree('a', files), await tree('b', files))).toEqual({ files: 2, differences: [] });
  });

  it('names changed files with the first differing byte and the text around it', async () => {
    const a = await tree('a', { 'sitemap.xml': '<lastmod>2026-01-01</lastmod>', 'same.txt': 'x' });
    const b = await tree('b', { 'sitemap.xml': '<lastmod>2026-01-02</lastmod>', 'same.txt': 'x' });
    expect((await compareDirectories(a, b)).differences).toEqual([
      {
        file: 'sitemap.xml',
        kind: 'changed',
        offset: 18,
        first: JSON.stringify('<lastmod>2026-01-01</lastmod>'),
        second: JSON.stringify('<lastmod>2026-01-02</lastmod>'),
      },
    ]);
  });

  it('tells files present in only one tree, nested ones included', async () => {
    const a = await tree('a', { 'pagefind/fragment/pt_1a2b.pf_fragment': 'x', 'index.html': 'i' });
    const b = await tree('b', { 'pagefind/fragment/pt_9f8e.pf_fragment': 'x', 'index.html': 'i' });
    expect(await compareDirectories(a, b)).toMatchObject({ files: 3 });
    expect((await compareDirectories(a, b)).differences).toEqual([
      { file: 'pagefind/fragment/pt_1a2b.pf_fragment', kind: 'only-in-first' },
      { file: 'pagefind/fragment/pt_9f8e.pf_fragment', kind: 'only-in-second' },
    ]);
  });

  it('sees a difference in length as a change at the end of the shorter file', async () => {
    const [difference] = (await compareDirectories(await tree('a', { 'a.js': 'abc' }), await tree('b', { 'a.js': 'abcd' }))).differences;
    expect(difference).toMatchObject({ file: 'a.js', kind: 'changed', offset: 3 });
  });
});

describe('partitionDifferences', () => {
  it('keeps the reason of the allow-list entry that explains a file and reports the rest', () => {
    const differences = [
      { file: 'build-info.json', kind: 'changed' as const, offset: 0, first: '"a"', second: '"b"' },
      { file: 'index.html', kind: 'changed' as const, offset: 0, first: '"a"', second: '"b"' },
    ];
    const { expected, unexpected } = partitionDifferences(differences, [{ file: /^build-info\.json$/, reason: 'carries the build time' }]);
    expect(expected).toEqual([{ difference: differences[0], reason: 'carries the build time' }]);
    expect(unexpected).toEqual([differences[1]]);
  });
});

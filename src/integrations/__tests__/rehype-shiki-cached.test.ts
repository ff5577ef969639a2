import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rehypeShiki } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { unified } from 'unified';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCodePalette } from '../../utils/code-palette.ts';
import { shikiConfig } from '../markdown-pipeline.ts';
import { rehypeShikiCached } from '../rehype-shiki-cached.ts';

const shiki = shikiConfig(await loadCodePalette());
const source =
  '<p>Antes</p><pre><code class="language-ts">const a: number = 1;\n</code></pre>' +
  '<pre><code class="language-mermaid">sequenceDiagram</code></pre><pre><code>texto puro</code></pre>';
const tree = () => fromHtml(source, { fragment: true });

let root: string;
let cacheDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rehype-shiki-cached-'));
  cacheDir = path.join(root, 'cache');
  await writeFile(path.join(root, 'package-lock.json'), '{}');
  await mkdir(path.join(root, 'src'));
  await writeFile(path.join(root, 'src/transformer.ts'), 'export const version = 1;\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Cached blocks, in every code version's folder. */
async function entries(): Promise<string[]> {
  return (await readdir(cacheDir, { recursive: true })).filter((file) => file.endsWith('.json'));
}

async function run(options: Parameters<typeof rehypeShikiCached>[0]): Promise<Root> {
  const result = tree();
  await rehypeShikiCached(options)(result);
  return result;
}

describe('rehypeShikiCached', () => {
  it("highlights the blocks Astro's shiki step highlights, exactly as it does", async () => {
    const expected = await unified().use(rehypeShiki, shiki, ['math', 'mermaid']).run(tree());

    expect(await run({ shiki, excludeLangs: ['math', 'mermaid'], cacheDir, root })).toEqual(expected);
  });

  it('reuses a cached block in a later build without highlighting it again', async () => {
    const first = await run({ shiki, excludeLangs: ['mermaid'], cacheDir, root });
    expect(await entries()).toHaveLength(2);
    const failing = {
      ...shiki,
      transformers: [{ name: 'falha', preprocess: () => { throw new Error('não devia destacar de novo'); } }],
    };

    expect(await run({ shiki: failing, excludeLangs: ['mermaid'], cacheDir, root })).toEqual(first);
  });

  it.each([
    ['a module of src/', 'src/transformer.ts', 'export const version = 2;\n'],
    ['a dependency', 'package-lock.json', '{"lockfileVersion":3}'],
  ])('highlights again when %s changes', async (_what, file, content) => {
    await run({ shiki, excludeLangs: ['mermaid'], cacheDir, root });
    await writeFile(path.join(root, file), content);
    const marker = { ...shiki, transformers: [...(shiki.transformers ?? []), { name: 'marca', pre: (pre: { properties: Record<string, unknown> }) => { pre.properties['dataMarca'] = ''; } }] };

    const again = await run({ shiki: marker, excludeLangs: ['mermaid'], cacheDir, root });

    expect(JSON.stringify(again)).toContain('dataMarca');
    // The blocks of the old code version are gone with their folder: no build can read them again.
    expect(await readdir(cacheDir)).toHaveLength(1);
    expect(await entries()).toHaveLength(2);
  });

  it('keeps no cache without a package-lock.json to key it', async () => {
    await rm(path.join(root, 'package-lock.json'));

    const result = await run({ shiki, excludeLangs: ['mermaid'], cacheDir, root });

    expect(JSON.stringify(result)).toContain('code-block');
    await expect(readdir(cacheDir)).rejects.toThrow();
  });
});

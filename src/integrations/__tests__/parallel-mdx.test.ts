import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { parseFrontmatter, type AstroMarkdownOptions, type MdxRenderer, type MdxRendererOptions } from 'astro/markdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodePalette } from '../../utils/code-palette.ts';
import { existingSharedDiagramService } from '../../utils/diagram-service.ts';
import { mdxPipeline, shikiConfig, syntaxHighlight } from '../markdown-pipeline.ts';
import { parallelMdx } from '../parallel-mdx.ts';

const root = new URL('../../../', import.meta.url);
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
// What @astrojs/mdx hands a processor in this project.
const shared: AstroMarkdownOptions = { syntaxHighlight, gfm: true, smartypants: true };
const shiki = shikiConfig(await loadCodePalette());
const mdxOptions: MdxRendererOptions = { optimize: false, srcDir: new URL('src/', root), sourcemap: false };

/** Calls an integration hook with only the parameters it reads. */
function runHook(integration: AstroIntegration, name: keyof AstroIntegration['hooks'], params: object): unknown {
  return (integration.hooks[name] as (params: object) => unknown)(params);
}

async function lesson(file: string) {
  const { frontmatter, content } = parseFrontmatter(await readFile(file, 'utf8'));
  return { frontmatter, content };
}

let parallel: ReturnType<typeof parallelMdx>;
let workers: MdxRenderer;
let mainThread: MdxRenderer;

beforeAll(async () => {
  parallel = parallelMdx({ base: '/sala/', shiki, workers: 1, parallelAbove: 0 });
  await runHook(parallel.integration, 'astro:config:setup', { command: 'build', config: { root } });
  workers = await parallel.processor.createMdxRenderer!(shared, mdxOptions);
  mainThread = await unified(mdxPipeline({ base: '/sala/', shiki })).createMdxRenderer!(shared, mdxOptions);
});

afterAll(async () => {
  await runHook(parallel.integration, 'astro:build:done', {});
  await existingSharedDiagramService()?.close();
});

describe('parallelMdx in a build', () => {
  it('compiles a lesson in a worker to the same module as the main thread, diagrams drawn and published by the main thread', async () => {
    const file = fixture('dois-diagramas.mdx');
    const { frontmatter, content } = await lesson(file);

    const fromWorker = await workers.process(content, file, frontmatter);
    const published = [...(existingSharedDiagramService()?.standaloneFiles.keys() ?? [])];
    const fromMainThread = await mainThread.process(content, file, frontmatter);

    expect(fromWorker).toEqual(fromMainThread);
    expect(fromWorker.code).toContain('/sala/diagramas/dgm-');
    expect(published.filter((name) => name.startsWith('diagramas/dgm-'))).toHaveLength(2);
  }, 60_000);

  it("reports a diagram's syntax error as the main thread does: message, hint and line of the lesson", async () => {
    const file = fixture('diagrama-com-erro.mdx');
    const { frontmatter, content } = await lesson(file);

    const fromWorker = await workers.process(content, file, frontmatter).catch((error: unknown) => error);
    const fromMainThread = await mainThread.process(content, file, frontmatter).catch((error: unknown) => error);

    expect(fromWorker).toBeInstanceOf(Error);
    expect(fromWorker).toMatchObject({
      name: 'AstroUserError',
      message: (fromMainThread as Error).message,
      hint: (fromMainThread as { hint: string }).hint,
      line: (fromMainThread as { line: number }).line,
    });
    expect((fromWorker as Error).message).toContain('erro de sintaxe mermaid');
  }, 60_000);

  it('reports an MDX syntax error with its line and column', async () => {
    const file = fileURLToPath(new URL('quebrada.mdx', pathToFileURL(fixture('dois-diagramas.mdx'))));
    const content = '## O que é\n\nTexto com <Term id="http">componente aberto.\n';

    const error = await workers.process(content, file, {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ line: 3 });
    expect((error as { column?: unknown }).column).toEqual(expect.any(Number));
  });
});

describe('parallelMdx outside a build', () => {
  it('compiles in the main thread for the dev server', async () => {
    const dev = parallelMdx({ base: '/', shiki, workers: 1, parallelAbove: 0 });
    await runHook(dev.integration, 'astro:config:setup', { command: 'dev', config: { root } });
    const renderer = await dev.processor.createMdxRenderer!(shared, mdxOptions);
    const inProcess = await unified(mdxPipeline({ base: '/', shiki })).createMdxRenderer!(shared, mdxOptions);

    // Astro's own renderer, not the one that posts to workers.
    expect(String(renderer.process)).toBe(String(inProcess.process));
  });
});

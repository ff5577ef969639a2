import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagramService } from '../../utils/diagram-service.ts';
import { findChromium } from '../../utils/mermaid-renderer.ts';
import { optimize } from 'svgo';
import { rehypeMermaid, type RehypeMermaidOptions } from '../rehype-mermaid.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

async function renderLesson(name: string, options: RehypeMermaidOptions) {
  const filePath = path.join(fixtures, name);
  const file = await unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkRehype)
    .use(rehypeMermaid, { root, ...options })
    .use(rehypeStringify)
    .process({ path: filePath, value: await readFile(filePath, 'utf8') });
  return { html: String(file), data: file.data as { astro?: { frontmatter?: Record<string, unknown> } } };
}

function svgsOf(html: string): Element[] {
  const svgs: Element[] = [];
  visit(fromHtml(html, { fragment: true }) as Root, 'element', (node) => {
    if (node.tagName === 'svg') svgs.push(node);
  });
  return svgs;
}

/** Every id declared inside the SVG's markup, and every id it points at (url(#…), href, ARIA). */
function idsOf(svgHtml: string) {
  const declared = [...svgHtml.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
  const referenced = new Set<string>();
  for (const match of svgHtml.matchAll(/url\(#([^)"']+)\)/g)) referenced.add(match[1]!);
  for (const match of svgHtml.matchAll(/href="#([^"]+)"/g)) referenced.add(match[1]!);
  for (const match of svgHtml.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)) {
    for (const id of match[1]!.split(/\s+/)) referenced.add(id);
  }
  return { declared, referenced: [...referenced] };
}


describe('rehypeMermaid with a browser', () => {
  let cacheDir = '';
  let firstHtml = '';

  beforeAll(async () => {
    const chromium = findChromium();
    if (chromium.path === undefined) {
      throw new Error(
        `Estes testes desenham diagramas num Chromium de verdade e não há um: ${chromium.reason}. ` +
          'Instale o pacote chromium do Debian (apt-get install chromium) ou aponte CHROMIUM_PATH para um Chromium.',
      );
    }
    cacheDir = await mkdtemp(path.join(tmpdir(), 'themelion-diagrams-test-'));
  });

  afterAll(async () => {
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  });

  it('draws two diagrams as two inline SVGs whose ids never collide and whose references stay inside', async () => {
    const service = new DiagramService({ cacheDir, fallbackTitle: 'Diagrama de sequência' });
    try {
      const { html } = await renderLesson('dois-diagramas.mdx', { service, base: '/sala/' });
      firstHtml = html;
      expect(service.stats).toEqual({ drawn: 2, cached: 0, fallback: 0 });

      const svgs = svgsOf(html);
      expect(svgs).toHaveLength(2);
      expect(html).not.toContain('language-mermaid');
      expect(html).not.toContain('<script');

      const parts = html.split('<svg').slice(1).map((part) => `<svg${part.slice(0, part.indexOf('</svg>') + 6)}`);
      const idSets = parts.map(idsOf);
      for (const { declared, referenced } of idSets) {
        expect(new Set(declared).size).toBe(declared.length);
        expect(referenced.length).toBeGreaterThan(2);
        for (const id of referenced) expect(declared).toContain(id);
      }
      const [first, second] = idSets as [ReturnType<typeof idsOf>, ReturnType<typeof idsOf>];
      expect(first.declared.filter((id) => second.declared.includes(id))).toEqual([]);
      // Every id is scoped by the diagram's content hash and position on the page.
      expect(first.declared.every((id) => /^dgm-[0-9a-f]{12}-0-/.test(id))).toBe(true);
      expect(second.declared.every((id) => /^dgm-[0-9a-f]{12}-1-/.test(id))).toBe(true);

      for (const svg of svgs) {
        expect(svg.properties['role']).toBe('img');
        expect(svg.children.some((child) => child.type === 'element' && child.tagName === 'title')).toBe(true);
        expect(svg.children.some((child) => child.type === 'element' && child.tagName === 'desc')).toBe(true);
        expect(svg.properties['ariaLabelledBy']).toBeTruthy();
        expect(svg.properties['ariaDescribedBy']).toBeTruthy();
      }
      expect(html).toContain('<title id="dgm-');
      expect(html).toContain('>Login com cookie de sessão</title>');
      expect(html).toContain('<section class="diagram-scroll" tabindex="0" aria-label="Diagrama: Login com cookie de sessão"');
      expect(html).toContain('<figcaption>Login: a senha é conferida uma vez e o servidor devolve o cookie de sessão.</figcaption>');
      expect(html).toMatch(/<a class="diagram-open" href="\/sala\/diagramas\/dgm-[0-9a-f]{12}\.svg"/);
      // Colours come from the site's custom properties, none from mermaid's placeholders.
      expect(html).toContain('var(--diagram-actor-bg)');
      expect(html).not.toMatch(/#10[a-c][0-9a-f]{3}/i);

      expect(service.standaloneFiles.size).toBe(2);
      for (const svg of service.standaloneFiles.values()) {
        // svgo parses strictly as XML and throws on a malformed document.
        expect(() => optimize(svg, { plugins: [] })).not.toThrow();
      }
    } finally {
      await service.close();
    }
  }, 60_000);

  it('serves the second build from the cache without starting a browser', async () => {
    const service = new DiagramService({ cacheDir, fallbackTitle: 'Diagrama de sequência' });
    try {
      const { html } = await renderLesson('dois-diagramas.mdx', { service, base: '/sala/' });
      expect(service.stats).toEqual({ drawn: 0, cached: 2, fallback: 0 });
      expect(service.browserStarted).toBe(false);
      expect(html).toBe(firstHtml);
    } finally {
      await service.close();
    }
  });

  it('stops on a syntax error with file, line in the lesson, line in the diagram and mermaid\'s message', async () => {
    const service = new DiagramService({ cacheDir, fallbackTitle: 'Diagrama de sequência' });
    try {
      const error = await renderLesson('diagrama-com-erro.mdx', { service }).then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
      expect(error).toBeInstanceOf(Error);
      const file = path.relative(root, path.join(fixtures, 'diagrama-com-erro.mdx'));
      expect(error!.message).toContain(`${file}:24:1  erro  erro de sintaxe mermaid na linha 6 do diagrama`);
      expect(error!.message).toContain('aberto na linha 18');
      expect(error!.message).toMatch(/Expecting .+ got/);
      expect(error!.stack).toBe('');
    } finally {
      await service.close();
    }
  }, 60_000);
});

describe('rehypeMermaid without a browser', () => {
  it('warns once and leaves readable source blocks for the client-side fallback', async () => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('themelion.diagram-unavailable-warned')];
    const emptyCache = await mkdtemp(path.join(tmpdir(), 'themelion-diagrams-fallback-'));
    const service = new DiagramService({
      cacheDir: emptyCache,
      env: { CHROMIUM_PATH: path.join(emptyCache, 'não-existe', 'chromium') },
      fallbackTitle: 'Diagrama de sequência',
    });
    const warnings: string[] = [];
    try {
      const { html, data } = await renderLesson('dois-diagramas.mdx', { service, base: '/sala', warn: (message) => warnings.push(message) });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('CHROMIUM_PATH aponta para');
      expect(service.stats).toEqual({ drawn: 0, cached: 0, fallback: 2 });
      expect(svgsOf(html)).toHaveLength(0);
      expect(html.match(/data-diagram-fallback/g)).toHaveLength(2);
      expect(html).toContain('<pre class="diagram-source" tabindex="0"><code>sequenceDiagram\n  accTitle: Login com cookie de sessão');
      expect(data.astro?.frontmatter?.['diagramFallback']).toBe('/sala/diagramas/mermaid/mermaid.esm.min.mjs');
    } finally {
      await service.close();
      await rm(emptyCache, { recursive: true, force: true });
    }
  });
});

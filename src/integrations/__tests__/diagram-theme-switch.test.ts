import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePalettes } from '../../utils/diagram-palette.ts';
import { DiagramService } from '../../utils/diagram-service.ts';
import { findChromium, launchArgs } from '../../utils/mermaid-renderer.ts';
import { rehypeMermaid } from '../rehype-mermaid.ts';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const styleSheets = await Promise.all(['../../styles/global.css', '../../styles/diagrams.css'].map((file) => readFile(here(file), 'utf8')));
const palettes = resolvePalettes(styleSheets);

function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}

let browser: Browser;
let page: Page;
let cacheDir: string;

beforeAll(async () => {
  const executable = findChromium();
  if (executable.path === undefined) {
    throw new Error(`Este teste abre o diagrama num Chromium de verdade e não há um: ${executable.reason}. Instale o pacote chromium.`);
  }
  cacheDir = await mkdtemp(path.join(tmpdir(), 'themelion-diagrams-theme-'));
  const service = new DiagramService({ cacheDir, fallbackTitle: 'Diagrama de sequência' });
  const lesson = here('./fixtures/dois-diagramas.mdx');
  const html = String(
    await unified()
      .use(remarkParse)
      .use(remarkFrontmatter)
      .use(remarkRehype)
      .use(rehypeMermaid, { service })
      .use(rehypeStringify)
      .process({ path: lesson, value: await readFile(lesson, 'utf8') }),
  );
  await service.close();
  browser = await chromium.launch({ executablePath: executable.path, args: launchArgs });
  page = await browser.newPage();
  await page.setContent(`<!doctype html><html lang="pt-BR"><head><style>${styleSheets.join('\n')}</style></head><body>${html}</body></html>`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rm(cacheDir, { recursive: true, force: true });
});

/** Colours the browser actually paints, read from the first diagram's shapes and text. */
function paintedColours() {
  return page.evaluate(() => {
    const svg = document.querySelector('figure.diagram svg')!;
    const style = (selector: string) => getComputedStyle(svg.querySelector(selector)!);
    return {
      actorFill: style('rect.actor').fill,
      actorText: style('text.actor tspan').fill,
      messageText: style('.messageText').fill,
      messageLine: style('.messageLine0').stroke,
      noteFill: style('rect.note').fill,
    };
  });
}

describe('diagram colours follow the site theme in the browser', () => {
  it('repaints the same inline SVG when data-theme changes, with no re-render', async () => {
    const svgBefore = await page.evaluate(() => document.querySelector('figure.diagram svg')!.outerHTML);

    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'light'));
    const light = await paintedColours();
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
    const dark = await paintedColours();

    expect(light).toEqual({
      actorFill: rgb(palettes.light['--diagram-actor-bg']!),
      actorText: rgb(palettes.light['--diagram-actor-text']!),
      messageText: rgb(palettes.light['--diagram-text']!),
      messageLine: rgb(palettes.light['--diagram-signal']!),
      noteFill: rgb(palettes.light['--diagram-note-bg']!),
    });
    expect(dark).toEqual({
      actorFill: rgb(palettes.dark['--diagram-actor-bg']!),
      actorText: rgb(palettes.dark['--diagram-actor-text']!),
      messageText: rgb(palettes.dark['--diagram-text']!),
      messageLine: rgb(palettes.dark['--diagram-signal']!),
      noteFill: rgb(palettes.dark['--diagram-note-bg']!),
    });
    expect(dark.messageText).not.toBe(light.messageText);
    expect(await page.evaluate(() => document.querySelector('figure.diagram svg')!.outerHTML)).toBe(svgBefore);
  });

  it('follows the system preference when JavaScript never set data-theme', async () => {
    await page.evaluate(() => delete document.documentElement.dataset['theme']);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect((await paintedColours()).messageText).toBe(rgb(palettes.dark['--diagram-text']!));
    await page.emulateMedia({ colorScheme: 'light' });
    expect((await paintedColours()).messageText).toBe(rgb(palettes.light['--diagram-text']!));
  });
});

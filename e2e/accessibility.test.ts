import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every WCAG A and AA rule axe has, up to WCAG 2.2: the level the site promises. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** One page of each kind the site generates; the two lessons carry diagrams, code frames and tables. */
const pages: { name: string; path: string }[] = [
  { name: 'início', path: '' },
  { name: 'módulo', path: 'apis/' },
  { name: 'aula (HTTP)', path: 'protocolos/http/' },
  { name: 'aula (design de APIs)', path: 'apis/design-de-apis/' },
  { name: 'todas as aulas', path: 'aulas/' },
  { name: 'tags', path: 'tags/' },
  { name: 'uma tag', path: 'tags/jwt/' },
  { name: 'níveis', path: 'niveis/' },
  { name: 'um nível', path: 'niveis/iniciante/' },
  { name: 'glossário', path: 'glossario/' },
  { name: 'busca com resultados', path: 'busca/?q=jwt' },
  { name: 'guia de autoria', path: 'autoria/' },
  { name: 'regras de autoria', path: 'autoria/regras/' },
  { name: 'página não encontrada', path: '404.html' },
];

const themes = ['light', 'dark'] as const;
type Theme = (typeof themes)[number];

interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

declare global {
  interface Window {
    axe: { run: (context: Document, options: object) => Promise<{ violations: AxeResult[] }> };
  }
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openPage(path: string, theme: Theme) {
  // bypassCSP lets the test inject axe as an inline script; the site's own scripts still run as deployed.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: theme, bypassCSP: true });
  // The stored choice is what the pre-paint script reads, so the page starts in the theme under test.
  await context.addInitScript((stored) => localStorage.setItem('theme', stored), theme);
  const page = await context.newPage();
  await page.goto(new URL(path, siteUrl).href, { waitUntil: 'networkidle' });
  expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
  return { context, page };
}

/** Runs axe and returns one readable line per failing node, so a failure says what to fix and where. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    wcagTags,
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} [${violation.impact ?? 'sem impacto'}] ${JSON.stringify(node.target)}: ${violation.help}`,
    ),
  );
}

describe('acessibilidade (axe, WCAG 2.0/2.1/2.2 A e AA)', () => {
  for (const theme of themes) {
    for (const { name, path } of pages) {
      test(`${name} (/${path}) no tema ${theme === 'light' ? 'claro' : 'escuro'}`, async () => {
        const { context, page } = await openPage(path, theme);
        if (path.startsWith('busca/')) await expect.poll(() => page.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
        expect(await violations(page)).toEqual([]);
        await context.close();
      });
    }

    test(`diálogo de busca aberto no tema ${theme === 'light' ? 'claro' : 'escuro'}`, async () => {
      const { context, page } = await openPage('', theme);
      await page.locator('[data-search-open]').click();
      await page.locator('dialog[open] input[name="q"]').fill('jwt');
      await expect.poll(() => page.locator('dialog[open] [data-search-results] > li').count()).toBeGreaterThan(0);
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  }
});

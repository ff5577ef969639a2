import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const guide = new URL('autoria/', siteUrl).href;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openGuide(options: { javaScriptEnabled?: boolean; width?: number; colorScheme?: 'light' | 'dark' } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  await page.goto(guide);
  return { context, page };
}

const tabsOf = (page: Page, index: number) => page.locator('[data-code-tabs]').nth(index).getByRole('tab');
const selected = (page: Page, index: number) =>
  page.locator('[data-code-tabs]').nth(index).locator('[role="tab"][aria-selected="true"]').textContent();
const visiblePanels = (page: Page, index: number) =>
  page
    .locator('[data-code-tabs]')
    .nth(index)
    .locator(':scope > figure')
    .evaluateAll((panels) => panels.filter((panel) => !(panel as HTMLElement).hidden).map((panel) => panel.getAttribute('data-language')));

describe('guia de autoria (/autoria/)', () => {
  test('renderiza cada componente, ao lado do código MDX de cada exemplo', async () => {
    const { context, page } = await openGuide();
    expect(await page.locator('.callout').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-type')))).toEqual([
      'nota',
      'dica',
      'aviso',
      'perigo',
    ]);
    expect(await page.locator('[data-code-tabs]').count()).toBe(2);
    expect(await page.locator('figure.figure img').getAttribute('alt')).toMatch(/\S/);
    expect(await page.locator('figure.figure > figcaption').count()).toBe(2);
    expect(await page.locator('.steps > ol > li').count()).toBe(4);
    expect(await page.locator('.compare').count()).toBe(2);
    expect(await page.locator('.compare[data-type="pros-contras"] > ul > li').count()).toBe(2);
    expect(await page.locator('a.term').count()).toBe(1);
    // Every example shows its source: one MDX block per rendered result.
    expect(await page.locator('.example-source figure[data-language="mdx"]').count()).toBe(await page.locator('.example-result').count());
    await context.close();
  });

  test('cada Callout é uma nota com nome acessível (o rótulo visível)', async () => {
    const { context, page } = await openGuide();
    for (const name of ['Nota', 'Dica: Teste o caminho de falha', 'Aviso', 'Perigo']) {
      expect(await page.getByRole('note', { name, exact: true }).count()).toBe(1);
    }
    await context.close();
  });

  test('títulos em ordem, um h1, e a página não entra no índice de busca como aula', async () => {
    const { context, page } = await openGuide();
    const levels = await page.locator('main :is(h1, h2, h3, h4)').evaluateAll((nodes) => nodes.map((node) => Number(node.tagName[1])));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level - levels[index - 1]!).toBeLessThanOrEqual(1);
    });
    const html = await readFile(path.join(distDir, 'autoria/index.html'), 'utf8');
    expect(html).not.toContain('data-pagefind-body');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`cabe em 360 px sem rolagem lateral (tema ${colorScheme === 'light' ? 'claro' : 'escuro'})`, async () => {
      const { context, page } = await openGuide({ width: 360, colorScheme });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await context.close();
    });
  }

  test('com JavaScript, a página (abas, cópia, tema, busca) carrega ≤ 6 KB (gzip) de JS', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body());
    });
    await page.goto(guide, { waitUntil: 'networkidle' });
    const inline = await page.locator('script:not([src])').allTextContents();
    const bodies = [...(await Promise.all(scripts)), ...inline.map((text) => Buffer.from(text))];
    expect(bodies.reduce((sum, body) => sum + gzipSync(body).length, 0)).toBeLessThanOrEqual(6 * 1024);
    await context.close();
  });
});

describe('CodeTabs', () => {
  test('sem JavaScript todos os blocos aparecem, um depois do outro, cada um com legenda', async () => {
    const { context, page } = await openGuide({ javaScriptEnabled: false });
    const blocks = page.locator('[data-code-tabs] > figure');
    expect(await blocks.count()).toBe(5);
    for (const block of await blocks.all()) {
      expect(await block.isVisible()).toBe(true);
      expect(await block.locator('figcaption').textContent()).toMatch(/\S/);
    }
    expect(await page.getByRole('tab').count()).toBe(0);
    await context.close();
  });

  test('com JavaScript vira abas: setas, Home e End movem o foco e a seleção', async () => {
    const { context, page } = await openGuide();
    const tabs = tabsOf(page, 0);
    expect(await tabs.allTextContents()).toEqual(['retry.ts', 'retry.py', 'retry.go']);
    expect(await page.locator('[data-code-tabs]').first().getByRole('tablist').getAttribute('aria-label')).toBe(
      'Exemplo em várias linguagens',
    );
    expect(await selected(page, 0)).toBe('retry.ts');
    expect(await visiblePanels(page, 0)).toEqual(['ts']);

    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await tabs.first().getAttribute('aria-selected')).toBe('false');
    expect(await tabs.nth(1).evaluate((tab) => tab === document.activeElement)).toBe(true);
    expect(await visiblePanels(page, 0)).toEqual(['python']);
    // Only the selected tab is in the Tab order; its panel is labelled by it.
    expect(await tabs.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).tabIndex))).toEqual([-1, 0, -1]);
    const panelId = await tabs.nth(1).getAttribute('aria-controls');
    expect(await page.locator(`#${panelId}`).getAttribute('aria-labelledby')).toBe(await tabs.nth(1).getAttribute('id'));
    expect(await page.locator(`#${panelId}`).getAttribute('role')).toBe('tabpanel');

    await page.keyboard.press('End');
    expect(await selected(page, 0)).toBe('retry.go');
    await page.keyboard.press('ArrowRight');
    expect(await selected(page, 0)).toBe('retry.ts');
    await page.keyboard.press('ArrowLeft');
    expect(await selected(page, 0)).toBe('retry.go');
    await page.keyboard.press('Home');
    expect(await selected(page, 0)).toBe('retry.ts');
    expect(await visiblePanels(page, 0)).toEqual(['ts']);
    await context.close();
  });

  test('a linguagem escolhida vale para os outros CodeTabs e continua depois de recarregar e em outra página', async () => {
    const { context, page } = await openGuide();
    expect(await selected(page, 1)).toBe('Python');
    await tabsOf(page, 0).nth(1).click();
    expect(await selected(page, 0)).toBe('retry.py');
    expect(await selected(page, 1)).toBe('Python');

    await tabsOf(page, 1).nth(1).click();
    expect(await selected(page, 1)).toBe('TypeScript');
    expect(await selected(page, 0)).toBe('retry.ts');

    await page.reload();
    expect(await selected(page, 0)).toBe('retry.ts');
    expect(await selected(page, 1)).toBe('TypeScript');

    // A language only one CodeTabs has: the other keeps its own first tab, and the choice still travels.
    await tabsOf(page, 0).nth(2).click();
    expect(await selected(page, 1)).toBe('TypeScript');
    const second = await context.newPage();
    await second.goto(guide);
    expect(await selected(second, 0)).toBe('retry.go');
    expect(await selected(second, 1)).toBe('Python');
    await context.close();
  });
});

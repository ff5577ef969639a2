import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Code } from 'mdast';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { defaultLintConfig } from '../src/lint/config.ts';
import { parseLesson } from '../src/lint/parse.ts';
import { texts } from '../src/texts.ts';
import { launchBrowser } from './browser.ts';
import { publishedLessons, type SourceLesson } from './content.ts';

const siteUrl = inject('siteUrl');
const basePath = new URL(siteUrl).pathname;
const url = (pathname: string) => new URL(pathname.replace(/^\//, ''), siteUrl).href;

const themes = ['light', 'dark'] as const;
type Theme = (typeof themes)[number];

/** What a lesson's source promises the page shows, read from its MDX tree. */
interface SourceBlocks {
  /** Every code fence but the diagrams, in document order. */
  code: string[];
  diagrams: number;
  tables: number;
}

let browser: Browser;
let lessons: SourceLesson[];
let lesson: SourceLesson;

beforeAll(async () => {
  browser = await launchBrowser();
  lessons = await publishedLessons();
  lesson = lessons[0]!;
});

afterAll(async () => {
  await browser?.close();
});

const parsed = new Map<string, SourceBlocks>();

async function sourceBlocks({ id }: SourceLesson): Promise<SourceBlocks> {
  const known = parsed.get(id);
  if (known) return known;
  const outcome = parseLesson(await readFile(path.resolve('content/lessons', `${id}.mdx`), 'utf8'));
  if ('error' in outcome) throw new Error(`content/lessons/${id}.mdx não pôde ser lido: ${outcome.error.reason}`);
  const blocks: SourceBlocks = { code: [], diagrams: 0, tables: 0 };
  visit(outcome.tree, (node) => {
    if (node.type === 'table') blocks.tables += 1;
    if (node.type !== 'code') return;
    if ((node as Code).lang === 'mermaid') blocks.diagrams += 1;
    else blocks.code.push((node as Code).value);
  });
  parsed.set(id, blocks);
  return blocks;
}

async function open(
  pathname: string,
  options: { colorScheme?: Theme; javaScriptEnabled?: boolean; width?: number; height?: number; clipboard?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    reducedMotion: 'reduce',
  });
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
  const page = await context.newPage();
  await page.goto(url(pathname));
  return { context, page };
}

/** "#cf222e" (or the minified "#fff") → "rgb(207, 34, 46)", the form getComputedStyle reports. */
function rgb(hex: string): string {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex.trim());
  const match = short ? [short[0], ...short.slice(1).map((digit) => digit + digit)] : /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) throw new Error(`cor inesperada: ${JSON.stringify(hex)}; esperado #rgb ou #rrggbb`);
  return `rgb(${match.slice(1).map((pair) => Number.parseInt(pair!, 16)).join(', ')})`;
}

interface Colours {
  /** A code token whose two shiki colours differ: what it shows, and its light and dark colours. */
  token: { shown: string; light: string; dark: string };
  codeBackground: { shown: string; light: string; dark: string };
  /** Diagram actor box and message text, and the site tokens they must follow. */
  actorFill: string;
  messageFill: string;
  surface: string;
  text: string;
  pageBackground: string;
}

function readColours(page: Page): Promise<Colours> {
  return page.evaluate(() => {
    // Token colours come from classes that set shiki's variables (transformerTokenClasses), so they are read computed.
    const variable = (element: Element, name: string) => getComputedStyle(element).getPropertyValue(name).trim();
    const token = [...document.querySelectorAll('article pre.astro-code code span[class]:not(.line)')].find(
      (span) => variable(span, '--shiki-light').toLowerCase() !== variable(span, '--shiki-dark').toLowerCase(),
    );
    const pre = document.querySelector('article pre.astro-code');
    const actor = document.querySelector('article figure.diagram svg rect.actor');
    const message = document.querySelector('article figure.diagram svg text.messageText');
    if (!token || !pre || !actor || !message) throw new Error('a aula precisa de um bloco de código colorido e de um diagrama com atores e mensagens');
    const root = getComputedStyle(document.documentElement);
    return {
      token: {
        shown: getComputedStyle(token).color,
        light: variable(token, '--shiki-light'),
        dark: variable(token, '--shiki-dark'),
      },
      codeBackground: {
        shown: getComputedStyle(pre).backgroundColor,
        light: variable(pre, '--shiki-light-bg'),
        dark: variable(pre, '--shiki-dark-bg'),
      },
      actorFill: getComputedStyle(actor).fill,
      messageFill: getComputedStyle(message).fill,
      surface: root.getPropertyValue('--surface'),
      text: root.getPropertyValue('--text'),
      pageBackground: getComputedStyle(document.body).backgroundColor,
    };
  });
}

/** Code shows the shiki colours of the theme, and diagrams the site's own colours of the theme. */
function expectColours(colours: Colours, theme: Theme) {
  expect(colours.token.shown, 'cor do token de código').toBe(rgb(colours.token[theme]));
  expect(colours.codeBackground.shown, 'fundo do bloco de código').toBe(rgb(colours.codeBackground[theme]));
  expect(colours.actorFill, 'fundo do ator no diagrama').toBe(rgb(colours.surface));
  expect(colours.messageFill, 'texto da mensagem no diagrama').toBe(rgb(colours.text));
}

/** Every colour checked must actually change with the theme, or following it would prove nothing. */
function expectDifferent(light: Colours, dark: Colours) {
  expect(dark.token.shown).not.toBe(light.token.shown);
  expect(dark.codeBackground.shown).not.toBe(light.codeBackground.shown);
  expect(dark.actorFill).not.toBe(light.actorFill);
  expect(dark.messageFill).not.toBe(light.messageFill);
  expect(dark.pageBackground).not.toBe(light.pageBackground);
}

const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? null);
const stored = (page: Page) => page.evaluate(() => localStorage.getItem('theme'));

describe('tema claro e escuro', () => {
  test('o botão alterna o tema, e os blocos de código e os diagramas mudam de cor junto', async () => {
    const { context, page } = await open(`/${lesson.id}/`, { colorScheme: 'light' });
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.textContent()).toContain(texts.themeToggleLabel);
    expect(await themeOf(page)).toBe('light');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const light = await readColours(page);
    expectColours(light, 'light');

    await toggle.click();
    expect(await themeOf(page)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await stored(page)).toBe('dark');
    const dark = await readColours(page);
    expectColours(dark, 'dark');
    expectDifferent(light, dark);

    await toggle.click();
    expect(await themeOf(page)).toBe('light');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await stored(page)).toBe('light');
    expect(await readColours(page)).toEqual(light);
    await context.close();
  });

  test('a escolha continua ao seguir links e ao recarregar, mesmo contra o tema do sistema', async () => {
    for (const system of themes) {
      const chosen: Theme = system === 'light' ? 'dark' : 'light';
      const { context, page } = await open(`/${lesson.id}/`, { colorScheme: system });
      expect(await themeOf(page)).toBe(system);
      await page.locator('[data-theme-toggle]').click();
      expect(await themeOf(page)).toBe(chosen);

      await page.getByRole('navigation', { name: texts.breadcrumbsLabel }).getByRole('link', { name: texts.homeLabel }).click();
      await page.waitForURL((current) => current.pathname === basePath);
      expect(await themeOf(page), `início depois de escolher ${chosen} com o sistema em ${system}`).toBe(chosen);
      expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe(String(chosen === 'dark'));

      await page.locator('.lesson-list').getByRole('link', { name: lesson.data.title, exact: true }).click();
      await page.waitForURL((current) => current.pathname === `${basePath}${lesson.id}/`);
      expect(await themeOf(page)).toBe(chosen);
      expectColours(await readColours(page), chosen);

      await page.reload();
      expect(await themeOf(page), `depois de recarregar (sistema em ${system})`).toBe(chosen);
      expectColours(await readColours(page), chosen);
      expect(await stored(page)).toBe(chosen);
      await context.close();
    }
  });

  test('sem escolha guardada, o tema segue prefers-color-scheme', async () => {
    const colours = new Map<Theme, Colours>();
    for (const theme of themes) {
      const { context, page } = await open(`/${lesson.id}/`, { colorScheme: theme });
      expect(await stored(page)).toBeNull();
      expect(await themeOf(page)).toBe(theme);
      expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe(String(theme === 'dark'));
      colours.set(theme, await readColours(page));
      expectColours(colours.get(theme)!, theme);
      await context.close();
    }
    expectDifferent(colours.get('light')!, colours.get('dark')!);
  });
});

describe('botão de copiar código', () => {
  test('sem JavaScript não aparece; com JavaScript aparece em cada bloco de código', async () => {
    const noScript = await open(`/${lesson.id}/`, { javaScriptEnabled: false });
    const blocks = await noScript.page.locator('article figure.code-block').count();
    expect(blocks).toBeGreaterThan(0);
    const hiddenButtons = noScript.page.locator('article figure.code-block > .copy-button');
    expect(await hiddenButtons.count()).toBe(blocks);
    expect(await hiddenButtons.evaluateAll((buttons) => buttons.filter((button) => button.checkVisibility()).length)).toBe(0);
    await noScript.context.close();

    const withScript = await open(`/${lesson.id}/`);
    const buttons = withScript.page.locator('article figure.code-block > .copy-button');
    expect(await buttons.count()).toBe(blocks);
    expect(await buttons.evaluateAll((nodes) => nodes.filter((button) => button.checkVisibility()).length)).toBe(blocks);
    await withScript.context.close();
  });

  test('cada botão copia exatamente o código do seu bloco (o da fonte MDX) e anuncia “Copiado”', async () => {
    const { code } = await sourceBlocks(lesson);
    const { context, page } = await open(`/${lesson.id}/`, { clipboard: true });
    const buttons = page.locator('article figure.code-block > .copy-button');
    const status = page.locator('[data-copy-status]');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await buttons.count()).toBe(code.length);
    for (const [index, expected] of code.entries()) {
      const button = buttons.nth(index);
      const caption = await button.evaluate((node) => node.parentElement?.querySelector('figcaption')?.textContent ?? '');
      expect(await button.getAttribute('aria-label')).toBe(texts.lesson.copyLabel(caption));
      expect(await button.textContent()).toBe(texts.lesson.copy);
      // A blank clipboard first, so each block's own copy is what the poll below sees.
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await button.click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { message: `bloco ${index + 1} (${caption})` }).toBe(expected);
      expect(await button.textContent()).toBe(texts.lesson.copied);
      await expect.poll(() => status.textContent()).toBe(texts.lesson.copied);
    }
    // The label goes back after a moment, ready for another copy.
    await expect.poll(() => buttons.last().textContent(), { timeout: 5_000 }).toBe(texts.lesson.copy);
    await context.close();
  });

  test('dois cliques seguidos no mesmo botão não o deixam preso em “Copiado”', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
    const page = await context.newPage();
    // The page's timers run on a test clock, so the label's reset is checked without waiting for it.
    await page.clock.install();
    await page.goto(url(`/${lesson.id}/`));
    const button = page.locator('article figure.code-block > .copy-button').first();
    await button.click();
    await expect.poll(() => button.textContent()).toBe(texts.lesson.copied);
    await page.clock.runFor(500);
    await button.click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe(texts.lesson.copied);
    // Long after both clicks, the button offers to copy again.
    await page.clock.runFor(10_000);
    expect(await button.textContent()).toBe(texts.lesson.copy);
    await context.close();
  });

  test('se o navegador recusa a área de transferência, o botão e o aviso dizem que não foi possível copiar', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Recusado no teste', 'NotAllowedError'));
    });
    const page = await context.newPage();
    await page.goto(url(`/${lesson.id}/`));
    const button = page.locator('article figure.code-block > .copy-button').first();
    await button.click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe(texts.lesson.copyFailed);
    expect(await button.textContent()).toBe(texts.lesson.copyFailed);
    await context.close();
  });
});

describe('aula sem JavaScript', () => {
  test('cada aula é legível inteira: as cinco seções, código, diagramas e tabelas visíveis, nada escondido', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const current of lessons) {
      const where = `/${current.id}/`;
      const source = await sourceBlocks(current);
      await page.goto(url(where));
      const seen = await page.evaluate(() => {
        const visible = (node: Element) => node.checkVisibility({ opacityProperty: true, visibilityProperty: true });
        const boxed = (node: Element) => node.getBoundingClientRect().width > 0 && node.getBoundingClientRect().height > 0;
        const article = document.querySelector('article')!;
        const name = (element: Element) =>
          element.tagName.toLowerCase() + (element.id ? `#${element.id}` : '') + [...element.classList].map((className) => `.${className}`).join('');
        // Only controls that need JavaScript to work, empty search-index metadata and the descriptions a term's
        // aria-describedby points at (its definition, also in the link's title and on /glossario/) may be hidden.
        const allowed = '.copy-button, [data-pagefind-meta]:empty, [data-pagefind-filter]:empty';
        const descriptions = new Set([...document.querySelectorAll('[aria-describedby]')].flatMap((node) => node.getAttribute('aria-describedby')!.split(/\s+/)));
        const hidden = [...document.querySelectorAll('main *')]
          .filter((element) => !element.closest('svg') || element.tagName.toLowerCase() === 'svg')
          .filter((element) => !['script', 'style', 'template'].includes(element.tagName.toLowerCase()) && !element.matches(allowed))
          .filter((element) => !descriptions.has(element.id))
          .filter((element) => {
            const style = getComputedStyle(element);
            return style.display === 'none' || style.visibility === 'hidden';
          })
          .map(name);
        return {
          theme: document.documentElement.dataset.theme ?? null,
          sections: [...article.querySelectorAll(':scope > h2')].filter(visible).map((heading) => heading.textContent!.trim()),
          code: [...article.querySelectorAll('figure.code-block pre code')].map((block) => ({
            text: block.textContent,
            shown: visible(block) && boxed(block),
          })),
          diagrams: [...article.querySelectorAll('figure.diagram svg')].map((svg) => visible(svg) && boxed(svg)),
          tables: [...article.querySelectorAll('table')].map((table) => visible(table) && boxed(table)),
          hidden,
        };
      });
      expect(seen.theme, where).toBeNull();
      expect(seen.sections.slice(0, defaultLintConfig.requiredSections.length), where).toEqual(defaultLintConfig.requiredSections);
      expect(seen.code.map((block) => block.text), where).toEqual(source.code);
      expect(seen.code.every((block) => block.shown), `${where}: bloco de código invisível`).toBe(true);
      expect(seen.diagrams, `${where}: diagramas`).toEqual(Array(source.diagrams).fill(true));
      expect(seen.tables, `${where}: tabelas`).toEqual(Array(source.tables).fill(true));
      expect(seen.hidden, `${where}: elementos escondidos sem JavaScript`).toEqual([]);
    }
    await context.close();
  });

  test('o sumário dobrado abre e seus links levam ao título (celular, 360 px)', async () => {
    const { context, page } = await open(`/${lesson.id}/`, { javaScriptEnabled: false, width: 360, height: 740 });
    const details = page.locator('details[data-toc]');
    expect(await details.evaluate((node: HTMLDetailsElement) => node.open)).toBe(false);
    await page.locator('details[data-toc] > summary').click();
    expect(await details.evaluate((node: HTMLDetailsElement) => node.open)).toBe(true);
    const [last] = defaultLintConfig.requiredSections.slice(-1);
    const link = page.locator('nav.toc a', { hasText: last! }).first();
    const id = decodeURIComponent(new URL(await link.evaluate((node: HTMLAnchorElement) => node.href)).hash.slice(1));
    await link.click();
    await expect.poll(() => decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(id);
    const top = await page.locator(`[id="${id}"]`).evaluate((node) => node.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(740);
    expect(await page.locator(`[id="${id}"]`).textContent()).toBe(last);
    await context.close();
  });

  test('o tema segue prefers-color-scheme, com as mesmas cores do tema escolhido com JavaScript', async () => {
    const colours = new Map<Theme, Colours>();
    for (const theme of themes) {
      const noScript = await open(`/${lesson.id}/`, { javaScriptEnabled: false, colorScheme: theme });
      expect(await themeOf(noScript.page)).toBeNull();
      // A button that could not work without JavaScript is not shown.
      expect(await noScript.page.locator('[data-theme-toggle]').isVisible()).toBe(false);
      colours.set(theme, await readColours(noScript.page));
      expectColours(colours.get(theme)!, theme);
      await noScript.context.close();

      // The opposite system theme, so only the stored choice can make this page match.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: theme === 'light' ? 'dark' : 'light' });
      await context.addInitScript((chosen) => localStorage.setItem('theme', chosen), theme);
      const page = await context.newPage();
      await page.goto(url(`/${lesson.id}/`));
      expect(await themeOf(page)).toBe(theme);
      expect(await readColours(page)).toEqual(colours.get(theme));
      await context.close();
    }
    expectDifferent(colours.get('light')!, colours.get('dark')!);
  });
});

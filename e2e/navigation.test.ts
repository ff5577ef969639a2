import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element as HastElement, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { defaultLintConfig } from '../src/lint/config.ts';
import { texts } from '../src/texts.ts';
import { listHtmlFiles } from '../src/utils/html-validation.ts';
import { readModules } from '../src/utils/modules.ts';
import { launchBrowser } from './browser.ts';
import { publishedLessons, type SourceLesson } from './content.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const basePath = new URL(siteUrl).pathname;
const url = (pathname: string) => new URL(pathname.replace(/^\//, ''), siteUrl).href;
const lessonPath = (id: string) => `${basePath}${id}/`;
/** A path no build ever writes: the server must answer it the way a static host does. */
const missingPath = 'modulo-que-nao-existe/aula-perdida/';

interface PublishedModule {
  id: string;
  title: string;
  lessons: SourceLesson[];
}

let browser: Browser;
let lessons: SourceLesson[];
/** The modules the home page must list: those with published lessons, in catalog order. */
let modules: PublishedModule[];

beforeAll(async () => {
  browser = await launchBrowser();
  lessons = await publishedLessons();
  const { modules: all } = await readModules(path.resolve('content/modules.yaml'));
  modules = all
    .map((module) => ({ id: module.id, title: module.title, lessons: lessons.filter((lesson) => lesson.module === module.id) }))
    .filter((module) => module.lessons.length > 0);
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(options: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    // Jumps land at once instead of animating: the tests check where the page ends up, not the animation.
    reducedMotion: 'reduce',
  });
  return { context, page: await context.newPage() };
}

/** Clicks a link as a reader would and waits for the page it leads to. */
async function follow(page: Page, link: Locator, expectedPath: string) {
  await link.click();
  await page.waitForURL((current) => current.pathname === expectedPath);
}

const linkTargets = (locator: Locator) =>
  locator.evaluateAll((links) =>
    links.map((link) => ({ path: new URL((link as HTMLAnchorElement).href).pathname, text: link.textContent!.trim() })),
  );

describe('navegação por links', () => {
  test('início → módulo → aula só com cliques, e as migalhas levam de volta ao módulo e ao início', async () => {
    const { context, page } = await newPage();
    await page.goto(url('/'));
    expect(await linkTargets(page.locator('.module-list > li > h3 > a'))).toEqual(
      modules.map((module) => ({ path: `${basePath}${module.id}/`, text: module.title })),
    );

    for (const module of modules) {
      const modulePath = `${basePath}${module.id}/`;
      await follow(page, page.locator('.module-list > li > h3').getByRole('link', { name: module.title, exact: true }), modulePath);
      expect(await page.locator('h1').textContent()).toBe(module.title);
      expect(await linkTargets(page.locator('.lesson-list h3 a'))).toEqual(
        module.lessons.map((lesson) => ({ path: lessonPath(lesson.id), text: lesson.data.title })),
      );

      // The last lesson of the module: reaching it proves the list links more than its first entry.
      const lesson = module.lessons.at(-1)!;
      await follow(page, page.locator('.lesson-list h3').getByRole('link', { name: lesson.data.title, exact: true }), lessonPath(lesson.id));
      expect(await page.locator('h1').textContent()).toBe(lesson.data.title);
      const crumbs = page.getByRole('navigation', { name: texts.breadcrumbsLabel });
      expect(await linkTargets(crumbs.getByRole('link'))).toEqual([
        { path: basePath, text: texts.homeLabel },
        { path: modulePath, text: module.title },
      ]);
      expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe(lesson.data.title);

      await follow(page, crumbs.getByRole('link', { name: module.title, exact: true }), modulePath);
      expect(await page.locator('h1').textContent()).toBe(module.title);
      await follow(page, page.getByRole('navigation', { name: texts.breadcrumbsLabel }).getByRole('link', { name: texts.homeLabel }), basePath);
      expect(await page.locator('h1').textContent()).toBe(texts.home.heading);
    }
    await context.close();
  });

  test('aula anterior e próxima percorrem cada módulo na ordem do conteúdo, nos dois sentidos', async () => {
    const { context, page } = await newPage();
    const next = page.locator('nav.pager a[rel="next"]');
    const previous = page.locator('nav.pager a[rel="prev"]');
    const seen = () =>
      page.evaluate(() => ({
        title: document.querySelector('h1')?.textContent ?? null,
        previous: document.querySelector('nav.pager a[rel="prev"]')?.textContent ?? null,
        next: document.querySelector('nav.pager a[rel="next"]')?.textContent ?? null,
      }));
    let followed = 0;
    for (const module of modules) {
      const order = module.lessons;
      // Title and both links of the lesson at a position: the first has no previous, the last no next.
      const expected = (index: number) => ({
        title: order[index]!.data.title,
        previous: index > 0 ? `${texts.lesson.previous}${order[index - 1]!.data.title}` : null,
        next: index < order.length - 1 ? `${texts.lesson.next}${order[index + 1]!.data.title}` : null,
      });
      await page.goto(url(`/${order[0]!.id}/`));
      expect(await seen(), `/${order[0]!.id}/`).toEqual(expected(0));
      for (let index = 1; index < order.length; index += 1) {
        await follow(page, next, lessonPath(order[index]!.id));
        expect(await seen(), `“${texts.lesson.next}” até /${order[index]!.id}/`).toEqual(expected(index));
        followed += 1;
      }
      for (let index = order.length - 2; index >= 0; index -= 1) {
        await follow(page, previous, lessonPath(order[index]!.id));
        expect(await seen(), `“${texts.lesson.previous}” até /${order[index]!.id}/`).toEqual(expected(index));
      }
    }
    // At least one module has more than one lesson, or the loops above would have followed nothing.
    expect(followed).toBeGreaterThan(0);
    await context.close();
  });
});

describe('sumário da aula (“Nesta aula”)', () => {
  test('em cada aula, o sumário lista os H2 e H3 do texto, na ordem, e cada link aponta para um deles', async () => {
    const elements = (root: Root | HastElement, match: (node: HastElement) => boolean) => {
      const found: HastElement[] = [];
      visit(root, 'element', (node) => {
        if (match(node)) found.push(node);
      });
      return found;
    };
    const classes = (node: HastElement) => (Array.isArray(node.properties.className) ? node.properties.className : []);
    for (const lesson of lessons) {
      const where = `dist/${lesson.id}/index.html`;
      const tree = fromHtml(await readFile(path.join(distDir, lesson.id, 'index.html'), 'utf8'));
      const [toc] = elements(tree, (node) => node.tagName === 'nav' && classes(node).includes('toc'));
      const [article] = elements(tree, (node) => node.tagName === 'article');
      expect(toc, `${where} sem <nav class="toc">`).toBeDefined();
      expect(article, `${where} sem <article>`).toBeDefined();
      const links = elements(toc!, (node) => node.tagName === 'a').map((link) => ({
        target: decodeURIComponent(String(link.properties.href ?? '')),
        text: toText(link).trim(),
      }));
      const headings = elements(article!, (node) => node.tagName === 'h2' || node.tagName === 'h3').map((heading) => ({
        target: `#${String(heading.properties.id ?? '')}`,
        text: toText(heading).trim(),
      }));
      expect(links.length, `${where} sem itens no sumário`).toBeGreaterThan(0);
      expect(links, `sumário de ${where}`).toEqual(headings);
    }
  });

  test('clicar num item do sumário leva ao título: o endereço ganha a âncora e o título aparece na tela', async () => {
    const { context, page } = await newPage();
    await page.goto(url(`/${lessons[0]!.id}/`));
    // Every section (H2) and the first subsection (H3) of each: both levels, without a click per heading.
    const links = page.locator('nav.toc details > ol > li > a, nav.toc details > ol > li > ol > li:first-child > a');
    // Beside the text the contents start open; on phones they start folded (covered by the no-JS reading test).
    expect(await page.locator('details[data-toc]').evaluate((details: HTMLDetailsElement) => details.open)).toBe(true);
    const count = await links.count();
    expect(count).toBeGreaterThan(defaultLintConfig.requiredSections.length);
    // From the bottom up, so every jump has to scroll the page (up) to its heading.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    for (let index = count - 1; index >= 0; index -= 1) {
      const link = links.nth(index);
      const id = decodeURIComponent(new URL(await link.evaluate((node: HTMLAnchorElement) => node.href)).hash.slice(1));
      await link.click();
      await expect.poll(() => decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(id);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
      await expect
        .poll(() => page.locator(`[id="${id}"]`).evaluate((node) => node.getBoundingClientRect().top), { message: `#${id} fora da tela` })
        .toSatisfy((top: number) => top >= 0 && top < page.viewportSize()!.height);
    }
    await context.close();
  });
});

describe('página não encontrada', () => {
  test('um endereço desconhecido recebe status 404 com a página 404 do site, que leva ao início', async () => {
    const { context, page } = await newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // Chromium reports the document's own 404 as a console error; that one is the point of the test.
      if (message.type() === 'error' && message.location().url !== url(missingPath)) problems.push(message.text());
    });
    page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url() !== url(missingPath)) problems.push(`${response.url()}: ${response.status()}`);
    });
    const response = await page.goto(url(missingPath));
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    expect(await page.title()).toBe(`${texts.notFound.title} · ${texts.siteName}`);
    expect(await page.locator('h1').textContent()).toBe(texts.notFound.title);
    // The site's styles load from an unknown sub-path too (global.css zeroes the browser's 8 px body margin).
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    await follow(page, page.getByRole('link', { name: texts.notFound.back }), basePath);
    expect(await page.locator('h1').textContent()).toBe(texts.home.heading);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/**
 * Returns what sticks out past the right edge of the viewport outside a scroll box (overflow-x auto or
 * scroll): code, diagrams and tables may scroll inside their own boxes, the page may not. Boxes that clip
 * (overflow hidden) do not excuse their content: clipped text is text the reader cannot reach.
 */
const overflowing = () =>
  document.fonts.ready.then(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const scrolled = (node: Node) => {
      for (let ancestor = node.parentElement; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(ancestor).overflowX)) return true;
      }
      return false;
    };
    const offenders = new Map<Element, number>();
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > limit && !scrolled(element)) offenders.set(element, box.right);
    }
    // Text running out of a box that itself fits (a long word, white-space: nowrap) counts against its element.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const holder = text.parentElement!;
      if (!text.textContent!.trim() || offenders.has(holder)) continue;
      range.selectNodeContents(text);
      const right = range.getBoundingClientRect().right;
      if (right > limit && !scrolled(text)) offenders.set(holder, right);
    }
    const name = (element: Element) =>
      element.tagName.toLowerCase() +
      (element.id ? `#${element.id}` : '') +
      [...element.classList].map((className) => `.${className}`).join('');
    const problems: string[] = [];
    for (const [element, right] of offenders) {
      // The outermost element that sticks out names the problem; its descendants stick out with it.
      if (element.parentElement && offenders.has(element.parentElement)) continue;
      const trail: string[] = [];
      for (let node: Element | null = element; node && node !== document.body && trail.length < 4; node = node.parentElement) {
        trail.unshift(name(node));
      }
      problems.push(`${trail.join(' > ')} vai até ${Math.round(right)} px (largura ${document.documentElement.clientWidth} px)`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, problems };
  });

/** A built file's address: "tags/jwt/index.html" → "tags/jwt/", "404.html" → "404.html". */
const pageOf = (file: string) => path.relative(distDir, file).split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1');

describe('todas as páginas do site, num celular (360 × 740) e com JavaScript', () => {
  /** Problems per kind, gathered in one walk over every page of dist/ (one browser page, reused). */
  const found = { console: [] as string[], overflow: [] as string[], visited: [] as string[] };

  beforeAll(async () => {
    // The search page with a query as well: its results are drawn by script, from the index it fetches.
    const pages = [...(await listHtmlFiles(distDir)).map(pageOf), 'busca/?q=http'];
    const { context, page } = await newPage({ width: 360, height: 740 });
    const favicon = url('favicon.svg');
    let current = '';
    let pending = 0;
    page.on('console', (message) => {
      if (message.type() === 'error') found.console.push(`/${current}: console: ${message.text()}`);
    });
    page.on('pageerror', (error) => found.console.push(`/${current}: erro: ${error.message}`));
    page.on('request', () => (pending += 1));
    page.on('requestfinished', () => (pending -= 1));
    page.on('requestfailed', (request) => {
      pending -= 1;
      const error = request.failure()?.errorText;
      // Chromium fetches the tab icon on its own, sometimes only after load, and the next goto cancels that
      // fetch; the icon itself is checked in the test.
      if (request.url() === favicon && error === 'net::ERR_ABORTED') return;
      found.console.push(`/${current}: ${request.url()} falhou (${error})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) found.console.push(`/${current}: ${response.url()} respondeu ${response.status()}`);
    });
    for (current of pages) {
      await page.goto(url(current));
      if (current.startsWith('busca/?')) await page.locator('[data-search-results] > li').first().waitFor();
      // Requests the page starts after load (the search index, lazy content) must finish before moving on.
      for (const start = Date.now(); pending > 0; await new Promise((resolve) => setTimeout(resolve, 20))) {
        if (Date.now() - start > 10_000) throw new Error(`/${current}: ${pending} pedido(s) ainda pendente(s) depois de 10 s`);
      }
      // Folded contents (the lesson's "Nesta aula") are part of the page once the reader opens them.
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      const { scrollWidth, clientWidth, problems } = await page.evaluate(overflowing);
      if (scrollWidth > clientWidth) found.overflow.push(`/${current}: rolagem lateral (scrollWidth ${scrollWidth} > ${clientWidth})`);
      found.overflow.push(...problems.map((problem) => `/${current}: ${problem}`));
      found.visited.push(current);
    }
    const declared = await page.locator('link[rel="icon"]').evaluate((link: HTMLLinkElement) => link.href);
    const icon = await page.request.get(favicon);
    if (declared !== favicon) found.console.push(`ícone declarado ${declared}; esperado ${favicon}`);
    if (icon.status() !== 200) found.console.push(`${favicon} respondeu ${icon.status()}`);
    await context.close();
  }, 120_000);

  test('percorre cada tipo de página: início, módulos, aulas, índices, glossário, busca, autoria e 404', () => {
    const kinds = ['', ...modules.map((module) => `${module.id}/`), ...lessons.map((lesson) => `${lesson.id}/`)];
    kinds.push('aulas/', 'tags/', `tags/${lessons[0]!.data.tags[0]}/`, 'niveis/', `niveis/${lessons[0]!.data.level}/`);
    kinds.push('glossario/', 'busca/', 'autoria/', 'autoria/regras/', '404.html');
    expect(found.visited).toEqual(expect.arrayContaining(kinds));
  });

  test('nenhum erro no console nem pedido que falhe (ou responda ≥ 400)', () => {
    expect(found.console).toEqual([]);
  });

  test('nenhuma página rola na horizontal nem tem elemento passando da borda direita', () => {
    expect(found.overflow).toEqual([]);
  });
});

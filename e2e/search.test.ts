import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { publishedLessons } from './content.ts';

const siteUrl = inject('siteUrl');
const basePath = new URL(siteUrl).pathname;
const url = (path: string) => new URL(path.replace(/^\//, ''), siteUrl).href;
const lesson = (id: string) => `${basePath}${id}/`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(url(path));
  return page;
}

const dialog = (page: Page) => page.locator('dialog[data-search-dialog]');

/** Types a query in the open dialog and waits until the live status announces results for it. */
async function search(page: Page, query: string): Promise<{ pages: string[]; sections: Map<string, string[]> }> {
  const input = dialog(page).locator('input[name="q"]');
  await input.fill(query);
  await expect.poll(() => dialog(page).locator('[data-search-status]').textContent()).toContain(`“${query}”`);
  return readResults(page, dialog(page));
}

async function readResults(page: Page, scope = page.locator('[data-search-panel]').first()) {
  const items = await scope.locator('.search-result').evaluateAll((nodes) =>
    nodes.map((node) => ({
      page: new URL(node.querySelector<HTMLAnchorElement>('.search-result-title')!.href).pathname,
      sections: [...node.querySelectorAll<HTMLAnchorElement>('.search-sections a')].map((link) => decodeURIComponent(new URL(link.href).hash.slice(1))),
    })),
  );
  return { pages: items.map((item) => item.page), sections: new Map(items.map((item) => [item.page, item.sections])) };
}

async function openWithSlash(page: Page) {
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]')?.open === true, null, {
    timeout: 5_000,
  });
}

describe('consultas em pt-BR levam à aula certa (entre os 3 primeiros resultados)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage('/protocolos/http/');
    await openWithSlash(page);
  });

  // section: a heading id that must be among the (at most three) section links shown under the lesson.
  const cases: { query: string; expected: string; section?: string }[] = [
    { query: 'idempotência', expected: 'apis/idempotencia' },
    { query: 'idempotencia', expected: 'apis/idempotencia' },
    { query: 'JWT', expected: 'autenticacao/jwt' },
    { query: 'jwt', expected: 'autenticacao/jwt' },
    { query: 'HTTP', expected: 'protocolos/http' },
    { query: '429', expected: 'protocolos/http', section: 'classes-de-status-e-os-códigos-que-um-backend-usa' },
    { query: 'If-None-Match', expected: 'protocolos/http', section: 'requisições-condicionais-e-cache' },
    { query: 'Retry-After', expected: 'apis/idempotencia' },
    { query: 'JWKS', expected: 'autenticacao/jwt', section: 'jwks-e-rotação-de-chaves-com-kid' },
    { query: 'ETag', expected: 'protocolos/http' },
    { query: 'cabeçalhos', expected: 'protocolos/http' },
    { query: 'cabecalhos', expected: 'protocolos/http' },
    { query: 'rotação de chaves', expected: 'autenticacao/jwt', section: 'jwks-e-rotação-de-chaves-com-kid' },
    { query: 'rotacao de chaves', expected: 'autenticacao/jwt', section: 'jwks-e-rotação-de-chaves-com-kid' },
    { query: 'cobrança duplicada', expected: 'apis/idempotencia' },
    { query: 'cobranca duplicada', expected: 'apis/idempotencia' },
    { query: 'Idempotency-Key', expected: 'apis/idempotencia' },
    { query: 'revogacao', expected: 'autenticacao/jwt', section: 'revogação-as-três-estratégias' },
    { query: 'token em localStorage', expected: 'autenticacao/jwt', section: 'token-em-localstorage' },
    { query: 'alg none', expected: 'autenticacao/jwt', section: 'aceitar-o-alg-que-vem-no-token' },
    { query: 'backoff com jitter', expected: 'apis/idempotencia', section: 'retries-timeouts-e-backoff-com-jitter' },
    { query: 'keep-alive', expected: 'protocolos/http' },
    { query: 'idempotentes', expected: 'protocolos/http', section: 'métodos-seguro-idempotente-cacheável' },
  ];

  test.each(cases)('“$query” → $expected', async ({ query, expected, section }) => {
    const { pages, sections } = await search(page, query);
    expect(pages.slice(0, 3)).toContain(lesson(expected));
    if (section) expect(sections.get(lesson(expected))).toContain(section);
  });
});

describe('acentos', () => {
  // The unaccented spelling must not occur in the indexed text, or a hit would prove nothing about folding.
  test.each([
    { folded: 'idempotencia', accented: 'idempotência', lessonId: 'apis/idempotencia' },
    { folded: 'cabecalhos', accented: 'cabeçalhos', lessonId: 'protocolos/http' },
    { folded: 'revogacao', accented: 'revogação', lessonId: 'autenticacao/jwt' },
    { folded: 'cobranca', accented: 'cobrança', lessonId: 'apis/idempotencia' },
  ])('“$folded” só existe como “$accented” no texto indexado e mesmo assim é encontrado', async ({ folded, accented, lessonId }) => {
    const page = await newPage(`/${lessonId}/`);
    const text = await page.evaluate(() =>
      [...document.querySelectorAll('[data-pagefind-body]')]
        .map((body) => {
          const copy = body.cloneNode(true) as Element;
          for (const skipped of copy.querySelectorAll('[data-pagefind-ignore], .copy-button, style')) skipped.remove();
          return copy.textContent ?? '';
        })
        .join(' ')
        .toLowerCase(),
    );
    expect(text).toContain(accented);
    expect(text).not.toContain(folded);
    await openWithSlash(page);
    const { pages } = await search(page, folded);
    expect(pages.slice(0, 3)).toContain(lesson(lessonId));
    await page.context().close();
  });
});

describe('diálogo só com teclado', () => {
  test('/ abre, digitar busca, seta para baixo percorre, Enter abre a aula', async () => {
    const page = await newPage('/protocolos/http/');
    await openWithSlash(page);
    const input = dialog(page).locator('input[name="q"]');
    await expect.poll(() => input.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.type('JWKS');
    await expect.poll(() => dialog(page).locator('[data-search-status]').textContent()).toContain('“JWKS”');
    const links = dialog(page).locator('[data-search-results] a');
    await page.keyboard.press('ArrowDown');
    expect(await links.nth(0).evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await links.nth(1).evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await input.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    const target = await links.nth(0).getAttribute('href');
    await Promise.all([page.waitForURL((current) => current.pathname === target), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(lesson('autenticacao/jwt'));
    await page.context().close();
  });

  test('o botão abre com Enter, o foco fica no diálogo, Esc fecha e o foco volta ao botão; Ctrl+K também abre', async () => {
    const page = await newPage('/apis/idempotencia/');
    const button = page.locator('[data-search-open]');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog(page).evaluate((node: HTMLDialogElement) => node.open)).toBe(true);
    // A modal dialog makes the page inert: Tab cycles through the dialog and, past its end, may leave for the
    // browser's own UI (body is active then), but never reaches a link or button of the page behind it.
    for (let step = 0; step < 8; step += 1) {
      await page.keyboard.press('Tab');
      const where = await dialog(page).evaluate((node) =>
        node.contains(document.activeElement) ? 'dialog' : document.activeElement === document.body ? 'browser' : document.activeElement?.outerHTML.slice(0, 80),
      );
      expect(['dialog', 'browser']).toContain(where);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).evaluate((node: HTMLDialogElement) => node.open)).toBe(false);
    expect(await button.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+k');
    await expect.poll(() => dialog(page).evaluate((node: HTMLDialogElement) => node.open)).toBe(true);
    await page.context().close();
  });

  test('o resultado tem título, módulo, nível e trecho destacado, e a contagem vai para uma região viva', async () => {
    const page = await newPage('/');
    await openWithSlash(page);
    await search(page, 'JWKS');
    const first = dialog(page).locator('.search-result').first();
    expect(await first.locator('.search-result-title').textContent()).toBe('JWT: estrutura, assinatura e validação');
    expect(await first.locator('.search-result-meta').textContent()).toBe('Autenticação e autorização · Intermediário');
    expect((await first.locator('mark').first().textContent())?.toLowerCase()).toBe('jwks');
    expect(await dialog(page).locator('[data-search-status]').getAttribute('role')).toBe('status');
    await page.context().close();
  });
});

describe('filtros e link compartilhável', () => {
  test('filtros por módulo e por nível restringem os resultados', async () => {
    const page = await newPage('/');
    await openWithSlash(page);
    const all = await search(page, 'HTTP');
    // The query spans modules, so each filter has something to remove; which lessons rank first changes as lessons are added.
    expect(all.pages).toContain(lesson('protocolos/http'));
    expect(all.pages.some((path) => path.startsWith(`${basePath}autenticacao/`))).toBe(true);
    expect(all.pages.some((path) => !path.startsWith(`${basePath}autenticacao/`))).toBe(true);

    const shown = async () => (await readResults(page, dialog(page))).pages;
    const levels = () => dialog(page).locator('.search-result-meta').allTextContents();

    await dialog(page).locator('select[name="modulo"]').selectOption('autenticacao');
    await expect.poll(shown).not.toContain(lesson('protocolos/http'));
    expect((await shown()).length).toBeGreaterThan(0);
    expect((await shown()).every((path) => path.startsWith(`${basePath}autenticacao/`))).toBe(true);

    await dialog(page).locator('select[name="modulo"]').selectOption('');
    await dialog(page).locator('select[name="nivel"]').selectOption('iniciante');
    await expect.poll(levels).toSatisfy((metas: string[]) => metas.length > 0 && metas.every((meta) => meta.endsWith('· Iniciante')));
    expect(await shown()).toContain(lesson('protocolos/http'));
    expect((await levels()).every((meta) => meta.endsWith('· Iniciante'))).toBe(true);
    await page.context().close();
  });

  test('/busca/?q=… restaura consulta e filtros, e digitar atualiza o endereço', async () => {
    const page = await newPage('/busca/?q=If-None-Match&modulo=protocolos');
    const panel = page.locator('[data-search-page] [data-search-panel]');
    expect(await panel.locator('input[name="q"]').inputValue()).toBe('If-None-Match');
    expect(await panel.locator('select[name="modulo"]').inputValue()).toBe('protocolos');
    await expect.poll(() => panel.locator('[data-search-status]').textContent()).toContain('“If-None-Match”');
    const { pages } = await readResults(page, panel);
    expect(pages).toContain(lesson('protocolos/http'));
    expect(pages.every((path) => path.startsWith(`${basePath}protocolos/`))).toBe(true);

    await panel.locator('input[name="q"]').fill('revogação');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('revogação');
    await page.context().close();
  });
});

describe('peso da página e carregamento sob demanda', () => {
  test('a aula carrega ≤ 6 KB (gzip) de JS antes da busca abrir, sem Pagefind e sem pedidos a terceiros', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const scripts: Promise<Buffer>[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body());
    });
    await page.goto(url('/autenticacao/jwt/'), { waitUntil: 'networkidle' });
    const inline = await page.locator('script:not([src])').allTextContents();
    const bodies = [...(await Promise.all(scripts)), ...inline.map((text) => Buffer.from(text))];
    const gzipBytes = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);
    expect(gzipBytes).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(6 * 1024);
    expect(requests.filter((request) => request.includes('/pagefind/'))).toEqual([]);

    // Hovering the button starts fetching the index before the click.
    await page.locator('[data-search-open]').hover();
    await expect.poll(() => requests.some((request) => request.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await openWithSlash(page);
    await search(page, 'JWKS');
    const origin = new URL(siteUrl).origin;
    expect(requests.filter((request) => new URL(request).origin !== origin)).toEqual([]);
    await context.close();
  });

  test('sem JavaScript o botão de busca é um link para o índice de aulas', async () => {
    const page = await newPage('/protocolos/http/', { javaScriptEnabled: false });
    const link = page.locator('[data-search-link]');
    expect(await link.isVisible()).toBe(true);
    expect(new URL(await link.evaluate((node: HTMLAnchorElement) => node.href)).pathname).toBe(`${basePath}aulas/`);
    expect(await page.locator('[data-search-open]').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('índices navegáveis sem JavaScript', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage('/', { javaScriptEnabled: false });
  });
  const linksIn = (selector: string) =>
    page.locator(selector).evaluateAll((nodes) => nodes.map((node) => new URL((node as HTMLAnchorElement).href).pathname));

  test('/aulas/ lista exatamente as aulas publicadas, na ordem do catálogo, com nível e tempo de leitura', async () => {
    const published = await publishedLessons();
    await page.goto(url('/aulas/'));
    expect(await linksIn('.lesson-list h3 a')).toEqual(published.map(({ id }) => lesson(id)));
    expect(await page.locator('.lesson-list .meta').first().textContent()).toMatch(/Nível:\s*\S+\s*Leitura:\s*\d+ min de leitura/);
  });

  test('/tags/ leva a /tags/<tag>/ com exatamente as aulas publicadas da tag', async () => {
    const published = await publishedLessons();
    const tags = [...new Set(published.flatMap(({ data }) => data.tags))];
    await page.goto(url('/tags/'));
    expect((await linksIn('.tag-index a')).sort()).toEqual(tags.map((tag) => `${basePath}tags/${tag}/`).sort());
    for (const tag of ['http', 'jwt']) {
      await page.goto(url(`/tags/${tag}/`));
      const expected = published.filter(({ data }) => data.tags.includes(tag)).map(({ id }) => lesson(id));
      expect(await linksIn('.lesson-list h3 a')).toEqual(expected);
    }
  });

  test('/niveis/ leva a /niveis/<nivel>/ com exatamente as aulas publicadas do nível', async () => {
    const published = await publishedLessons();
    await page.goto(url('/niveis/'));
    const levels = ['iniciante', 'intermediario', 'avancado'] as const;
    expect(await linksIn('.level-index h2 a')).toEqual(levels.map((level) => `${basePath}niveis/${level}/`));
    for (const level of levels) {
      await page.goto(url(`/niveis/${level}/`));
      const expected = published.filter(({ data }) => data.level === level).map(({ id }) => lesson(id));
      expect(await linksIn('.lesson-list h3 a')).toEqual(expected);
    }
  });

  test('/glossario/ tem uma âncora por termo, em ordem alfabética, e links para aulas', async () => {
    await page.goto(url('/glossario/'));
    const terms = await page.locator('.glossary-entry h3').evaluateAll((nodes) => nodes.map((node) => ({ id: node.id, term: node.textContent!.trim() })));
    expect(terms.length).toBeGreaterThanOrEqual(20);
    expect(new Set(terms.map((term) => term.id)).size).toBe(terms.length);
    const fold = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
    const sorted = [...terms].sort((a, b) => fold(a.term).localeCompare(fold(b.term), 'pt-BR', { numeric: true }));
    expect(terms).toEqual(sorted);
    expect(terms.map((term) => term.id)).toEqual(expect.arrayContaining(['idempotencia', 'jwt', 'jwks', 'etag', 'status-429', 'jitter']));
    expect(await linksIn('#jwks ~ .glossary-lessons a')).toEqual([lesson('autenticacao/jwt')]);
  });

  test('a busca encontra o termo do glossário e leva à âncora', async () => {
    const jsPage = await newPage('/');
    await openWithSlash(jsPage);
    const { sections } = await search(jsPage, 'jitter');
    expect(sections.get(`${basePath}glossario/`)).toContain('jitter');
    await jsPage.context().close();
  });
});

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { publishedLessons } from './content.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const url = (page: string) => new URL(page.replace(/^\//, ''), siteUrl).href;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** CSP violations, console errors and uncaught errors, as readable lines. */
  problems: string[];
  /** Requests to any host but the test server's. */
  external: string[];
}

/** Opens a page that records every CSP violation (from the document's own event), console error and outside request. */
async function open(pagePath: string): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} bloqueou ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const external: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`erro: ${error.message}`));
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1') external.push(request.url());
  });
  await page.goto(url(pagePath), { waitUntil: 'networkidle' });
  return { context, page, problems, external };
}

async function expectClean({ page, problems, external }: Watched) {
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect([...violations, ...problems]).toEqual([]);
  expect(external).toEqual([]);
}

async function firstLesson(): Promise<string> {
  const [lesson] = await publishedLessons();
  if (!lesson) throw new Error('Nenhuma aula publicada: o teste de segurança precisa de uma aula com código.');
  return `/${lesson.id}/`;
}

describe('Content-Security-Policy', () => {
  test('cada script inline de dist/ tem seu hash na CSP da própria página', () => {
    const problems: string[] = [];
    const files = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const tree = fromHtml(readFileSync(path.join(distDir, file), 'utf8'));
      let policy = '';
      const inline: Element[] = [];
      visit(tree, 'element', (node) => {
        if (node.tagName === 'meta' && String(node.properties.httpEquiv).toLowerCase() === 'content-security-policy') {
          policy = String(node.properties.content);
        }
        if (node.tagName === 'script' && node.properties.src === undefined) inline.push(node);
      });
      if (!policy) {
        problems.push(`${file}: falta <meta http-equiv="content-security-policy">; ative security.csp em astro.config.mjs.`);
        continue;
      }
      const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src ')) ?? '';
      if (scriptSrc.includes("'unsafe-inline'")) problems.push(`${file}: script-src tem 'unsafe-inline'; use hashes.`);
      if (/https?:/.test(policy)) problems.push(`${file}: a CSP permite outra origem: ${policy}`);
      for (const script of inline) {
        const body = script.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
        const hash = `sha256-${createHash('sha256').update(body).digest('base64')}`;
        if (!scriptSrc.includes(`'${hash}'`)) {
          problems.push(
            `${file}: o script inline que começa com ${JSON.stringify(body.trim().slice(0, 60))} não está na CSP; ` +
              `se é o script de tema de src/layouts/Base.astro, troque o hash em security.csp.scriptDirective.hashes ` +
              `(astro.config.mjs) por '${hash}'.`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('dist/_headers traz a CSP de cabeçalho, sem script inline sem hash, com frame-ancestors e nosniff', () => {
    const headers = readFileSync(path.join(distDir, '_headers'), 'utf8');
    const policy = headers.split('\n').find((line) => line.trim().startsWith('Content-Security-Policy:')) ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toMatch(/https?:/);
    const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src ')) ?? '';
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const missing = new Set<string>();
    for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'))) {
      visit(fromHtml(readFileSync(path.join(distDir, file), 'utf8')), 'element', (node) => {
        if (node.tagName !== 'script' || node.properties.src !== undefined) return;
        const body = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
        const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
        if (!scriptSrc.includes(hash)) missing.add(`${file}: ${hash}`);
      });
    }
    expect([...missing]).toEqual([]);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
  });

  test('aula: tema, cópia de código e busca funcionam sem violar a CSP nem sair de 127.0.0.1', async () => {
    const watched = await open(await firstLesson());
    const { page } = watched;

    const toggle = page.locator('[data-theme-toggle]');
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await toggle.click();
    const after = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(after).not.toBe(before);
    expect(await toggle.getAttribute('aria-pressed')).toBe(String(after === 'dark'));

    const copy = page.locator('.copy-button').first();
    await copy.click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toMatch(/\S/);
    const code = await copy.evaluate((button) => button.parentElement?.querySelector('pre code')?.textContent ?? '');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

    await page.keyboard.press('/');
    const dialog = page.locator('dialog[data-search-dialog]');
    await expect.poll(() => dialog.evaluate((node) => (node as HTMLDialogElement).open)).toBe(true);
    await dialog.locator('input[name="q"]').fill('http');
    await expect.poll(() => dialog.locator('.search-result').count()).toBeGreaterThan(0);

    await expectClean(watched);
    await watched.context.close();
  });

  test('/autoria/: CodeTabs vira abas sem violar a CSP nem sair de 127.0.0.1', async () => {
    const watched = await open('/autoria/');
    const tabs = watched.page.locator('[data-code-tabs]').first().getByRole('tab');
    expect(await tabs.count()).toBeGreaterThan(1);
    await tabs.nth(1).click();
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    await expectClean(watched);
    await watched.context.close();
  });

  test('404: sem violação da CSP nem pedido para fora de 127.0.0.1', async () => {
    const watched = await open('/404.html');
    expect(await watched.page.locator('h1').count()).toBe(1);
    await expectClean(watched);
    await watched.context.close();
  });
});

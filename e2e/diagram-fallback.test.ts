import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createSyntheticSite, type SyntheticSite } from '../src/utils/synthetic-site.ts';
import { launchBrowser } from './browser.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

const distDir = inject('distDir');
const projectRoot = process.cwd();

let site: SyntheticSite;
let server: StaticServer;
let browser: Browser;

// A build on a machine without Chromium: a two-lesson copy of the site, so the test pays for one small build.
beforeAll(async () => {
  site = await createSyntheticSite(projectRoot, 2);
  await promisify(execFile)(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: site.dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CHROMIUM_PATH: path.join(site.dir, 'sem-chromium') },
    maxBuffer: 64 * 1024 * 1024,
  });
  server = await startStaticServer(path.join(site.dir, 'dist'));
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site.dir, { recursive: true, force: true });
});

describe('diagramas sem Chromium no build', () => {
  test('a aula mostra o código do diagrama e o mermaid publicado com o site o desenha no navegador, sem violar a CSP', async () => {
    expect(existsSync(path.join(site.dir, 'dist/diagramas/mermaid/mermaid.esm.min.mjs'))).toBe(true);
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} bloqueou ${event.blockedURI}`));
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    try {
      await page.goto(new URL(`${site.lessonIds[0]}/`, server.url).href);
      const figure = page.locator('figure[data-diagram-fallback]');
      await expect.poll(() => figure.locator('.diagram-scroll svg').count()).toBe(1);
      expect(await figure.locator('.diagram-scroll').getAttribute('aria-label')).toContain('Fluxo da aula 0');
      expect(await figure.locator('.diagram-source').isHidden()).toBe(true);
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      expect([...violations, ...problems]).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('diagramas desenhados no build', () => {
  test('o site não publica nem empacota o mermaid quando nenhuma aula precisa dele', () => {
    expect(existsSync(path.join(distDir, 'diagramas/mermaid'))).toBe(false);
    const scripts = readdirSync(path.join(distDir, '_astro')).filter((file) => file.endsWith('.js'));
    const withMermaid = scripts.filter((file) => readFileSync(path.join(distDir, '_astro', file), 'utf8').includes('sequenceDiagram'));
    expect(withMermaid).toEqual([]);
  });
});

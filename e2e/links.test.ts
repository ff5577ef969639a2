import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, inject, test } from 'vitest';
import { listHtmlFiles } from '../src/utils/html-validation.ts';
import { checkSiteLinks } from '../src/utils/site-links.ts';
import { normaliseBase } from './static-server.ts';

const distDir = inject('distDir');

test('todo link interno e âncora do build existem, links externos levam rel="noopener noreferrer" e o sitemap só lista páginas', async () => {
  const files = await listHtmlFiles(distDir);
  // The site's own origin comes from the build's canonical URL, so SITE_URL deployments are checked as built.
  const home = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(home)?.[1];
  expect(canonical, 'dist/index.html sem <link rel="canonical">').toBeDefined();
  const sitemaps = (await readdir(distDir)).filter((name) => /^sitemap-.*\.xml$/.test(name)).map((name) => path.join(distDir, name));
  expect(sitemaps.length).toBeGreaterThan(0);
  const problems = await checkSiteLinks({
    distDir,
    files,
    site: new URL(canonical!),
    base: normaliseBase(process.env.BASE_PATH),
    sitemaps,
  });
  expect(problems.map((problem) => `${problem.source}: ${problem.href} ${problem.message}`)).toEqual([]);
  expect(files.length).toBeGreaterThan(1);
});

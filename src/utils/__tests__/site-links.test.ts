import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSiteLinks, pathOfFile } from '../site-links.ts';

const site = new URL('https://backend.example.org');
let dir: string | undefined;

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function build(files: Record<string, string>) {
  dir = await mkdtemp(path.join(tmpdir(), 'site-links-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('pathOfFile', () => {
  it('maps folders to their index and keeps other files as they are, under the base path', () => {
    expect(pathOfFile('/d', '/d/index.html', '/sala/')).toBe('/sala/');
    expect(pathOfFile('/d', '/d/apis/rest/index.html', '/')).toBe('/apis/rest/');
    expect(pathOfFile('/d', '/d/404.html', '/')).toBe('/404.html');
  });
});

describe('checkSiteLinks', () => {
  it('accepts pages, anchors, files and external links with noopener noreferrer', async () => {
    const distDir = await build({
      'index.html': page('<a href="/apis/rest/#na-prática">a</a><a href="#topo" id="topo">b</a><a href="https://x.dev/" rel="noopener noreferrer">c</a><link rel="icon" href="/favicon.svg">'),
      'apis/rest/index.html': page('<h2 id="na-prática">Na prática</h2>'),
      'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'sitemap-0.xml': '<urlset><url><loc>https://backend.example.org/apis/rest/</loc></url></urlset>',
    });
    const problems = await checkSiteLinks({
      distDir,
      files: [path.join(distDir, 'index.html'), path.join(distDir, 'apis/rest/index.html')],
      site,
      base: '/',
      sitemaps: [path.join(distDir, 'sitemap-0.xml')],
    });
    expect(problems).toEqual([]);
  });

  it('names missing pages, missing anchors, a missing trailing slash, a bad sitemap URL and a bare external link', async () => {
    const distDir = await build({
      'index.html': page(
        '<a href="/nada/">a</a><a href="/apis/rest/#sumiu">b</a><a href="/apis/rest">c</a><a href="https://x.dev/" rel="noopener">d</a>',
      ),
      'apis/rest/index.html': page('<h2 id="na-prática">Na prática</h2>'),
      'sitemap-0.xml': '<urlset><url><loc>https://backend.example.org/velha/</loc></url></urlset>',
    });
    const problems = await checkSiteLinks({
      distDir,
      files: [path.join(distDir, 'index.html'), path.join(distDir, 'apis/rest/index.html')],
      site,
      base: '/',
      sitemaps: [path.join(distDir, 'sitemap-0.xml')],
    });
    expect(problems.map(({ source, href, message }) => `${source} ${href} ${message}`)).toEqual([
      'index.html /nada/ aponta para /nada/, que não existe no build',
      'index.html /apis/rest/#sumiu aponta para a âncora #sumiu, que não existe em /apis/rest/',
      'index.html /apis/rest aponta para /apis/rest sem a barra final; o site usa trailingSlash "always", escreva /apis/rest/',
      'index.html https://x.dev/ link externo sem noreferrer em rel (encontrado: "noopener"); esperado rel="noopener noreferrer"',
      'sitemap-0.xml https://backend.example.org/velha/ aponta para /velha/, que não existe no build',
    ]);
  });
});

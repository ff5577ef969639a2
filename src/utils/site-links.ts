import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** One link of the built site that goes nowhere, or leaks the opener or the referrer to another origin. */
export interface LinkProblem {
  /** Page (relative to the build) or sitemap holding the link. */
  source: string;
  href: string;
  message: string;
}

interface PageLinks {
  /** Built file, relative to the build folder. */
  file: string;
  ids: Set<string>;
  links: { tagName: string; href: string; rel: string[] }[];
}

function readPage(file: string, tree: Root): PageLinks {
  const ids = new Set<string>();
  const links: PageLinks['links'] = [];
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    if (node.tagName === 'a' && typeof node.properties.name === 'string') ids.add(node.properties.name);
    const href = node.properties.href;
    if ((node.tagName === 'a' || node.tagName === 'link' || node.tagName === 'area') && typeof href === 'string') {
      const rel = Array.isArray(node.properties.rel) ? node.properties.rel.map(String) : [];
      links.push({ tagName: node.tagName, href, rel });
    }
  });
  return { file, ids, links };
}

/** The URL path a static host serves a built file at: folders answer with their index.html. */
export function pathOfFile(distDir: string, file: string, base: string): string {
  const relative = path.relative(distDir, file).split(path.sep).join('/');
  return `${base}${relative === 'index.html' ? '' : relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Checks every link of a built site: internal ones (same origin as the site, under the base path) must reach a
 * file of the build and, with a #fragment, an element with that id; external <a> links must carry
 * rel="noopener noreferrer"; every sitemap URL must be a page of the build.
 */
export async function checkSiteLinks(options: { distDir: string; files: string[]; site: URL; base: string; sitemaps: string[] }) {
  const { distDir, files, site, base } = options;
  const pages = new Map<string, PageLinks>();
  for (const file of files) {
    pages.set(pathOfFile(distDir, file, base), readPage(path.relative(distDir, file), fromHtml(await readFile(file, 'utf8'))));
  }

  const problems: LinkProblem[] = [];
  /** Returns why an internal URL does not resolve, or undefined when it does. */
  const resolveInternal = (url: URL): string | undefined => {
    const pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) return `fica fora do caminho base ${base} do site`;
    const target = pages.get(pathname) ?? pages.get(`${pathname}index.html`);
    if (!target) {
      const file = path.join(distDir, pathname.slice(base.length));
      const isFile = existsSync(file) && statSync(file).isFile();
      if (!isFile) {
        return pages.has(`${pathname}/`)
          ? `aponta para ${pathname} sem a barra final; o site usa trailingSlash "always", escreva ${pathname}/`
          : `aponta para ${pathname}, que não existe no build`;
      }
      return url.hash ? `tem a âncora ${url.hash}, mas ${pathname} não é uma página HTML` : undefined;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && !target.ids.has(fragment)) return `aponta para a âncora #${fragment}, que não existe em ${pathname}`;
    return undefined;
  };

  for (const [pagePath, page] of pages) {
    const source = page.file;
    const pageUrl = new URL(pagePath, site);
    for (const link of page.links) {
      let url: URL;
      try {
        url = new URL(link.href, pageUrl);
      } catch {
        problems.push({ source, href: link.href, message: 'não é uma URL válida' });
        continue;
      }
      if (url.origin === site.origin) {
        const reason = resolveInternal(url);
        if (reason) problems.push({ source, href: link.href, message: reason });
      } else if (link.tagName === 'a' && (url.protocol === 'http:' || url.protocol === 'https:')) {
        const missing = ['noopener', 'noreferrer'].filter((token) => !link.rel.includes(token));
        if (missing.length > 0) {
          problems.push({
            source,
            href: link.href,
            message: `link externo sem ${missing.join(' e ')} em rel (encontrado: "${link.rel.join(' ')}"); esperado rel="noopener noreferrer"`,
          });
        }
      }
    }
  }

  for (const sitemap of options.sitemaps) {
    const tree = fromHtml(await readFile(sitemap, 'utf8'), { fragment: true });
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'loc') return;
      const loc = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('').trim();
      const url = new URL(loc);
      const reason = url.origin === site.origin ? resolveInternal(url) : `está fora da origem ${site.origin} do site`;
      if (reason) problems.push({ source: path.relative(distDir, sitemap), href: loc, message: reason });
    });
  }
  return problems;
}

import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Lessons link to each other with root-relative paths ("/apis/idempotencia/"), as authors and the linter
 * see them. When the site is served under a sub-path (astro `base`), those links must carry it too.
 */
export function rehypeBaseLinks(options: { base: string }) {
  const prefix = options.base.replace(/\/+$/, '');
  return (tree: Root) => {
    if (prefix === '') return;
    visit(tree, 'element', (node) => {
      const href = node.properties['href'];
      if (node.tagName !== 'a' || typeof href !== 'string') return;
      if (!href.startsWith('/') || href.startsWith('//') || href === prefix || href.startsWith(`${prefix}/`)) return;
      node.properties['href'] = `${prefix}${href}`;
    });
  };
}

import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { canonicalLanguage } from '../../lint/languages.ts';

const isElement = (node: Root['children'][number]): node is Element => node.type === 'element';
const classes = (node: Element) => {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
};

export interface CodeTabsContent {
  /** Canonical language id of each code block, in order ("ts" and "typescript" both give "typescript"). */
  languages: string[];
  /** Top-level elements that are not code blocks, by tag name. */
  strays: string[];
}

/** What a <CodeTabs> holds, read from its rendered slot: one figure.code-block per fenced block. */
export function readCodeTabs(html: string): CodeTabsContent {
  const tree = fromHtml(html, { fragment: true });
  const languages: string[] = [];
  const strays: string[] = [];
  for (const node of tree.children.filter(isElement)) {
    if (node.tagName === 'figure' && classes(node).includes('code-block')) {
      const raw = String(node.properties['dataLanguage'] ?? '');
      languages.push(canonicalLanguage(raw) ?? raw);
    } else {
      strays.push(node.tagName);
    }
  }
  return { languages, strays };
}

/** Languages written more than once, which would make two tabs with the same choice. */
export function repeatedLanguages(languages: readonly string[]): string[] {
  return [...new Set(languages.filter((language, index) => languages.indexOf(language) !== index))];
}

/** Images in rendered content without a text alternative (no alt, or only spaces). */
export function imagesWithoutAlt(html: string): string[] {
  const sources: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    if (node.tagName !== 'img') return;
    const alt = node.properties['alt'];
    if (typeof alt !== 'string' || alt.trim() === '') sources.push(String(node.properties['src'] ?? ''));
  });
  return sources;
}

import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

/** The caption, or else the header cells of the first row: what tells this table apart from the others on the page. */
function describeTable(table: Element): string {
  let caption: Element | undefined;
  let headerRow: Element | undefined;
  visit(table, 'element', (node) => {
    if (node.tagName === 'caption') caption ??= node;
    if (node.tagName === 'tr') headerRow ??= node;
  });
  if (caption) return toText(caption).trim();
  const cells = (headerRow?.children ?? []).filter((cell): cell is Element => cell.type === 'element' && cell.tagName === 'th');
  return cells
    .map((cell) => toText(cell).trim())
    .filter(Boolean)
    .join(', ');
}

/**
 * Wide comparison tables must scroll inside their own box on 360 px screens instead of widening the page.
 * The box is a focusable, labelled region so keyboard users can scroll it too (WCAG 2.1.1); a <section> is that
 * region natively. Landmarks need distinct names, so each one is named after its table, numbered when two match.
 */
export function rehypeTableScroll(options: { label: string }) {
  return (tree: Root) => {
    const used = new Map<string, number>();
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      if (parent.type === 'element' && (parent.properties.className as string[] | undefined)?.includes('table-scroll')) return;
      const description = describeTable(node);
      const base = description ? `${options.label}: ${description}` : options.label;
      const count = (used.get(base) ?? 0) + 1;
      used.set(base, count);
      const wrapper: Element = {
        type: 'element',
        tagName: 'section',
        properties: { className: ['table-scroll'], tabIndex: 0, ariaLabel: count > 1 || !description ? `${base} (${count})` : base },
        children: [node],
      };
      parent.children[index] = wrapper;
    });
  };
}

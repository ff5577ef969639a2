import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Wide comparison tables must scroll inside their own box on 360 px screens instead of widening the page.
 * The box is a focusable, labelled region so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function rehypeTableScroll(options: { label: string }) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      if (parent.type === 'element' && (parent.properties.className as string[] | undefined)?.includes('table-scroll')) return;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: options.label },
        children: [node],
      };
      parent.children[index] = wrapper;
    });
  };
}

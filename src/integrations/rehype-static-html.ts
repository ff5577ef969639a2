import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type {} from 'mdast-util-mdx-jsx';
import { EXIT, SKIP, visit } from 'unist-util-visit';

/** Element subtrees that are large, never hold MDX components and are rendered as they are. */
const heavyTags = new Set(['svg', 'pre']);

/** &amp;, &lt;, &quot; as Astro writes them, rather than hexadecimal references. */
const serialization = { characterReferences: { useNamedReferences: true } } as const;

/** Only plain HTML nodes: anything else (an MDX component, an expression) must stay for MDX to compile. */
function isPlainHtml(node: Element): boolean {
  let plain = true;
  visit(node, (child) => {
    if (child.type !== 'element' && child.type !== 'text' && child.type !== 'comment') {
      plain = false;
      return EXIT;
    }
    return undefined;
  });
  return plain;
}

/**
 * In MDX, turns every inline diagram SVG and highlighted code block into one `<Fragment set:html>` holding its
 * HTML. MDX would otherwise compile each of their thousands of elements into a JSX call that Vite parses and
 * bundles and Astro runs on every render: most of the build time of a lesson. Unlike MDX's `optimize` option,
 * it serializes whole elements only, so SVG attributes keep their SVG spelling and <style> keeps its text.
 * Runs last among the rehype plugins, so the others see the elements.
 */
export function rehypeStaticHtml() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!heavyTags.has(node.tagName) || !parent || index === undefined) return undefined;
      if (!isPlainHtml(node)) return SKIP;
      parent.children[index] = {
        type: 'mdxJsxFlowElement',
        name: 'Fragment',
        attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: toHtml(node, serialization) }],
        children: [],
      };
      return SKIP;
    });
  };
}

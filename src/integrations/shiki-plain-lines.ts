import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';

function classList(element: Element): string[] {
  const value = element.properties['class'] ?? element.properties['className'];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/**
 * Shiki wraps every line in `<span class="line">`, a few hundred wrappers per lesson that style nothing: the block's
 * padding lives on `<code>`. Only lines with a class of their own (a highlighted line) keep their span, since that
 * one paints the line's background. Runs after the transformers that mark lines.
 */
export function transformerPlainLines(): ShikiTransformer {
  return {
    name: 'themelion:plain-lines',
    code(code) {
      const children: ElementContent[] = [];
      for (const child of code.children) {
        const plain = child.type === 'element' && child.tagName === 'span' && classList(child).join(' ') === 'line';
        for (const node of plain ? child.children : [child]) {
          const previous = children.at(-1);
          if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
          else children.push(node);
        }
      }
      code.children = children;
    },
  };
}

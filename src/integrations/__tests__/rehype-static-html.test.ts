import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { describe, expect, it } from 'vitest';
import { rehypeStaticHtml } from '../rehype-static-html.ts';

function run(tree: Root): Root {
  rehypeStaticHtml()(tree);
  return tree;
}

function fragmentHtml(node: unknown): string {
  const fragment = node as MdxJsxFlowElementHast;
  expect(fragment.type).toBe('mdxJsxFlowElement');
  expect(fragment.name).toBe('Fragment');
  expect(fragment.children).toEqual([]);
  const [attribute] = fragment.attributes;
  expect(attribute).toMatchObject({ type: 'mdxJsxAttribute', name: 'set:html' });
  return String((attribute as { value: string }).value);
}

describe('rehypeStaticHtml', () => {
  it('hands an inline SVG to MDX as one string, with SVG attribute names and its <style> text', () => {
    const tree = fromHtml(
      '<section class="diagram-scroll"><svg viewBox="0 0 10 10"><style>#d text{fill:red}</style><text x="1" text-anchor="middle" dominant-baseline="central">A</text></svg></section>',
      { fragment: true },
    );

    run(tree);

    const section = tree.children[0] as Element;
    expect(section.tagName).toBe('section');
    expect(fragmentHtml(section.children[0])).toBe(
      '<svg viewBox="0 0 10 10"><style>#d text{fill:red}</style><text x="1" text-anchor="middle" dominant-baseline="central">A</text></svg>',
    );
  });

  it('hands a highlighted code block to MDX as one string and leaves the figure around it', () => {
    const tree = fromHtml(
      '<figure class="code-block"><figcaption>cliente.ts</figcaption><pre class="astro-code" tabindex="0"><code><span style="--shiki-light:#000">const</span> a = 1;</code></pre></figure>',
      { fragment: true },
    );

    run(tree);

    const figure = tree.children[0] as Element;
    expect((figure.children[0] as Element).tagName).toBe('figcaption');
    expect(fragmentHtml(figure.children[1])).toBe(
      '<pre class="astro-code" tabindex="0"><code><span style="--shiki-light:#000">const</span> a = 1;</code></pre>',
    );
  });

  it('leaves a block that holds an MDX component or expression to MDX', () => {
    const component = { type: 'mdxJsxTextElement', name: 'Term', attributes: [], children: [] };
    const pre: Element = { type: 'element', tagName: 'pre', properties: {}, children: [component as unknown as Element] };
    const tree: Root = { type: 'root', children: [pre] };

    run(tree);

    expect(tree.children[0]).toBe(pre);
  });

  it('leaves every other element as it is', () => {
    const tree = fromHtml('<p>Texto com <a href="/x/">link</a>.</p><table><tr><td>1</td></tr></table>', { fragment: true });
    const before = structuredClone(tree);

    run(tree);

    expect(tree).toEqual(before);
  });
});

import { transformerMetaHighlight } from '@shikijs/transformers';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { codeToHtml } from 'shiki';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { transformerPlainLines } from '../shiki-plain-lines.ts';
import { transformerTokenClasses } from '../shiki-token-classes.ts';
import { codeThemes, loadCodePalette } from '../../utils/code-palette.ts';

const palette = await loadCodePalette();
const code = 'const a = 1;\n\nconst b = "dois";\nreturn a;';

const render = (meta: string, transformers = [transformerMetaHighlight(), transformerTokenClasses(palette), transformerPlainLines()]) =>
  codeToHtml(code, { lang: 'ts', themes: codeThemes, defaultColor: false, meta: { __raw: meta }, transformers });

const text = (html: string) => toText(fromHtml(html, { fragment: true }));

describe('transformerPlainLines', () => {
  it('drops the wrapper of every line that carries no class of its own', async () => {
    const html = await render('');
    expect(html).not.toContain('class="line');
  });

  it('keeps the span of a highlighted line, so its background still spans the block', async () => {
    const html = await render('{3}');
    expect(html.match(/<span class="line highlighted">/g)).toHaveLength(1);
    expect(html).toMatch(/<span class="line highlighted">[^\n]*"dois"/);
  });

  it('leaves the text, the line breaks and the token colours exactly as they were', async () => {
    const before = await render('{3}', [transformerMetaHighlight(), transformerTokenClasses(palette)]);
    const after = await render('{3}');
    expect(text(after)).toBe(text(before));
    expect(text(after).split('\n')).toHaveLength(4);
    const tokens = (html: string) => {
      const found: string[] = [];
      visit(fromHtml(html, { fragment: true }), 'element', (node) => {
        const classes = [node.properties['className'] ?? []].flat().map(String);
        if (node.tagName === 'span' && !classes.includes('line')) found.push(`${classes.join(' ')}:${toText(node)}`);
      });
      return found;
    };
    expect(tokens(after).length).toBeGreaterThan(0);
    expect(tokens(after)).toEqual(tokens(before));
  });
});

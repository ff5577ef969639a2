import { transformerMetaHighlight } from '@shikijs/transformers';
import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { transformerCodeFrame } from '../shiki-code-frame.ts';

const render = (code: string, lang: string, meta = '') =>
  codeToHtml(code, {
    lang,
    themes: { light: 'github-light-default', dark: 'github-dark-default' },
    defaultColor: false,
    meta: { __raw: meta },
    transformers: [transformerMetaHighlight(), transformerCodeFrame()],
  });

describe('transformerCodeFrame', () => {
  it('captions the block with the file title and keeps the line highlights', async () => {
    const html = await render('const a = 1;\nconst b = 2;\n', 'ts', 'title="server.ts" {2}');
    expect(html).toMatch(/^<figure class="code-block" data-language="ts"><figcaption>server.ts<\/figcaption>/);
    expect(html).toContain('<span class="line highlighted">');
  });

  it('names the language when there is no title', async () => {
    expect(await render('print("oi")', 'python')).toContain('<figcaption>Python</figcaption>');
  });

  it('renders the copy button hidden, so it only appears when JavaScript can make it work', async () => {
    expect(await render('SELECT 1;', 'sql')).toMatch(/<button type="button" class="copy-button" hidden aria-label="Copiar código: SQL">Copiar<\/button>/);
  });
});

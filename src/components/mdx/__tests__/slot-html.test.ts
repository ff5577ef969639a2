import { describe, expect, it } from 'vitest';
import { imagesWithoutAlt, readCodeTabs, repeatedLanguages } from '../slot-html.ts';

const block = (lang: string, caption: string) =>
  `<figure class="code-block" data-language="${lang}"><figcaption>${caption}</figcaption><button class="copy-button" hidden>Copiar</button><pre class="astro-code"><code>x</code></pre></figure>`;

describe('readCodeTabs', () => {
  it('lists the canonical language of each code block, in order', () => {
    const html = `${block('ts', 'server.ts')}\n${block('py', 'Python')}\n${block('go', 'Go')}`;
    expect(readCodeTabs(html)).toEqual({ languages: ['typescript', 'python', 'go'], strays: [] });
  });

  it('reports anything that is not a code block', () => {
    expect(readCodeTabs(`<p>Texto solto</p>${block('ts', 'a.ts')}`)).toEqual({ languages: ['typescript'], strays: ['p'] });
  });
});

describe('repeatedLanguages', () => {
  it('finds aliases of the same language once they are canonical', () => {
    expect(repeatedLanguages(['typescript', 'go', 'typescript'])).toEqual(['typescript']);
    expect(repeatedLanguages(['typescript', 'go'])).toEqual([]);
  });
});

describe('imagesWithoutAlt', () => {
  it('flags images with no alt or a blank one, at any depth', () => {
    const html = '<p><img src="/a.png"><img src="/b.png" alt="  "><img src="/c.png" alt="Fila com 3 consumidores"></p>';
    expect(imagesWithoutAlt(html)).toEqual(['/a.png', '/b.png']);
  });
});

import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeBaseLinks } from '../rehype-base-links.ts';

const run = (html: string, base: string) =>
  String(unified().use(rehypeParse, { fragment: true }).use(rehypeBaseLinks, { base }).use(rehypeStringify).processSync(html));

describe('rehypeBaseLinks', () => {
  it('prefixes root-relative links with the base path', () => {
    expect(run('<a href="/apis/idempotencia/#ttl">x</a>', '/sala/')).toBe('<a href="/sala/apis/idempotencia/#ttl">x</a>');
  });

  it('leaves external, protocol-relative, fragment and already prefixed links alone', () => {
    const html = '<a href="https://www.rfc-editor.org/rfc/rfc9110">a</a><a href="//cdn.example/x">b</a><a href="#erros-comuns">c</a><a href="/sala/aulas/">d</a>';
    expect(run(html, '/sala')).toBe(html);
  });

  it('changes nothing when the site is served from the root', () => {
    expect(run('<a href="/apis/rest/">x</a>', '/')).toBe('<a href="/apis/rest/">x</a>');
  });
});

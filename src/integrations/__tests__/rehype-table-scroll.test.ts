import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeTableScroll } from '../rehype-table-scroll.ts';

const run = (html: string) =>
  String(
    unified().use(rehypeParse, { fragment: true }).use(rehypeTableScroll, { label: 'Tabela' }).use(rehypeStringify).processSync(html),
  );

const table = (...headers: string[]) => `<table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead></table>`;

describe('rehypeTableScroll', () => {
  it('wraps a table in a focusable section named after its header cells', () => {
    expect(run(table('Método', 'Idempotente'))).toBe(
      `<section class="table-scroll" tabindex="0" aria-label="Tabela: Método, Idempotente">${table('Método', 'Idempotente')}</section>`,
    );
  });

  it('prefers the caption, and numbers tables whose names would repeat so each region stays distinct', () => {
    const html = run(`<table><caption>Status</caption><tr><th>A</th></tr></table>${table('X', 'Y')}${table('X', 'Y')}<table><tr><td>1</td></tr></table>`);
    const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((match) => match[1]);
    expect(labels).toEqual(['Tabela: Status', 'Tabela: X, Y', 'Tabela: X, Y (2)', 'Tabela (1)']);
  });

  it('leaves a table that already sits in a scroll box alone', () => {
    const html = `<div class="table-scroll">${table('A')}</div>`;
    expect(run(html)).toBe(html);
  });
});

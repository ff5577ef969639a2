import { describe, expect, test } from 'vitest';
import { type PagefindResultData, topSections } from '../search-ui.ts';

const section = (id: string, scores: number[]) => ({
  title: id,
  url: `/autenticacao/jwt/#${id}`,
  excerpt: '',
  anchor: { id },
  locations: scores.map((_, index) => index),
  weighted_locations: scores.map((balanced_score) => ({ balanced_score })),
});

describe('topSections', () => {
  test('ordena pela soma das pontuações do Pagefind, não pela contagem, e mostra no máximo três', () => {
    const result: PagefindResultData = {
      url: '/autenticacao/jwt/',
      excerpt: '',
      meta: {},
      sub_results: [
        { title: 'JWT', url: '/autenticacao/jwt/', excerpt: '', locations: [1, 2, 3, 4, 5] },
        section('claims', [10, 10, 10, 10]),
        section('token-em-localstorage', [900]),
        section('typescript-em-producao', [50]),
        section('quando-usar', [50]),
      ],
    };
    expect(topSections(result).map((entry) => entry.anchor?.id)).toEqual(['token-em-localstorage', 'typescript-em-producao', 'quando-usar']);
  });

  test('sem pontuações usa a contagem de ocorrências', () => {
    const { weighted_locations: _a, ...few } = section('poucas', [1]);
    const { weighted_locations: _b, ...many } = section('muitas', [1, 1, 1]);
    const result: PagefindResultData = { url: '/x/', excerpt: '', meta: {}, sub_results: [few, many] };
    expect(topSections(result).map((entry) => entry.anchor?.id)).toEqual(['muitas', 'poucas']);
  });
});

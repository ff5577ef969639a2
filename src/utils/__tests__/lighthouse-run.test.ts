import type { Result } from 'lighthouse';
import { describe, expect, it } from 'vitest';
import { lighthouseFailures, lighthouseReport, summariseResult } from '../lighthouse-run.ts';

type Audit = { score: number | null; title: string; displayValue?: string };

/** The parts of a Lighthouse result the summary reads; the rest of Result is irrelevant here. */
function result(
  categories: Record<string, { score: number | null; refs: { id: string; weight: number }[] }>,
  audits: Record<string, Audit>,
  extra: { runWarnings?: string[]; runtimeError?: { code: string; message: string } } = {},
): Result {
  return {
    categories: Object.fromEntries(
      Object.entries(categories).map(([id, { score, refs }]) => [id, { id, title: id, score, auditRefs: refs }]),
    ),
    audits: Object.fromEntries(Object.entries(audits).map(([id, audit]) => [id, { id, description: '', scoreDisplayMode: 'numeric', ...audit }])),
    runWarnings: extra.runWarnings ?? [],
    runtimeError: extra.runtimeError,
  } as unknown as Result;
}

const perfect = {
  accessibility: { score: 1, refs: [{ id: 'color-contrast', weight: 7 }] },
  'best-practices': { score: 1, refs: [{ id: 'doctype', weight: 1 }] },
  seo: { score: 1, refs: [{ id: 'meta-description', weight: 1 }] },
};
const passing = { 'color-contrast': { score: 1, title: 'Contraste' }, doctype: { score: 1, title: 'Doctype' }, 'meta-description': { score: 1, title: 'Descrição' } };

describe('summariseResult', () => {
  it('rounds the scores as Lighthouse shows them and lists what cost points, costliest first', () => {
    const summary = summariseResult(
      result(
        {
          performance: {
            score: 0.934,
            refs: [
              { id: 'first-contentful-paint', weight: 10 },
              { id: 'total-blocking-time', weight: 30 },
              { id: 'cumulative-layout-shift', weight: 25 },
              { id: 'dom-size-insight', weight: 0 },
              { id: 'largest-contentful-paint', weight: 35 },
            ],
          },
          ...perfect,
        },
        {
          'first-contentful-paint': { score: 0.96, title: 'First Contentful Paint', displayValue: '1,5 s' },
          'total-blocking-time': { score: 0.8, title: 'Total Blocking Time', displayValue: '320 ms' },
          'cumulative-layout-shift': { score: 1, title: 'Cumulative Layout Shift', displayValue: '0' },
          'dom-size-insight': { score: 0, title: 'Otimizar o tamanho do DOM' },
          'largest-contentful-paint': { score: null, title: 'Largest Contentful Paint' },
          ...passing,
        },
      ),
    );
    expect(summary.scores).toEqual({ performance: 93, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(summary.losingAudits.performance.map(({ id, cost }) => [id, Number(cost.toFixed(2))])).toEqual([
      ['total-blocking-time', 6],
      ['first-contentful-paint', 0.4],
    ]);
    expect(summary.losingAudits.accessibility).toEqual([]);
    expect(summary.performanceRuns).toEqual([93]);
  });

  it('keeps a category Lighthouse could not score as null and puts its runtime error first among the warnings', () => {
    const summary = summariseResult(
      result({ performance: { score: null, refs: [] }, ...perfect }, passing, {
        runWarnings: ['A página carregou devagar.'],
        runtimeError: { code: 'NO_FCP', message: 'A página não pintou nada.' },
      }),
    );
    expect(summary.scores.performance).toBeNull();
    expect(summary.warnings).toEqual(['NO_FCP: A página não pintou nada.', 'A página carregou devagar.']);
  });
});

describe('lighthouseFailures and lighthouseReport', () => {
  const page = summariseResult(
    result(
      { performance: { score: 0.9, refs: [{ id: 'total-blocking-time', weight: 30 }] }, ...perfect, seo: { score: null, refs: [] } },
      { 'total-blocking-time': { score: 0.9, title: 'Total Blocking Time', displayValue: '300 ms' }, ...passing },
    ),
    [90, 97, 88],
  );
  const pages = [{ label: '/apis/rest/ (maior aula)', scores: page }];

  it('fails each category below the minimum, naming the audits to improve, and each category without a score', () => {
    expect(lighthouseFailures(pages)).toEqual([
      '/apis/rest/ (maior aula): desempenho 90, mínimo 95; melhore: Total Blocking Time.',
      '/apis/rest/ (maior aula): o Lighthouse não conseguiu pontuar SEO; veja os avisos acima.',
    ]);
    expect(lighthouseFailures(pages, 90)).toEqual(['/apis/rest/ (maior aula): o Lighthouse não conseguiu pontuar SEO; veja os avisos acima.']);
  });

  it('prints one row per page with every run and one line per category that lost points', () => {
    const { rows, details } = lighthouseReport(pages);
    expect(rows).toEqual([
      ['página', 'desempenho', 'acessibilidade', 'boas práticas', 'SEO', 'desempenho por execução'],
      ['/apis/rest/ (maior aula)', '90', '100', '100', '—', '90, 97, 88'],
    ]);
    expect(details).toEqual(['/apis/rest/ (maior aula) · desempenho 90: Total Blocking Time 300 ms (−10,0)']);
  });
});

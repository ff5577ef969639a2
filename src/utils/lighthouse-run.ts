/**
 * Lighthouse on built pages, as `npm run budget` runs it: Lighthouse's default navigation (mobile form factor,
 * simulated slow 4G and 4x CPU slowdown), the four scored categories, Debian's Chromium headless.
 */
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';

export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof lighthouseCategories)[number];

/** The quality gate: every category of every audited page at this score or above (0–100, as Lighthouse shows it). */
export const minimumLighthouseScore = 95;

export const categoryLabels: Record<LighthouseCategory, string> = {
  performance: 'desempenho',
  accessibility: 'acessibilidade',
  'best-practices': 'boas práticas',
  seo: 'SEO',
};

export interface LosingAudit {
  id: string;
  title: string;
  /** What Lighthouse measured, e.g. "2,9 s" for a metric; empty for pass/fail audits. */
  displayValue: string;
  /** Points of the category score this audit costs (weight share × missing score), 0–100. */
  cost: number;
}

export interface PageScores {
  /** 0–100 as Lighthouse rounds it for display; null when the category could not be scored. */
  scores: Record<LighthouseCategory, number | null>;
  /** Per category, the weighted audits that kept it below 100, costliest first. */
  losingAudits: Record<LighthouseCategory, LosingAudit[]>;
  /** Lighthouse's own warnings about the run (slow machine, redirects…) and its runtime error, if any. */
  warnings: string[];
  /** Performance score of every run of the page, in run order; the other fields come from the median run. */
  performanceRuns: (number | null)[];
}

const percent = (score: number | null | undefined) => (score === null || score === undefined ? null : Math.round(score * 100));

/** Reduces a Lighthouse result to the scores and, for each category below 100, the audits that cost points. */
export function summariseResult(result: Result, performanceRuns = [percent(result.categories.performance?.score)]): PageScores {
  const scores = {} as PageScores['scores'];
  const losingAudits = {} as PageScores['losingAudits'];
  for (const id of lighthouseCategories) {
    const category = result.categories[id];
    scores[id] = percent(category?.score);
    const refs = category?.auditRefs ?? [];
    const totalWeight = refs.reduce((sum, ref) => sum + ref.weight, 0);
    losingAudits[id] = refs
      .flatMap((ref): LosingAudit[] => {
        const audit = result.audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) return [];
        return [
          {
            id: ref.id,
            title: audit.title,
            displayValue: audit.displayValue ?? '',
            cost: totalWeight > 0 ? ((ref.weight / totalWeight) * (1 - audit.score)) * 100 : 0,
          },
        ];
      })
      .sort((a, b) => b.cost - a.cost);
  }
  const warnings = result.runWarnings.map(String);
  if (result.runtimeError) warnings.unshift(`${result.runtimeError.code}: ${result.runtimeError.message}`);
  return { scores, losingAudits, warnings, performanceRuns };
}

export interface LabelledScores {
  /** How the page is named in the output, e.g. "/apis/rest/ (aula mediana)". */
  label: string;
  scores: PageScores;
}

/** One line per failure of the gate, in pt-BR: which page, which category, what score, what is expected. */
export function lighthouseFailures(pages: LabelledScores[], minimum = minimumLighthouseScore): string[] {
  const failures: string[] = [];
  for (const { label, scores: page } of pages) {
    for (const id of lighthouseCategories) {
      const score = page.scores[id];
      if (score === null) {
        failures.push(`${label}: o Lighthouse não conseguiu pontuar ${categoryLabels[id]}; veja os avisos acima.`);
      } else if (score < minimum) {
        const audits = page.losingAudits[id].map((audit) => audit.title).join('; ');
        failures.push(`${label}: ${categoryLabels[id]} ${score}, mínimo ${minimum}` + (audits ? `; melhore: ${audits}.` : '.'));
      }
    }
  }
  return failures;
}

/** Rows of the score table (header first) and one line per category below 100 naming what cost the points. */
export function lighthouseReport(pages: LabelledScores[]): { rows: string[][]; details: string[] } {
  const rows = [['página', ...lighthouseCategories.map((id) => categoryLabels[id]), 'desempenho por execução']];
  const details: string[] = [];
  for (const { label, scores: page } of pages) {
    rows.push([
      label,
      ...lighthouseCategories.map((id) => String(page.scores[id] ?? '—')),
      page.performanceRuns.map((score) => score ?? '—').join(', '),
    ]);
    for (const id of lighthouseCategories) {
      if (page.losingAudits[id].length === 0) continue;
      const audits = page.losingAudits[id].map(
        (audit) => `${audit.title}${audit.displayValue ? ` ${audit.displayValue}` : ''} (−${audit.cost.toFixed(1).replace('.', ',')})`,
      );
      details.push(`${label} · ${categoryLabels[id]} ${page.scores[id] ?? '—'}: ${audits.join('; ')}`);
    }
    for (const warning of page.warnings) details.push(`${label} · aviso do Lighthouse: ${warning}`);
  }
  return { rows, details };
}

export interface LighthouseRunOptions {
  chromePath?: string;
  /**
   * Runs per page. The performance score of one run moves with the machine's load (Total Blocking Time is the
   * main thread's observed work, scaled); Lighthouse's advice is several runs and its median run, picked by
   * its own computeMedianRun (closest to the median FCP and TTI).
   */
  runs?: number;
}

/**
 * Audits each URL in turn in one headless Chromium. The page must be served over HTTP (Lighthouse needs
 * real responses for its network and SEO audits); the browser is closed even when a run throws.
 */
export async function runLighthouse(urls: string[], options: LighthouseRunOptions = {}): Promise<PageScores[]> {
  const runs = options.runs ?? 3;
  const chrome = await launch({
    chromePath: options.chromePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    logLevel: 'silent',
  });
  try {
    const pages: PageScores[] = [];
    for (const url of urls) {
      const results: Result[] = [];
      for (let run = 0; run < runs; run += 1) {
        const result = await lighthouse(url, {
          port: chrome.port,
          logLevel: 'error',
          output: 'json',
          locale: 'pt',
          onlyCategories: [...lighthouseCategories],
        });
        if (!result) throw new Error(`O Lighthouse não devolveu resultado para ${url}.`);
        results.push(result.lhr);
      }
      const median = results.some((result) => result.runtimeError) ? results.find((result) => result.runtimeError)! : computeMedianRun(results);
      pages.push(summariseResult(median, results.map((result) => percent(result.categories.performance?.score))));
    }
    return pages;
  } finally {
    chrome.kill();
  }
}

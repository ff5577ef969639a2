/**
 * Weight budgets of the built site (npm run budget, after npm run build). Reads dist/, prints one table per page
 * type with gzip sizes (level 9, what a static host would send), then Lighthouse's scores for the largest and
 * the median lesson (mobile), and exits 1 when a budget is exceeded or a Lighthouse category is below 95.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { init, parse as parseModule } from 'es-module-lexer';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { startStaticServer } from '../e2e/static-server.ts';
import { lighthouseFailures, lighthouseReport, minimumLighthouseScore, runLighthouse } from '../src/utils/lighthouse-run.ts';
import { readModules } from '../src/utils/modules.ts';

/** Each budget by id, for --allow-over. */
const budgetIds = ['css', 'lesson-js', 'lesson-chrome', 'lesson-links', 'lesson-html-median', 'lighthouse'] as const;
type BudgetId = (typeof budgetIds)[number];

const usage = `uso: npm run budget -- [--no-lighthouse] [--lighthouse-runs N] [--allow-over <id>]

  --no-lighthouse       só os tamanhos, sem o Lighthouse (rápido)
  --lighthouse-runs N   execuções do Lighthouse por página; vale a execução mediana (padrão: 3)
  --allow-over <id>     mede e mostra o limite, mas não falha por ele (repetível): ${budgetIds.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`budget: ${message}\n\n${usage}\n`);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({
      options: {
        lighthouse: { type: 'boolean', default: true },
        'lighthouse-runs': { type: 'string', default: '3' },
        'allow-over': { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h' },
      },
      allowNegative: true,
    }).values;
  } catch (caught) {
    return fail(`argumento inválido: ${caught instanceof Error ? caught.message : String(caught)}`);
  }
}

const args = readArguments();
if (args.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const allowedOver = new Set<string>(args['allow-over']);
for (const id of allowedOver) {
  if (!(budgetIds as readonly string[]).includes(id)) fail(`--allow-over com id desconhecido: "${id}"; esperado um de ${budgetIds.join(', ')}.`);
}
const lighthouseRuns = Number(args['lighthouse-runs']);
if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1) {
  fail(`--lighthouse-runs espera um inteiro ≥ 1; recebido "${args['lighthouse-runs']}".`);
}

const root = process.cwd();
const dist = path.join(root, 'dist');
const base = (process.env.BASE_PATH ?? '/').replace(/^\/*/, '/').replace(/\/*$/, '/');

const KB = 1024;
/** Lesson pages: the theme, copy button, table of contents and search dialog; Pagefind loads only on demand. */
const lessonJsBudget = 6 * KB;
const cssBudget = 12 * KB;
const medianLessonHtmlBudget = 30 * KB;
/**
 * What a lesson page carries besides its <article> (head, header, footer, navigation) must not grow with the
 * catalog: it is measured with the article cut out and compared to a fixed bound.
 */
const lessonChromeBudget = 8 * KB;
/** Previous/next, prerequisites and related lessons; a page listing the whole catalog would pass this. */
const lessonLinksBudget = 12;

const gzip = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

interface PageFigures {
  page: string;
  html: number;
  css: number;
  js: number;
  chrome?: number;
  lessonLinks?: number;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** Maps a site URL (absolute path with the base) to its file in dist/, or undefined for other origins. */
function distFile(url: string, pageUrl: string): string | undefined {
  const resolved = new URL(url, new URL(pageUrl, 'http://site.invalid'));
  if (resolved.origin !== 'http://site.invalid' || !resolved.pathname.startsWith(base)) return undefined;
  return path.join(dist, decodeURIComponent(resolved.pathname.slice(base.length)));
}

/** A module script and everything it imports statically: all of it runs before the page is interactive. */
function moduleGraph(source: string, fileUrl: string, seen: Set<string>): number {
  let bytes = 0;
  const [imports] = parseModule(source);
  for (const entry of imports) {
    // Dynamic imports load later on demand, like Pagefind when search opens.
    if (entry.type !== 'static' && entry.type !== 'reexport-star') continue;
    const file = distFile(entry.specifier, fileUrl);
    if (!file || seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const content = readFileSync(file, 'utf8');
    bytes += gzip(content) + moduleGraph(content, `/${path.relative(dist, file).split(path.sep).join('/')}`, seen);
  }
  return bytes;
}

function text(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

function measurePage(file: string, lessonUrls: Set<string>): PageFigures {
  const source = readFileSync(path.join(dist, file), 'utf8');
  const pageUrl = `${base}${file.replace(/index\.html$/, '')}`;
  const tree: Root = fromHtml(source);
  let css = 0;
  let js = 0;
  let article: Element | undefined;
  const seen = new Set<string>();
  const linkedLessons = new Set<string>();
  visit(tree, 'element', (node) => {
    const props = node.properties;
    if (node.tagName === 'article' && !article) article = node;
    if (node.tagName === 'link') {
      const rel = Array.isArray(props.rel) ? props.rel.map(String) : [];
      const file = typeof props.href === 'string' ? distFile(props.href, pageUrl) : undefined;
      if (!file || seen.has(file) || !existsSync(file)) return;
      if (rel.includes('stylesheet')) {
        seen.add(file);
        css += gzip(readFileSync(file));
      } else if (rel.includes('modulepreload')) {
        seen.add(file);
        const content = readFileSync(file, 'utf8');
        js += gzip(content) + moduleGraph(content, String(props.href), seen);
      }
    }
    if (node.tagName === 'script') {
      const type = typeof props.type === 'string' ? props.type : '';
      if (type !== '' && type !== 'module' && type !== 'text/javascript') return;
      if (typeof props.src === 'string') {
        const file = distFile(props.src, pageUrl);
        if (!file || seen.has(file) || !existsSync(file)) return;
        seen.add(file);
        const content = readFileSync(file, 'utf8');
        js += gzip(content) + (type === 'module' ? moduleGraph(content, props.src, seen) : 0);
      } else {
        const content = text(node);
        js += gzip(content) + (type === 'module' ? moduleGraph(content, pageUrl, seen) : 0);
      }
    }
    if (node.tagName === 'a' && typeof props.href === 'string') {
      const target = new URL(props.href, new URL(pageUrl, 'http://site.invalid'));
      if (target.origin === 'http://site.invalid' && lessonUrls.has(target.pathname) && target.pathname !== pageUrl) {
        linkedLessons.add(target.pathname);
      }
    }
  });
  const figures: PageFigures = { page: pageUrl, html: gzip(source), css, js, lessonLinks: linkedLessons.size };
  const start = article?.position?.start.offset;
  const end = article?.position?.end.offset;
  if (start !== undefined && end !== undefined) figures.chrome = gzip(source.slice(0, start) + source.slice(end));
  return figures;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

/**
 * The largest lesson (by gzip HTML) and the median one: the worst case and the typical page. With an even
 * count the lower of the two middle lessons is taken, so that it is a real page.
 */
function lighthousePages(lessons: PageFigures[]): { label: string; page: string }[] {
  if (lessons.length === 0) return [];
  const sorted = [...lessons].sort((a, b) => a.html - b.html || a.page.localeCompare(b.page));
  const largest = sorted.at(-1)!;
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const pages = [{ label: `${largest.page} (maior aula)`, page: largest.page }];
  if (middle !== largest) pages.push({ label: `${middle.page} (aula mediana)`, page: middle.page });
  return pages;
}

async function lighthouseSection(lessons: PageFigures[]): Promise<string[]> {
  const pages = lighthousePages(lessons);
  if (pages.length === 0) return [];
  // Compressed like a static host serves it; Lighthouse times the transfers with the bytes sent.
  const server = await startStaticServer(dist, base, { compress: true });
  try {
    const started = performance.now();
    const scores = await runLighthouse(
      pages.map(({ page }) => new URL(page, server.url).href),
      { runs: lighthouseRuns },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const labelled = pages.map(({ label }, index) => ({ label, scores: scores[index]! }));
    const report = lighthouseReport(labelled);
    console.log('');
    console.log(
      `Lighthouse, celular (emulação e limitação de rede e CPU padrão), ${lighthouseRuns} ${lighthouseRuns === 1 ? 'execução' : 'execuções'} ` +
        `por página, vale a mediana (${seconds} s):`,
    );
    printTable(report.rows);
    if (report.details.length > 0) {
      console.log('');
      console.log('O que custou pontos (auditoria, valor medido, pontos perdidos na categoria):');
      for (const line of report.details) console.log(`  ${line}`);
    }
    console.log(`Mínimo por categoria: ${minimumLighthouseScore}.`);
    return lighthouseFailures(labelled).map((failure) => `Lighthouse: ${failure}`);
  } finally {
    await server.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<number> {
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error('dist/index.html não existe: rode `npm run build` antes de `npm run budget`.');
    return 1;
  }
  await init();
  const { modules, diagnostics } = await readModules(path.join(root, 'content/modules.yaml'), 'content/modules.yaml');
  if (diagnostics.length > 0) {
    console.error('content/modules.yaml tem erros; rode `npm run lint:lessons` para vê-los.');
    return 1;
  }
  const moduleIds = new Set(modules.map((module) => module.id));
  const files = htmlFiles(dist);
  const isLesson = (file: string) => {
    const parts = file.split('/');
    return parts.length === 3 && moduleIds.has(parts[0]!) && parts[2] === 'index.html';
  };
  const lessonFiles = files.filter(isLesson);
  const lessonUrls = new Set(lessonFiles.map((file) => `${base}${file.replace(/index\.html$/, '')}`));
  const groups: [string, string[]][] = [
    ['início', files.filter((file) => file === 'index.html')],
    ['módulo', files.filter((file) => moduleIds.has(file.split('/')[0]!) && file.split('/').length === 2)],
    ['aula', lessonFiles],
    ['índices', files.filter((file) => /^(aulas|tags|niveis)\//.test(file))],
    ['glossário', files.filter((file) => file.startsWith('glossario/'))],
    ['busca', files.filter((file) => file.startsWith('busca/'))],
  ];

  const failures: { id: BudgetId; message: string }[] = [];
  const over = (id: BudgetId, message: string) => failures.push({ id, message });
  const rows: string[][] = [['tipo', 'páginas', 'HTML mediana', 'HTML máx.', 'CSS máx.', 'JS inicial máx.', 'maior página']];
  let lessonFigures: PageFigures[] = [];
  for (const [label, group] of groups) {
    if (group.length === 0) continue;
    const figures = group.map((file) => measurePage(file, lessonUrls));
    if (label === 'aula') lessonFigures = figures;
    const biggest = figures.reduce((a, b) => (b.html > a.html ? b : a));
    rows.push([
      label,
      String(figures.length),
      kb(median(figures.map((figure) => figure.html))),
      kb(biggest.html),
      kb(Math.max(...figures.map((figure) => figure.css))),
      kb(Math.max(...figures.map((figure) => figure.js))),
      biggest.page,
    ]);
    for (const figure of figures) {
      if (figure.css > cssBudget) over('css', `${figure.page}: CSS ${kb(figure.css)} gzip, limite ${kb(cssBudget)}.`);
    }
  }

  for (const figure of lessonFigures) {
    if (figure.js > lessonJsBudget) {
      over('lesson-js', `${figure.page}: JS inicial ${kb(figure.js)} gzip, limite ${kb(lessonJsBudget)}; carregue o restante sob demanda.`);
    }
    if (figure.chrome === undefined) {
      over('lesson-chrome', `${figure.page}: não há <article> na página; o orçamento separa o texto da aula do resto por esse elemento.`);
    } else if (figure.chrome > lessonChromeBudget) {
      over(
        'lesson-chrome',
        `${figure.page}: fora do <article> a página tem ${kb(figure.chrome)} gzip, limite ${kb(lessonChromeBudget)}; ` +
          'cabeçalho, rodapé e navegação não devem crescer com o número de aulas.',
      );
    }
    if ((figure.lessonLinks ?? 0) > lessonLinksBudget) {
      over(
        'lesson-links',
        `${figure.page}: aponta para ${figure.lessonLinks} outras aulas, limite ${lessonLinksBudget}; ` +
          'listas do catálogo inteiro pertencem às páginas de índice.',
      );
    }
  }
  if (lessonFigures.length > 0) {
    const lessonMedian = median(lessonFigures.map((figure) => figure.html));
    if (lessonMedian > medianLessonHtmlBudget) {
      over('lesson-html-median', `aulas: HTML mediano ${kb(lessonMedian)} gzip, limite ${kb(medianLessonHtmlBudget)}.`);
    }
  }

  printTable(rows);
  console.log('');
  console.log('Aulas, uma a uma (gzip nível 9):');
  for (const figure of lessonFigures) {
    console.log(
      `  ${figure.page}  HTML ${kb(figure.html)}  fora do <article> ${figure.chrome === undefined ? '—' : kb(figure.chrome)}  ` +
        `CSS ${kb(figure.css)}  JS ${kb(figure.js)}  links para aulas ${figure.lessonLinks}`,
    );
  }
  console.log('');
  console.log(
    `Limites: JS inicial de aula ≤ ${kb(lessonJsBudget)}, CSS ≤ ${kb(cssBudget)}, HTML mediano de aula ≤ ${kb(medianLessonHtmlBudget)}, ` +
      `fora do <article> ≤ ${kb(lessonChromeBudget)}, links para outras aulas ≤ ${lessonLinksBudget}.`,
  );
  if (args.lighthouse) for (const message of await lighthouseSection(lessonFigures)) over('lighthouse', message);
  const tolerated = failures.filter((failure) => allowedOver.has(failure.id));
  const blocking = failures.filter((failure) => !allowedOver.has(failure.id));
  if (tolerated.length > 0) {
    console.log(`\n${tolerated.length} ${tolerated.length === 1 ? 'limite estourado e tolerado' : 'limites estourados e tolerados'} nesta execução (--allow-over):`);
    for (const failure of tolerated) console.log(`  [${failure.id}] ${failure.message}`);
  }
  if (blocking.length === 0) {
    if (tolerated.length > 0) console.log('Nenhum outro limite estourado.');
    else console.log(args.lighthouse ? 'Todos os orçamentos e notas do Lighthouse cumpridos.' : 'Todos os orçamentos cumpridos (Lighthouse não rodou: --no-lighthouse).');
    return 0;
  }
  console.error(`\n${blocking.length} ${blocking.length === 1 ? 'limite não cumprido' : 'limites não cumpridos'}:`);
  for (const failure of blocking) console.error(`  [${failure.id}] ${failure.message}`);
  return 1;
}

process.exitCode = await main();

/**
 * npm run bench:build [-- <lessons> ...] [-- --keep]: for each corpus size (default 200 and 1,000 lessons)
 * builds a copy of the site whose content is that many synthetic lessons (five sections, a sequence diagram,
 * four code blocks and a table each, every diagram different) spread over the real modules. Each corpus is
 * built twice, each time without dist/: the first build draws every diagram (cold), the second finds them in
 * the diagram cache (warm) and is the figure that counts. Prints pages, wall time, pages/s, ms/page, CPU time
 * and the peak resident memory of the whole process tree (Node and the headless browser) per build, and how
 * much ms/page grows with the corpus. Figures are printed, not asserted; the exit code is 1 only when a build
 * fails. --keep leaves the copies (with each build's log) in the temp folder, for profiling.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { sampleProcessTree } from '../src/utils/process-tree-usage.ts';
import { createSyntheticSite } from '../src/utils/synthetic-site.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const targetPagesPerSecond = 36;
const maxGrowth = 0.15;

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const sizes = args.filter((arg) => arg !== '--keep').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  process.stderr.write('uso: npm run bench:build -- [quantidades de aulas, padrão 200 1000] [--keep para manter as cópias do site]\n');
  process.exit(2);
}
if (sizes.length === 0) sizes.push(200, 1000);

interface BuildFigures {
  pages: number;
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  diagrams: string;
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

async function build(dir: string, label: string): Promise<BuildFigures> {
  // Both builds start without dist/, as a CI build does: only the diagram cache tells them apart.
  await rm(path.join(dir, 'dist'), { recursive: true, force: true });
  const logFile = path.join(dir, `build-${label}.log`);
  const log = openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [astroBin, 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', log, log],
  });
  const sampler = sampleProcessTree(child.pid!);
  const [code] = (await once(child, 'exit')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  const { peakRssBytes, cpuSeconds } = sampler.stop();
  closeSync(log);
  // Astro colours its log; the colour codes would break the matching below.
  const output = (await readFile(logFile, 'utf8')).replace(/\x1b\[[0-9;]*m/g, '');
  if (code !== 0) {
    const tail = output.trimEnd().split('\n').slice(-40).join('\n');
    throw new Error(`o build ${label} terminou com código ${code}; últimas linhas de ${logFile}:\n${tail}`);
  }
  const diagrams = /\[themelion-diagrams\] (.*)\(cache em/.exec(output)?.[1]?.trim().replace(/,$/, '') ?? 'sem resumo de diagramas';
  return { pages: await countPages(path.join(dir, 'dist')), seconds, cpuSeconds, peakRssBytes, diagrams };
}

const decimal = (value: number, digits = 1) =>
  value.toLocaleString('pt-BR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('pt-BR')} MB`;
const pagesPerSecond = (figures: BuildFigures) => figures.pages / figures.seconds;
const msPerPage = (figures: BuildFigures) => (figures.seconds * 1000) / figures.pages;

process.stdout.write(`Node ${process.version}, ${availableParallelism()} núcleos disponíveis\n`);
const results: { size: number; cold: BuildFigures; warm: BuildFigures }[] = [];
for (const size of sizes) {
  process.stdout.write(`\n${size} aulas: gerando a cópia do site…\n`);
  const { dir } = await createSyntheticSite(projectRoot, size);
  try {
    const cold = await build(dir, 'frio');
    process.stdout.write(`  build frio: ${decimal(cold.seconds)} s, ${cold.diagrams}\n`);
    const warm = await build(dir, 'quente');
    process.stdout.write(`  build quente: ${decimal(warm.seconds)} s, ${warm.diagrams}\n`);
    results.push({ size, cold, warm });
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\nA cópia do site ficou em ${dir}.\n`);
    process.exit(1);
  }
  if (keep) process.stdout.write(`  cópia mantida em ${dir}\n`);
  else await rm(dir, { recursive: true, force: true });
}

const rows = results.flatMap(({ size, cold, warm }) =>
  (
    [
      ['frio (desenha os diagramas)', cold],
      ['quente (diagramas do cache)', warm],
    ] as const
  ).map(([label, figures]) =>
    `| ${size.toLocaleString('pt-BR')} aulas | ${label} | ${figures.pages.toLocaleString('pt-BR')} | ${decimal(figures.seconds)} s | ` +
    `${decimal(pagesPerSecond(figures))} | ${decimal(msPerPage(figures))} | ${decimal(figures.cpuSeconds)} s | ${megabytes(figures.peakRssBytes)} |`,
  ),
);
process.stdout.write(
  [
    '',
    '| Corpus | Build | Páginas | Tempo | Páginas/s | ms/página | CPU | Pico de RSS (árvore de processos) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n'),
);

for (const { size, warm } of results) {
  const rate = pagesPerSecond(warm);
  process.stdout.write(
    rate >= targetPagesPerSecond
      ? `${size} aulas: ${decimal(rate)} páginas/s no build quente, dentro da meta de ${targetPagesPerSecond} páginas/s.\n`
      : `META NÃO ATINGIDA: ${size} aulas a ${decimal(rate)} páginas/s no build quente; a meta é de pelo menos ${targetPagesPerSecond} páginas/s.\n`,
  );
}
if (results.length >= 2) {
  const smallest = results[0]!;
  const largest = results.at(-1)!;
  const growth = msPerPage(largest.warm) / msPerPage(smallest.warm) - 1;
  const change = `ms/página (build quente) de ${smallest.size} para ${largest.size} aulas: ${decimal(msPerPage(smallest.warm))} → ${decimal(msPerPage(largest.warm))} (${growth >= 0 ? '+' : ''}${decimal(growth * 100)}%)`;
  process.stdout.write(
    growth > maxGrowth
      ? `META NÃO ATINGIDA: ${change}; o limite é de +${maxGrowth * 100}%.\n`
      : `${change}, dentro do limite de +${maxGrowth * 100}%.\n`,
  );
}

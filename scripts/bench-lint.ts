/**
 * npm run bench:lint [-- <count>]: writes <count> (default 1,000) synthetic lessons — five sections, a
 * sequence diagram, four code blocks and a table, each lesson with its own numbers and diagram text so
 * no cache is hit across lessons — into a temp dir and lints them as an author would, each run in a
 * fresh Node process (start-up and module loading count):
 *
 *   1. cold: `--no-cache`, nothing reused — the linter's real speed;
 *   2. first run with the cache, into an empty cache folder (also fills V8's compile cache);
 *   3. warm cache, nothing changed;
 *   4. after editing 10% of the lessons (the author's edit-lint loop);
 *   5. results cache emptied but V8's compiled code kept (what a new linter version costs).
 *
 * For each: lessons/s (whole process), CPU time of all threads per lesson, peak RSS and how many
 * lessons came from the cache. The target (>= 500 lessons/s on 2 cores) is about linting:
 * the last line says which figure meets it.
 *
 * The generator (`lesson`, `modules`) is exported for other benchmarks; importing this file runs nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import module from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticLesson } from '../src/utils/synthetic-lessons.ts';

export const modules = ['protocolos', 'apis', 'resiliencia', 'performance'];

export function lesson(index: number): string {
  return syntheticLesson({
    index,
    order: Math.floor(index / modules.length) + 1,
    status: 'draft',
    origin: 'agent',
    level: 'intermediario',
    tags: ['benchmark'],
  });
}

/** Path of lesson `index` under the lessons folder. */
export function lessonPath(index: number): string {
  return path.join(modules[index % modules.length]!, `aula-${index}.mdx`);
}

/** Writes content/modules.yaml and `count` lessons under `root`. */
export async function writeSyntheticCollection(root: string, count: number): Promise<void> {
  await mkdir(path.join(root, 'content/lessons'), { recursive: true });
  await writeFile(
    path.join(root, 'content/modules.yaml'),
    modules.map((id, order) => `- id: ${id}\n  title: Módulo ${id}\n  summary: Módulo sintético do benchmark do linter de aulas, com texto longo o bastante.\n  order: ${order + 1}\n`).join(''),
  );
  await Promise.all(modules.map((id) => mkdir(path.join(root, 'content/lessons', id), { recursive: true })));
  for (let index = 0; index < count; index += 1) await writeFile(path.join(root, 'content/lessons', lessonPath(index)), lesson(index));
}

/** What one run in a child process reports. */
interface RunReport {
  files: number;
  diagnostics: number;
  cached: number;
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
}

const cacheDirName = 'lint-cache';

/** Child process: lints the collection under `root` once and prints a RunReport as JSON. */
async function child(root: string, cache: boolean): Promise<void> {
  const cacheDir = path.join(root, cacheDirName);
  // As the CLI does: V8's compile cache is switched on before the linter loads.
  if (cache) module.enableCompileCache(path.join(cacheDir, 'v8'));
  const { lintLessons } = await import('../src/lint/engine.ts');
  const { diagnostics, files, cached } = await lintLessons({ root, cache, cacheDir });
  // From the process's start: Node's own start-up and the linter's imports are part of what an author waits for.
  const seconds = performance.now() / 1000;
  // Process-wide, so worker threads count too; on a shared machine it varies less than the wall time.
  const cpu = process.cpuUsage();
  const report: RunReport = {
    files: files.length,
    diagnostics: diagnostics.length,
    cached,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

async function main(count: number): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'bench-lint-'));
  const script = fileURLToPath(import.meta.url);
  const decimal = (value: number, digits = 2) => value.toFixed(digits).replace('.', ',');
  const run = (label: string, cache: boolean): RunReport => {
    const output = execFileSync(process.execPath, [script, '--run', root, cache ? '--cache' : '--no-cache'], { encoding: 'utf8' });
    const report = JSON.parse(output.trim().split('\n').at(-1)!) as RunReport;
    process.stdout.write(
      `${label}: ${report.files} aulas em ${decimal(report.seconds)} s — ${Math.round(report.files / report.seconds)} aulas/s; ` +
        `CPU ${decimal((report.cpuSeconds * 1000) / report.files)} ms por aula; pico de RSS ${Math.round(report.peakMb)} MB; ` +
        `${report.cached} do cache; ${report.diagnostics} diagnósticos\n`,
    );
    return report;
  };
  try {
    await writeSyntheticCollection(root, count);
    process.stdout.write(`Node ${process.version}, ${availableParallelism()} núcleos disponíveis; cada passada é um processo novo\n`);
    const cold = run('1. frio, --no-cache (nada reaproveitado)', false);
    run('2. primeira vez com cache (pasta de cache vazia)', true);
    const warm = run('3. cache quente, nada mudou', true);
    const edited = Math.max(1, Math.round(count / 10));
    for (let index = 0; index < count; index += Math.round(count / edited)) {
      const file = path.join(root, 'content/lessons', lessonPath(index));
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('## Quando usar\n\n', `## Quando usar\n\nRevisão: com ${index + 3} réplicas, o p99 cai para ${index % 50 + 5} ms.\n\n`));
    }
    const afterEdit = run(`4. depois de editar ${edited} aulas (10%)`, true);
    await rm(path.join(root, cacheDirName, 'results.bin'), { force: true });
    run('5. resultados apagados, código compilado do V8 mantido', true);

    const results = [cold, warm, afterEdit];
    if (results.some((report) => report.diagnostics > 0)) {
      process.stdout.write('as aulas sintéticas deveriam passar, mas houve diagnósticos\n');
      process.exitCode = 1;
    }
    const rate = (report: RunReport) => report.files / report.seconds;
    const verdict = (report: RunReport) => (rate(report) >= 500 ? 'atinge' : 'não atinge');
    process.stdout.write(
      `Meta da issue (>= 500 aulas/s em 2 núcleos, para conferir aulas): o frio (1) ${verdict(cold)} — ${Math.round(rate(cold))} aulas/s, ` +
        `conferindo cada aula de verdade; com cache, o quente (3) ${verdict(warm)} — ${Math.round(rate(warm))} aulas/s, ` +
        `e a passada após editar 10% (4) ${verdict(afterEdit)} — ${Math.round(rate(afterEdit))} aulas/s, ` +
        `mas só ${afterEdit.files - afterEdit.cached} delas foram conferidas; as demais vieram do cache.\n`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  if (args[0] === '--run') {
    await child(args[1]!, args[2] === '--cache');
  } else {
    const count = Number(args[0] ?? 1000);
    if (!Number.isInteger(count) || count < 1) {
      process.stderr.write('uso: npm run bench:lint -- [quantidade de aulas, padrão 1000]\n');
      process.exit(2);
    }
    await main(count);
  }
}

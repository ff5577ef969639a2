/**
 * Two builds of the same sources must give the same bytes (npm run check:determinism): otherwise every deploy
 * changes files that did not change, caches are thrown away and a diff of two builds shows noise instead of the
 * real change. Builds the site from clean into temporary directories and compares every file.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type AllowedDifference, compareDirectories, type FileDifference, partitionDifferences } from '../src/utils/compare-directories.ts';
import { defaultCacheDir } from '../src/utils/diagram-cache.ts';
import { defaultHighlightCacheDir } from '../src/utils/highlight-cache.ts';

/**
 * Files that may differ from one build to the next, each with the reason. Empty: every file of the site is
 * reproducible, and a new entry needs a reason that a fix in the site cannot remove.
 */
const allowedDifferences: readonly AllowedDifference[] = [];

const usage = `uso: npm run check:determinism -- [--against <pasta>] [--fresh-caches] [--keep]

  sem opções         dois builds do zero, cada um numa pasta temporária, comparados byte a byte
  --against <pasta>  um build do zero comparado com um build já feito (ex.: --against dist depois de npm run build)
  --fresh-caches     o último build desenha todos os diagramas e destaca todo o código de novo, com os caches
                     vazios (${defaultCacheDir} e ${defaultHighlightCacheDir} são postos de lado e voltam no fim)
  --keep             não apaga as pastas temporárias dos builds, para inspecioná-las`;

function fail(message: string): never {
  process.stderr.write(`check:determinism: ${message}\n\n${usage}\n`);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({
      options: {
        against: { type: 'string' },
        'fresh-caches': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
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

const root = process.cwd();
const astroBin = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** What a build leaves behind for the next one: generated types and Astro's cache (the content layer's data store). */
const astroCaches = [path.join(root, '.astro'), path.join(root, 'node_modules', '.astro')];
/** Caches a build reads from earlier builds: drawn diagrams and highlighted code. */
const buildCaches = [path.join(root, defaultCacheDir), path.join(root, defaultHighlightCacheDir)];

/** A path inside the project relative to it, any other one absolute. */
function shown(dir: string): string {
  const relative = path.relative(root, dir);
  return relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative || '.';
}

const against = args.against === undefined ? undefined : path.resolve(args.against);
if (against && !existsSync(path.join(against, 'index.html'))) {
  fail(`${shown(against)}/index.html não existe: rode \`npm run build\` antes ou aponte --against para um build.`);
}

/** Builds from clean into outDir with the pinned Node; the build's own output is shown only when it fails. */
async function build(outDir: string, label: string): Promise<void> {
  await Promise.all(astroCaches.map((dir) => rm(dir, { recursive: true, force: true })));
  const started = performance.now();
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    process.stderr.write(Buffer.concat(output));
    throw new Error(`o ${label} falhou (código ${code}); a saída do Astro está acima.`);
  }
  const diagrams = /\[themelion-diagrams\] (.+)/.exec(Buffer.concat(output).toString('utf8'))?.[1];
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s${diagrams ? ` — ${diagrams}` : ''}`);
}

/** Runs a build with the diagram and highlight caches set aside, so all is drawn and highlighted again; they come back afterwards. */
async function buildWithoutCaches(outDir: string, label: string): Promise<void> {
  const present = buildCaches.filter((dir) => existsSync(dir));
  for (const dir of present) await rename(dir, `${dir}.aside-${process.pid}`);
  try {
    await build(outDir, label);
  } finally {
    for (const dir of buildCaches) await rm(dir, { recursive: true, force: true });
    for (const dir of present) await rename(`${dir}.aside-${process.pid}`, dir);
  }
}

const kindLabels: Record<FileDifference['kind'], string> = {
  changed: 'conteúdo diferente',
  'only-in-first': 'só no primeiro build',
  'only-in-second': 'só no segundo build',
};

function describe(difference: FileDifference): string {
  const head = `  ${difference.file} (${kindLabels[difference.kind]})`;
  if (difference.kind !== 'changed') return head;
  return `${head}, primeiro byte diferente em ${difference.offset}:\n      primeiro: ${difference.first}\n      segundo:  ${difference.second}`;
}

async function main(): Promise<number> {
  const temporary = await mkdtemp(path.join(os.tmpdir(), 'themelion-determinism-'));
  try {
    const first = against ?? path.join(temporary, 'primeiro');
    const second = path.join(temporary, 'segundo');
    if (!against) await build(first, 'primeiro build');
    await (args['fresh-caches'] ? buildWithoutCaches : build)(
      second,
      args['fresh-caches'] ? 'segundo build (sem caches de diagramas e de código)' : 'segundo build',
    );

    const { files, differences } = await compareDirectories(first, second);
    const { expected, unexpected } = partitionDifferences(differences, allowedDifferences);
    const compared = `${shown(first)} e ${shown(second)}`;
    for (const { difference, reason } of expected) console.log(`permitido: ${difference.file} — ${reason}`);
    if (unexpected.length === 0) {
      console.log(`${files} arquivos comparados: builds idênticos byte a byte${expected.length > 0 ? ' fora os permitidos acima' : ''} (${compared}).`);
      return 0;
    }
    console.error(`\n${unexpected.length} ${unexpected.length === 1 ? 'arquivo difere' : 'arquivos diferem'} entre ${compared}:`);
    for (const difference of unexpected) console.error(describe(difference));
    console.error(
      '\nO build deve ser reprodutível: procure a causa no site (data ou hora do build, id aleatório, ordem de Map/Set ' +
        'ou de arquivos lidos em paralelo) e corrija-a; só um arquivo que não pode ser igual entra na lista de permitidos, ' +
        'com o motivo, em scripts/check-determinism.ts.',
    );
    return 1;
  } finally {
    if (args.keep) console.log(`Pastas mantidas em ${temporary}.`);
    else await rm(temporary, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (caught) {
  console.error(`check:determinism: ${caught instanceof Error ? caught.message : String(caught)}`);
  process.exitCode = 1;
}

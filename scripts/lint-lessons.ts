/**
 * npm run lint:lessons [-- <paths>] [--format pretty|json|github|sarif] [--max-warnings N] [--no-cache]
 * Exit 0: no errors and warnings within the maximum; 1: problems found; 2: the command was misused.
 */
import { existsSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileCacheFolder, defaultLintCacheDir } from '../src/lint/cache.ts';
import {
  countDiagnostics,
  formatGithub,
  formatJson,
  formatPretty,
  formatSarif,
  type OutputFormat,
  outputFormats,
} from '../src/lint/format.ts';

const usage = `uso: npm run lint:lessons -- [caminhos...] [--format ${outputFormats.join('|')}] [--max-warnings N] [--no-cache]

  caminhos          aulas (.mdx) ou pastas; sem caminhos, todas as aulas de content/lessons/
  --format          formato da saída (padrão: pretty)
  --max-warnings N  falha também quando houver mais de N avisos (padrão: sem limite)
  --no-cache        confere tudo do zero, sem ler nem gravar o cache em ${defaultLintCacheDir}/
                    (por padrão, uma aula que não mudou — nem as aulas para as quais ela aponta — não é verificada de novo)`;

function fail(message: string): never {
  process.stderr.write(`lint:lessons: ${message}\n\n${usage}\n`);
  process.exit(2);
}

const options = {
  format: { type: 'string' },
  'max-warnings': { type: 'string' },
  cache: { type: 'boolean', default: true },
  help: { type: 'boolean', short: 'h' },
} as const;

function readArguments() {
  try {
    return parseArgs({ options, allowPositionals: true, allowNegative: true });
  } catch (caught) {
    return fail(`argumento inválido: ${caught instanceof Error ? caught.message : String(caught)}`);
  }
}

const parsed = readArguments();

if (parsed.values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const format = (parsed.values.format ?? 'pretty') as OutputFormat;
if (!outputFormats.includes(format)) fail(`formato desconhecido: "${parsed.values.format}"; esperado um de ${outputFormats.join(', ')}.`);

let maxWarnings: number | undefined;
const rawMax = parsed.values['max-warnings'];
if (rawMax !== undefined) {
  if (!/^\d+$/.test(rawMax)) fail(`--max-warnings inválido: "${rawMax}"; esperado um inteiro maior ou igual a 0.`);
  maxWarnings = Number(rawMax);
}

// npm runs scripts from the project root; INIT_CWD is where the author typed the command, so relative paths mean what they look like.
const cwd = process.env['INIT_CWD'] ?? process.cwd();
const missing = parsed.positionals.filter((target) => !existsSync(path.resolve(cwd, target)));
if (missing.length > 0) fail(`caminho inexistente: ${missing.map((target) => `"${target}"`).join(', ')}; esperado aulas .mdx ou pastas que existam.`);

const root = fileURLToPath(new URL('..', import.meta.url));
const paths = parsed.positionals.length > 0 ? parsed.positionals.map((target) => path.resolve(cwd, target)) : undefined;
const cache = parsed.values.cache;
// V8 keeps the compiled code of the linter and its parsers next to the results, so they load in a
// fraction of the time on the next run; switched on before the linter is imported.
if (cache) module.enableCompileCache(path.join(root, defaultLintCacheDir, compileCacheFolder));
const { lintLessons } = await import('../src/lint/engine.ts');
const { diagnostics, files } = await lintLessons({ root, cache, ...(paths ? { paths } : {}) });
const counts = countDiagnostics(diagnostics, files.length);

const output = {
  pretty: () => formatPretty(diagnostics, counts, process.stdout.isTTY === true && !process.env['NO_COLOR'], maxWarnings),
  json: () => formatJson(diagnostics, counts),
  github: () => formatGithub(diagnostics, counts, maxWarnings),
  sarif: () => formatSarif(diagnostics),
}[format]();
process.stdout.write(`${output}\n`);

const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
process.exitCode = counts.errors > 0 || tooManyWarnings ? 1 : 0;

/**
 * npm run validate:html [-- <dist folder>]
 * Validates every HTML page of the build with html-validate (.htmlvalidate.json). Exit 0: no errors; 1: errors found;
 * 2: there is no build to validate.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, sortDiagnostics } from '../src/utils/diagnostics.ts';
import { listHtmlFiles, validateHtmlFiles } from '../src/utils/html-validation.ts';

const cwd = process.cwd();
const distDir = path.resolve(cwd, process.argv[2] ?? 'dist');

if (!existsSync(distDir)) {
  process.stderr.write(`validate:html: a pasta ${path.relative(cwd, distDir) || distDir} não existe; rode npm run build antes.\n`);
  process.exit(2);
}

const files = await listHtmlFiles(distDir);
if (files.length === 0) {
  process.stderr.write(`validate:html: nenhum arquivo .html em ${path.relative(cwd, distDir)}; rode npm run build antes.\n`);
  process.exit(2);
}

const diagnostics = sortDiagnostics(await validateHtmlFiles(files, { cwd }));
for (const diagnostic of diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);

const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
const warnings = diagnostics.length - errors;
process.stdout.write(`validate:html: ${files.length} páginas, ${errors} erro(s), ${warnings} aviso(s).\n`);
process.exit(errors > 0 ? 1 : 0);

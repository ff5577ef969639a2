import { type Diagnostic, formatDiagnostic } from '../utils/diagnostics.ts';
import { fileChecks } from './file-checks.ts';
import { rules } from './rules/index.ts';

export const outputFormats = ['pretty', 'json', 'github', 'sarif'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export interface Counts {
  errors: number;
  warnings: number;
  files: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[], files: number): Counts {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors, files };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The closing line, in pt-BR: what was checked and what was found. */
export function summaryLine(counts: Counts, maxWarnings?: number): string {
  const checked = plural(counts.files, 'arquivo verificado', 'arquivos verificados');
  if (counts.errors === 0 && counts.warnings === 0) return `Nenhum problema: ${checked}.`;
  const found = [plural(counts.errors, 'erro', 'erros'), plural(counts.warnings, 'aviso', 'avisos')].join(' e ');
  const limit =
    maxWarnings !== undefined && counts.warnings > maxWarnings ? ` Avisos acima do máximo permitido (${maxWarnings}).` : '';
  return `${found} em ${checked}.${limit}`;
}

const colours = { red: '\u001B[31m', yellow: '\u001B[33m', dim: '\u001B[2m', reset: '\u001B[0m' };

/** The `file:line:col  severity  message  rule-id` lines; colour only for a terminal. */
export function formatPretty(diagnostics: readonly Diagnostic[], counts: Counts, colour: boolean, maxWarnings?: number): string {
  const lines = diagnostics.map((diagnostic) => {
    const line = formatDiagnostic(diagnostic);
    if (!colour) return line;
    const tint = diagnostic.severity === 'error' ? colours.red : colours.yellow;
    const label = diagnostic.severity === 'error' ? 'erro' : 'aviso';
    return line.replace(`  ${label}  `, `  ${tint}${label}${colours.reset}  `).replace(/ {2}(\S+)$/, `  ${colours.dim}$1${colours.reset}`);
  });
  return [...lines, ...(lines.length > 0 ? [''] : []), summaryLine(counts, maxWarnings)].join('\n');
}

export function formatJson(diagnostics: readonly Diagnostic[], counts: Counts): string {
  return JSON.stringify({ diagnostics, summary: counts }, null, 2);
}

/** GitHub Actions workflow commands: each diagnostic becomes an annotation on the file and line. */
export function formatGithub(diagnostics: readonly Diagnostic[], counts: Counts, maxWarnings?: number): string {
  const data = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  const property = (text: string) => data(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
  const lines = diagnostics.map(
    (d) =>
      `::${d.severity === 'error' ? 'error' : 'warning'} file=${property(d.file)},line=${d.line},col=${d.column},title=${property(d.ruleId)}::${data(d.message)}`,
  );
  return [...lines, summaryLine(counts, maxWarnings)].join('\n');
}

/** SARIF 2.1.0, for code-scanning dashboards; rule descriptions come from the same metadata as the docs page. */
export function formatSarif(diagnostics: readonly Diagnostic[]): string {
  const descriptors = [
    ...rules.map((rule) => ({ id: rule.id, shortDescription: { text: rule.summary }, fullDescription: { text: rule.docs.why } })),
    ...fileChecks.map((check) => ({ id: check.id, shortDescription: { text: check.summary }, fullDescription: { text: check.why } })),
  ];
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'lesson-lint', informationUri: 'https://backend.themelion.com.br/autoria/regras/', rules: descriptors } },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: d.file }, region: { startLine: d.line, startColumn: d.column } } }],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

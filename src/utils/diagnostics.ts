export type Severity = 'error' | 'warning';

/** One finding about one file, positioned so editors and CI annotations can jump to it. */
export interface Diagnostic {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  message: string;
  ruleId: string;
}

const severityLabel: Record<Severity, string> = { error: 'erro', warning: 'aviso' };

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${severityLabel[d.severity]}  ${d.message}  ${d.ruleId}`;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}

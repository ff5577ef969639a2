/**
 * Every tunable number and word list of the lesson linter, in one typed place. Rules read only from
 * here, so a change of policy is one edit and the rule docs page shows the values in force.
 */
export interface LintConfig {
  /** The mandated H2s, in order and exact wording. */
  requiredSections: readonly string[];
  /** Least prose words (code excluded) a required section must hold. */
  minSectionWords: number;
  /** Least numbers-with-units a lesson must show in prose and tables. */
  minUnitNumbers: number;
  /** Units that make a number concrete; matched case-sensitively right after the number (e.g. "120 ms", "30%"). */
  units: readonly string[];
  /** Words that promise a quality without measuring it; accent- and case-insensitive. */
  vagueWords: readonly string[];
  /** Least errors `Erros comuns` must list. */
  minCommonErrors: number;
  /** Least words explaining each common error (a list item, or the prose under an H3). */
  minErrorExplanationWords: number;
  /** Least programming languages shown in `Na prática`. */
  minPracticeLanguages: number;
  /** Languages (shiki ids or aliases) that are not programming languages for `Na prática`. */
  nonProgrammingLanguages: readonly string[];
  /** Least columns and body rows of the comparison table in `Quando usar`. */
  minTableColumns: number;
  minTableRows: number;
  /** Topics every lesson must touch; each term is matched accent- and case-insensitively as whole words. */
  checklistTopics: readonly { id: string; label: string; terms: readonly string[] }[];
  /** Least words a suppression's reason must have. */
  minSuppressionReasonWords: number;
  /** Files above this size are refused before parsing: no lesson is this large, and parsing it would stall the build. */
  maxFileBytes: number;
}

export const defaultLintConfig: LintConfig = {
  requiredSections: ['O que é', 'Como funciona', 'Na prática', 'Quando usar', 'Erros comuns'],
  minSectionWords: 40,
  minUnitNumbers: 8,
  units: [
    'ns', 'µs', 'μs', 'us', 'ms', 's', 'min', 'h',
    'segundo', 'segundos', 'milissegundo', 'milissegundos', 'minuto', 'minutos', 'hora', 'horas', 'dia', 'dias',
    'B', 'bytes', 'byte', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB', 'kB', 'bits', 'bit', 'Kbps', 'Mbps', 'Gbps',
    'req/s', 'rps', 'qps', 'tps', 'msg/s', 'ops/s', 'requisições', 'requisições/s', 'conexões', 'threads', 'núcleos', 'vCPU', 'vCPUs',
    '%', 'x', 'vezes', 'tentativas', 'réplicas',
  ],
  vagueWords: [
    'rápido', 'rápida', 'rápidos', 'rápidas', 'rapidamente',
    'lento', 'lenta', 'lentos', 'lentas', 'lentamente',
    'muito', 'muita', 'muitos', 'muitas',
    'escalável', 'escaláveis',
    'eficiente', 'eficientes', 'eficiência',
    'performático', 'performática', 'performáticos', 'performáticas',
    'pesado', 'pesada', 'leve',
    'enorme', 'enormes', 'gigante',
  ],
  minCommonErrors: 4,
  minErrorExplanationWords: 8,
  minPracticeLanguages: 2,
  nonProgrammingLanguages: [
    'shellscript', 'shellsession', 'powershell', 'bat', 'text', 'plaintext', 'txt', 'plain', 'ansi', 'log',
    'json', 'jsonc', 'json5', 'jsonl', 'yaml', 'toml', 'ini', 'dotenv', 'xml', 'csv', 'http', 'sql', 'dockerfile',
    'mermaid', 'markdown', 'mdx', 'diff', 'html', 'css', 'nginx', 'proto',
  ],
  minTableColumns: 3,
  minTableRows: 2,
  checklistTopics: [
    {
      id: 'seguranca',
      label: 'segurança',
      terms: [
        'segurança', 'seguro', 'segura', 'ataque', 'ataques', 'atacante', 'vulnerabilidade', 'vulnerável', 'autenticação',
        'autorização', 'criptografia', 'TLS', 'HTTPS', 'injeção', 'XSS', 'CSRF', 'vazamento', 'segredo', 'segredos',
        'credencial', 'credenciais', 'permissão', 'permissões', 'assinatura',
      ],
    },
    {
      id: 'escala',
      label: 'escala',
      terms: [
        'escala', 'escalar', 'escalabilidade', 'throughput', 'vazão', 'carga', 'req/s', 'rps', 'réplica', 'réplicas',
        'horizontal', 'particionamento', 'sharding', 'concorrência', 'concorrentes', 'p99', 'p95', 'gargalo', 'capacidade',
      ],
    },
    {
      id: 'falhas',
      label: 'modos de falha',
      terms: [
        'falha', 'falhas', 'falhar', 'timeout', 'timeouts', 'indisponível', 'indisponibilidade', 'retry', 'retries',
        'nova tentativa', 'novas tentativas', 'queda', 'fallback', 'circuit breaker', 'degradação', 'perda', 'duplicada',
        'duplicado', 'reprocessamento', 'inconsistência',
      ],
    },
  ],
  minSuppressionReasonWords: 2,
  maxFileBytes: 1024 * 1024,
};

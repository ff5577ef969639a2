import { defaultLintConfig, type LintConfig } from '../lint/config.ts';
import { fileChecks } from '../lint/file-checks.ts';
import { rules as lintRules } from '../lint/rules/index.ts';
import type { Rule } from '../lint/types.ts';
import { lessonFieldDocs } from '../utils/lesson-fields.ts';

/**
 * One line per frontmatter field, from the same schema-derived docs as the authoring guide, so the limits the
 * agent reads are the ones the build enforces.
 */
export function frontmatterFields(): string[] {
  return lessonFieldDocs().map(
    (field) => `- \`${field.name}\` (${field.required ? 'obrigatório' : 'opcional'}; ${field.constraint}): ${field.purpose}`,
  );
}

function ruleLine(rule: Pick<Rule, 'id' | 'summary' | 'severity'> & { why: string }): string {
  const weight = rule.severity === 'error' ? 'erro, bloqueia o build' : 'aviso, vai para a revisão';
  return `- \`${rule.id}\` (${weight}): ${rule.summary} ${rule.why}`;
}

/**
 * The lesson contract in Markdown: frontmatter fields with the schema's limits, the mandated sections,
 * the values in force and every linter check with its reason. Built from the linter's rule metadata and
 * config, the same sources as the /autoria/regras/ page, so the brief cannot drift from what is enforced.
 */
export function lessonContract(config: LintConfig = defaultLintConfig, rules: readonly Rule[] = lintRules): string {
  const sections = config.requiredSections.map((title, index) => `${index + 1}. \`## ${title}\``);
  const topics = config.checklistTopics.map((topic) => `- ${topic.label}: por exemplo ${topic.terms.slice(0, 6).join(', ')}.`);
  return [
    '# Contrato da aula',
    '',
    '## Frontmatter',
    '',
    'Bloco YAML entre linhas `---` no início do arquivo, só com estes campos (nenhum outro é aceito; o módulo é a pasta da aula, não um campo):',
    '',
    ...frontmatterFields(),
    '',
    '## Seções obrigatórias',
    '',
    'Títulos H2 exatamente com este texto (mesmos acentos e maiúsculas), uma vez cada, nesta ordem. Seções extras, como `## Referências`, só depois da última. Não use H1 no corpo: o título da página vem do frontmatter.',
    '',
    ...sections,
    '',
    '## Valores em vigor',
    '',
    `- Cada seção obrigatória tem pelo menos ${config.minSectionWords} palavras de texto corrido (código não conta).`,
    `- A aula tem pelo menos ${config.minUnitNumbers} números com unidade no texto e nas tabelas (ex.: 120 ms, 5.000 req/s, 30%). Unidades aceitas: ${config.units.join(', ')}.`,
    `- Palavras vagas só com um número na mesma frase: ${config.vagueWords.join(', ')}.`,
    `- "Na prática" mostra código em pelo menos ${config.minPracticeLanguages} linguagens de programação; não contam: ${config.nonProgrammingLanguages.join(', ')}.`,
    `- "Quando usar" tem uma tabela comparativa com pelo menos ${config.minTableColumns} colunas e ${config.minTableRows} linhas de dados.`,
    `- "Erros comuns" lista pelo menos ${config.minCommonErrors} erros (itens de lista ou subtítulos H3), cada um explicado com pelo menos ${config.minErrorExplanationWords} palavras.`,
    '- "Como funciona" tem um bloco ```mermaid com `sequenceDiagram`, `accTitle:` e `accDescr:` (título e descrição acessíveis); uma legenda visível é opcional na meta da cerca: ```mermaid caption="Login com refresh token".',
    '- Blocos de código têm linguagem (```ts, ```go, ```py…) e podem ter título e linhas destacadas na meta: ```ts title="servidor.ts" {3-5}.',
    '- Links internos começam e terminam com "/": "/<modulo>/<aula>/", "/<modulo>/" ou "/<modulo>/<aula>/#na-prática" (âncora = título em minúsculas, com acentos, espaços viram hífen).',
    '',
    '## Temas que toda aula discute',
    '',
    ...topics,
    '',
    '## Checklist: o que o linter confere',
    '',
    ...rules.map((rule) => ruleLine({ ...rule, why: rule.docs.why })),
    ...fileChecks.map((check) => ruleLine({ id: check.id, summary: check.summary, severity: 'error', why: check.why })),
  ].join('\n');
}

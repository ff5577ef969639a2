import { defaultLintConfig, type LintConfig } from '../lint/config.ts';
import type { LessonLevel } from '../schemas/lesson.ts';

export interface ScaffoldInput {
  module: string;
  slug: string;
  title: string;
  level: LessonLevel;
  order: number;
  /** YYYY-MM-DD. */
  updated: string;
  tags: readonly string[];
}

/**
 * Every hint starts with "TODO:", a marker the `placeholders` lint rule reports as an error, so a scaffold
 * cannot build or pass CI until each hint is replaced by real text. The numbers come from the linter's
 * config, so the hints never promise a limit the linter does not apply.
 */
function sectionHints(config: LintConfig): Record<string, string[]> {
  return {
    'O que é': [
      `TODO: defina o conceito em poucas frases, com um exemplo concreto, e mostre o antes e o depois: o sistema sem ele e com ele. Pelo menos ${config.minSectionWords} palavras de texto corrido.`,
    ],
    'Como funciona': [
      'TODO: explique o mecanismo passo a passo: as mensagens trocadas (cabeçalhos, corpos, status), onde fica o estado e o que acontece quando algo falha no meio do caminho. Troque o esboço abaixo pelo diagrama de sequência do fluxo real.',
      [
        '```mermaid',
        'sequenceDiagram',
        '  %% TODO: desenhe o fluxo da aula; accTitle e accDescr descrevem o diagrama para quem usa leitor de tela.',
        '  accTitle: Fluxo da aula',
        '  accDescr: O cliente envia uma requisição ao servidor e recebe a resposta.',
        '  participant C as Cliente',
        '  participant S as Servidor',
        '  C->>S: requisição',
        '  S-->>C: resposta',
        '```',
      ].join('\n'),
    ],
    'Na prática': [
      `TODO: mostre código completo, que rode se copiado, em pelo menos ${config.minPracticeLanguages} linguagens de programação (por exemplo TypeScript e Go), com tratamento de erro e prazos. Dê um título a cada bloco na meta da cerca, como title="servidor.ts".`,
    ],
    'Quando usar': [
      `TODO: diga quando usar e quando não usar, com números, e compare com as alternativas numa tabela de pelo menos ${config.minTableColumns} colunas e ${config.minTableRows} linhas.`,
      [
        '| Critério | TODO: esta abordagem | TODO: alternativa |',
        '| --- | --- | --- |',
        ...Array.from({ length: config.minTableRows }, () => '| TODO: critério com unidade (ms, req/s, MB) | TODO | TODO |'),
      ].join('\n'),
    ],
    'Erros comuns': [
      `TODO: liste pelo menos ${config.minCommonErrors} erros que aparecem em produção; cada um diz o que a pessoa faz, o que quebra e como evitar.`,
      Array.from({ length: config.minCommonErrors }, (_, index) => `- TODO: erro ${index + 1} — o engano, a consequência e a correção.`).join('\n'),
    ],
  };
}

/** Title from a slug when the author gave none: "rate-limiting" → "Rate limiting". */
export function titleFromSlug(slug: string): string {
  const words = slug.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The lesson's own subject first, then its module, so the tag index groups it with its neighbours. */
export function deriveTags(module: string, slug: string): string[] {
  return [...new Set([slug, module])];
}

/** A new lesson: valid frontmatter (draft, written by a person) and the mandated sections, each holding a hint. */
export function scaffoldLesson(input: ScaffoldInput, config: LintConfig = defaultLintConfig): string {
  const hints = sectionHints(config);
  const frontmatter = [
    '---',
    `title: ${JSON.stringify(input.title)}`,
    `description: ${JSON.stringify('TODO: resuma em uma ou duas frases o problema que esta aula resolve.')}`,
    `order: ${input.order}`,
    `level: ${input.level}`,
    `tags: [${input.tags.join(', ')}]`,
    'prerequisites: []',
    'status: draft',
    'origin: human',
    `updated: ${input.updated}`,
    '---',
  ];
  const lead =
    'TODO: abra a aula com um problema real em duas ou três frases — o que quebra, para quem e quanto custa — e diga o que a aula vai mostrar. Reescreva também a description do frontmatter.';
  const body = config.requiredSections.flatMap((title) => [`## ${title}`, ...(hints[title] ?? [`TODO: escreva a seção ${title}.`])]);
  return `${[frontmatter.join('\n'), lead, ...body].join('\n\n')}\n`;
}

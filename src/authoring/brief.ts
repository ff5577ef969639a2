import { defaultLintConfig, type LintConfig } from '../lint/config.ts';
import { lessonLevels } from '../schemas/lesson.ts';
import type { LessonPath } from '../utils/lesson-path.ts';
import { forcedDraftFields } from './draft-answer.ts';
import { lessonContract } from './lesson-contract.ts';
import type { ChatMessage } from './llm-client.ts';
import { type Room, type RoomLesson, roomPaths } from './room.ts';
import { deriveTags } from './scaffold.ts';
import { writingGuide } from './writing-guide.ts';

export interface BriefInput {
  room: Room;
  target: LessonPath;
  /** Title the author asked for; without it the agent chooses. */
  title?: string | undefined;
  order: number;
  /** YYYY-MM-DD for `updated`. */
  updated: string;
}

export interface Brief {
  system: string;
  user: string;
}

const statusLabel = { draft: 'rascunho', review: 'em revisão', published: 'publicada' } as const;

function lessonLine(lesson: RoomLesson): string {
  if (!lesson.data) return `- \`${lesson.id}\` — frontmatter inválido; não crie links para ela.`;
  const { title, description, order, status } = lesson.data;
  return `- \`${lesson.id}\` — "${title}" (ordem ${order}, ${statusLabel[status]}; link: /${lesson.id}/): ${description}`;
}

/** The user message: the task, the room around the lesson, and the exact shape of the answer. */
function taskMessage({ room, target, title, order, updated }: BriefInput, config: LintConfig): string {
  const module = room.modules.find((candidate) => candidate.id === target.module);
  const siblings = room.lessons.filter((lesson) => lesson.module === target.module && lesson.id !== target.id);
  const elsewhere = room.lessons.filter((lesson) => lesson.module !== target.module && lesson.data?.status === 'published');
  const glossary = room.glossary.map(
    (entry) => `- \`${entry.id}\`: ${entry.term}${entry.aliases.length > 0 ? ` (também: ${entry.aliases.join(', ')})` : ''}`,
  );
  const frontmatter = [
    '---',
    `title: ${title ? JSON.stringify(title) : '"<título de 3 a 90 caracteres>"'}`,
    'description: "<uma ou duas frases, de 50 a 200 caracteres, sobre o problema que a aula resolve>"',
    `order: ${order}`,
    `level: <${lessonLevels.join(' | ')}>`,
    `tags: [${deriveTags(target.module, target.slug).join(', ')}]`,
    'prerequisites: [<ids "modulo/slug" de aulas publicadas, separados por vírgula; deixe [] se não houver>]',
    `status: ${forcedDraftFields.status}`,
    `origin: ${forcedDraftFields.origin}`,
    `updated: ${updated}`,
    '---',
  ];
  return [
    '# Tarefa',
    '',
    `Escreva a aula \`${target.id}\`, que será gravada em ${roomPaths.lessonsDir}/${target.id}.mdx e publicada em /${target.id}/ depois da revisão de uma pessoa.`,
    `Módulo: "${module?.title ?? target.module}" — ${module?.summary ?? ''}`.trim(),
    title ? `Título pedido: "${title}".` : `Título: escolha um título claro para o assunto "${target.slug.replaceAll('-', ' ')}".`,
    '',
    `# Aulas do módulo ${module?.title ?? target.module}`,
    '',
    'Não repita o que elas já explicam: ligue-as com links internos. Crie links e pré-requisitos só para aulas publicadas; rascunhos não existem no site publicado.',
    '',
    ...(siblings.length > 0 ? siblings.map(lessonLine) : ['- Nenhuma ainda: esta é a primeira aula do módulo.']),
    '',
    '# Aulas publicadas de outros módulos',
    '',
    ...(elsewhere.length > 0 ? elsewhere.map(lessonLine) : ['- Nenhuma.']),
    '',
    '# Termos do glossário',
    '',
    'Marque a primeira menção de cada termo que a aula usar com <Term id="id">texto</Term>; só estes ids existem.',
    '',
    ...(glossary.length > 0 ? glossary : ['- O glossário está vazio: não use <Term>.']),
    '',
    '# Formato da resposta',
    '',
    'Responda com um único documento MDX e nada mais: sem texto antes ou depois, sem cerca ``` em volta do documento. Ele começa na primeira linha com este frontmatter (troque o que está entre < >):',
    '',
    ...frontmatter,
    '',
    `Depois do frontmatter, um parágrafo de abertura com o problema real e as seções H2, nesta ordem: ${config.requiredSections.map((section) => `"## ${section}"`).join(', ')}.`,
    `Mantenha status: ${forcedDraftFields.status} e origin: ${forcedDraftFields.origin}, e não inclua o campo reviewer: só uma pessoa revisa e publica a aula.`,
    'Escreva em MDX: chaves { } e o sinal < fora de blocos de código precisam de escape (\\{, &lt;), porque o MDX os lê como JavaScript e JSX.',
  ].join('\n');
}

/** The writing agent's brief: guide and contract as the system message, the task and its context as the user message. */
export function assembleBrief(input: BriefInput, config: LintConfig = defaultLintConfig): Brief {
  return {
    system: `${writingGuide}\n${lessonContract(config)}\n`,
    user: `${taskMessage(input, config)}\n`,
  };
}

export function briefMessages(brief: Brief): ChatMessage[] {
  return [
    { role: 'system', content: brief.system },
    { role: 'user', content: brief.user },
  ];
}

/** The brief as a file people can read or paste into any chat: both messages, unchanged. */
export function briefDocument(brief: Brief, target: LessonPath): string {
  return [
    `<!-- Brief do agente de escrita para ${target.id}, gerado por npm run draft. As duas mensagens abaixo são enviadas ao modelo sem alteração. -->`,
    '',
    '<!-- ===== mensagem de sistema ===== -->',
    '',
    brief.system,
    '<!-- ===== mensagem do usuário ===== -->',
    '',
    brief.user,
  ].join('\n');
}

import { z } from 'zod';
import { describeValue, fieldMessage } from './messages.ts';
import { kebabCasePattern } from './module.ts';

export const lessonLevels = ['iniciante', 'intermediario', 'avancado'] as const;
export const lessonStatuses = ['draft', 'review', 'published'] as const;
export const lessonOrigins = ['human', 'agent'] as const;

/** A lesson id is its path under content/lessons/ without the extension: "<module>/<slug>". */
export const lessonIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

const lessonFields = {
  /** Lesson title, shown as the page H1 and in cards; 3–90 characters. */
  title: z.string({
    error: (issue) =>
      fieldMessage('título inválido', issue.input, 'um texto de 3 a 90 caracteres', 'Escreva um título curto que nomeie o assunto.'),
  }).trim().min(3).max(90),

  /** Meta description and card text; 50–200 characters. */
  description: z.string({
    error: (issue) =>
      fieldMessage(
        'descrição inválida',
        issue.input,
        'um texto de 50 a 200 caracteres',
        'Resuma em uma ou duas frases o problema que a aula resolve.',
      ),
  }).trim().min(50).max(200),

  /** Position inside the module; positive integer, unique within the module. */
  order: z.int({
    error: (issue) => fieldMessage('ordem inválida', issue.input, 'um inteiro positivo', 'Use 1, 2, 3… sem repetir dentro do módulo.'),
  }).positive(),

  /** Expected experience of the reader. */
  level: z.enum(lessonLevels, {
    error: (issue) =>
      fieldMessage('nível inválido', issue.input, `um de ${lessonLevels.join(', ')}`, 'Escreva o nível sem acentos.'),
  }),

  /** Topics, used by the tag index and search filters; 1–8 unique kebab-case strings. */
  tags: z.array(
    z.string({
      error: (issue) =>
        fieldMessage('tag inválida', issue.input, 'kebab-case sem acentos (ex.: "status-http")', 'Use letras minúsculas, dígitos e hífens.'),
    }).regex(kebabCasePattern),
    {
      error: (issue) => fieldMessage('lista de tags inválida', issue.input, 'de 1 a 8 tags', 'Ajuste a lista de tags.'),
    },
  )
    .min(1)
    .max(8)
    .refine((tags) => new Set(tags).size === tags.length, {
      error: (issue) => fieldMessage('tags repetidas', issue.input, 'tags sem repetição', 'Remova as tags duplicadas.'),
    }),

  /** Lessons to read first, as "<module>/<slug>" ids; default none. Dangling ids and cycles are checked across the collection. */
  prerequisites: z.array(
    z.string({
      error: (issue) =>
        fieldMessage(
          'pré-requisito inválido',
          issue.input,
          'o id de outra aula no formato "modulo/slug" (ex.: "protocolos/http")',
          'Use o caminho da aula dentro de content/lessons/, sem a extensão.',
        ),
    }).regex(lessonIdPattern),
    {
      error: (issue) =>
        fieldMessage('lista de pré-requisitos inválida', issue.input, 'uma lista de ids de aulas', 'Use [] quando não houver pré-requisitos.'),
    },
  ).default([]),

  /** Editorial state: only "published" lessons reach production builds. */
  status: z.enum(lessonStatuses, {
    error: (issue) =>
      fieldMessage('status inválido', issue.input, `um de ${lessonStatuses.join(', ')}`, 'Aulas novas começam em draft.'),
  }),

  /** Who wrote the text: a person ("human") or the writing agent ("agent"). */
  origin: z.enum(lessonOrigins, {
    error: (issue) =>
      fieldMessage(
        'origem inválida',
        issue.input,
        `um de ${lessonOrigins.join(', ')}`,
        'Use agent quando o rascunho veio do agente de escrita.',
      ),
  }),

  /** Person who reviewed the lesson; required to publish an agent draft; 2–80 characters. */
  reviewer: z.string({
    error: (issue) =>
      fieldMessage('revisor inválido', issue.input, 'o nome de quem revisou, de 2 a 80 caracteres', 'Escreva o nome do revisor.'),
  }).trim().min(2).max(80).optional(),

  /** Date of the last meaningful change (YYYY-MM-DD). */
  updated: z.coerce.date({
    error: (issue) =>
      fieldMessage('data de atualização inválida', issue.input, 'uma data no formato AAAA-MM-DD', 'Ex.: updated: 2026-11-23'),
  }),
};

const knownFields = Object.keys(lessonFields).join(', ');

export const lessonSchema = z
  .strictObject(lessonFields, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') {
        return `frontmatter inválido: recebido ${describeValue(issue.input)}; esperado um bloco YAML com os campos ${knownFields}.`;
      }
      if (issue.keys.includes('module')) {
        return 'campo "module" não é aceito: o módulo de uma aula é a pasta onde ela está (content/lessons/<modulo>/). Remova o campo e, se preciso, mova o arquivo.';
      }
      return `campo desconhecido: ${issue.keys.join(', ')}; esperado apenas ${knownFields}. Remova o campo ou corrija o nome.`;
    },
  })
  .refine((lesson) => !(lesson.origin === 'agent' && lesson.status === 'published' && !lesson.reviewer), {
    path: ['reviewer'],
    error: 'revisor ausente: recebido nada (campo ausente); esperado o nome de quem revisou, porque rascunhos do agente (origin: agent) só são publicados após revisão. Adicione reviewer ou volte status para review.',
  });

/** Frontmatter as written by authors. */
export type LessonInput = z.input<typeof lessonSchema>;
/** Frontmatter after validation and defaults. */
export type LessonData = z.output<typeof lessonSchema>;
export type LessonLevel = (typeof lessonLevels)[number];
export type LessonStatus = (typeof lessonStatuses)[number];

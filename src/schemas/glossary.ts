import { z } from 'zod';
import { lessonIdPattern } from './lesson.ts';
import { describeValue, fieldMessage } from './messages.ts';
import { kebabCasePattern } from './module.ts';

const glossaryFields = {
  /** Anchor on /glossario/ and the value of <Term id="...">; kebab-case ASCII, unique. */
  id: z.string({
    error: (issue) =>
      fieldMessage('id de termo inválido', issue.input, 'kebab-case sem acentos (ex.: "idempotencia")', 'Use letras minúsculas, dígitos e hífens.'),
  }).regex(kebabCasePattern),

  /** The term as readers write it, e.g. "Idempotência" or "429 Too Many Requests"; 2–60 characters. */
  term: z.string({
    error: (issue) => fieldMessage('termo inválido', issue.input, 'um texto de 2 a 60 caracteres', 'Escreva o termo como aparece nas aulas.'),
  }).trim().min(2).max(60),

  /** One or two plain pt-BR sentences; 40–320 characters so it fits a tooltip and a search excerpt. */
  definition: z.string({
    error: (issue) =>
      fieldMessage('definição inválida', issue.input, 'um texto de 40 a 320 caracteres', 'Defina o termo em uma ou duas frases curtas.'),
  }).trim().min(40).max(320),

  /** Other names and spellings (acronyms, English names); they are shown and indexed for search. */
  aliases: z.array(
    z.string({
      error: (issue) => fieldMessage('sinônimo inválido', issue.input, 'um texto de 1 a 60 caracteres', 'Escreva cada sinônimo como texto.'),
    }).trim().min(1).max(60),
    { error: (issue) => fieldMessage('lista de sinônimos inválida', issue.input, 'uma lista de textos', 'Use [] quando não houver sinônimos.') },
  ).default([]),

  /** Lessons that explain the term, as "<module>/<slug>" ids; each must exist under content/lessons/. */
  lessons: z.array(
    z.string({
      error: (issue) =>
        fieldMessage(
          'referência de aula inválida',
          issue.input,
          'o id de uma aula no formato "modulo/slug" (ex.: "protocolos/http")',
          'Use o caminho da aula dentro de content/lessons/, sem a extensão.',
        ),
    }).regex(lessonIdPattern),
    { error: (issue) => fieldMessage('lista de aulas inválida', issue.input, 'uma lista de ids de aulas', 'Use [] quando nenhuma aula tratar do termo.') },
  ).default([]),
};

const knownFields = Object.keys(glossaryFields).join(', ');

export const glossaryEntrySchema = z.strictObject(glossaryFields, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `campo desconhecido no termo: ${issue.keys.join(', ')}; esperado apenas ${knownFields}. Remova o campo ou corrija o nome.`
      : `termo inválido: recebido ${describeValue(issue.input)}; esperado um objeto com os campos ${knownFields}.`,
});

export type GlossaryEntryInput = z.input<typeof glossaryEntrySchema>;
export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;

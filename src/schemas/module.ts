import { z } from 'zod';
import { describeValue, fieldMessage } from './messages.ts';

/** Kebab-case ASCII: module ids, lesson slugs and tags all share it because they end up in URLs. */
export const kebabCasePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const moduleSchema = z.strictObject(
  {
    /** Folder name under content/lessons/ and URL segment; kebab-case ASCII. */
    id: z.string({
      error: (issue) =>
        fieldMessage('id de módulo inválido', issue.input, 'kebab-case sem acentos (ex.: "apis")', 'Renomeie o id e a pasta correspondente.'),
    }).regex(kebabCasePattern),
    /** Module name shown on the site, in pt-BR; 3–60 characters. */
    title: z.string({
      error: (issue) => fieldMessage('título de módulo fora do tamanho', issue.input, 'de 3 a 60 caracteres', 'Ajuste o título.'),
    }).min(3).max(60),
    /** One or two sentences on what the module covers; 30–240 characters. */
    summary: z.string({
      error: (issue) => fieldMessage('resumo de módulo fora do tamanho', issue.input, 'de 30 a 240 caracteres', 'Ajuste o resumo.'),
    }).min(30).max(240),
    /** Position of the module on the home page; positive integer, unique among modules. */
    order: z.int({
      error: (issue) => fieldMessage('ordem de módulo inválida', issue.input, 'um inteiro positivo', 'Use 1, 2, 3…'),
    }).positive(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `campo desconhecido no módulo: ${issue.keys.join(', ')}; esperado apenas id, title, summary e order. Remova o campo.`
        : `módulo inválido: recebido ${describeValue(issue.input)}; esperado um objeto com id, title, summary e order.`,
  },
);

export type ModuleData = z.infer<typeof moduleSchema>;

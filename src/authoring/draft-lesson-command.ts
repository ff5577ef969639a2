import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lintLessons } from '../lint/engine.ts';
import { countDiagnostics, formatPretty } from '../lint/format.ts';
import { assembleBrief, briefDocument, briefMessages } from './brief.ts';
import { type CommandIo, exitCodes } from './command-io.ts';
import { toDraftLesson } from './draft-answer.ts';
import {
  type CompletionOptions,
  defaultTimeoutMs,
  describeEndpoint,
  type Environment,
  LlmError,
  llmEnv,
  readLlmSetup,
  requestCompletion,
} from './llm-client.ts';
import { startLessonCommand } from './lesson-command.ts';
import { lessonFile, localDate, nextOrder, roomPaths } from './room.ts';

export const draftLessonUsage = `uso: npm run draft -- <modulo>/<slug> [--title "Título da aula"] [--force]

  <modulo>/<slug>  módulo de content/modules.yaml e nome da aula em kebab-case (ex.: protocolos/websockets)
  --title          título pedido ao agente (padrão: o agente escolhe)
  --force          substitui a aula se ela já existir

Monta o brief do agente de escrita em ${roomPaths.draftsDir}/<modulo>-<slug>.brief.md. Com um modelo configurado
(${llmEnv.url}, ${llmEnv.model} e, se o serviço pedir, ${llmEnv.apiKey}), envia o brief, grava a
resposta como rascunho (origin: agent, status: draft) e roda o linter nela.`;

const configureHelp = `Nenhum modelo configurado: só o brief foi gerado. Para o agente escrever o rascunho, aponte para um endpoint
de chat completions compatível com a API da OpenAI e rode o mesmo comando de novo:

  export ${llmEnv.url}=https://api.openai.com/v1     # URL base (recebe /chat/completions) ou a URL completa
  export ${llmEnv.model}=<nome do modelo>
  export ${llmEnv.apiKey}=<chave>                    # opcional para servidores locais
  export ${llmEnv.timeoutMs}=${defaultTimeoutMs}                  # opcional, prazo por tentativa em ms

Sem modelo, cole o brief em qualquer chat e salve a resposta como rascunho.`;

export interface DraftIo extends CommandIo {
  env: Environment;
  /** Transport and retry settings for the endpoint; tests shorten the waits. */
  completion?: CompletionOptions;
}

const spec = {
  name: 'draft',
  usage: draftLessonUsage,
  options: { title: { type: 'string' }, force: { type: 'boolean' } },
} as const;

/**
 * npm run draft: writes the writing agent's brief and, with an endpoint configured, asks the model for
 * the lesson. Returns the exit code: 0 brief written (and draft written with no lint errors), 1 refused
 * or failed (nothing written) or draft written with lint errors, 2 misused command or configuration.
 */
export async function runDraftLesson(argv: readonly string[], io: DraftIo): Promise<number> {
  const command = await startLessonCommand(spec, argv, io);
  if (typeof command === 'number') return command;
  const { values, target, room, usage, refuse } = command;
  const title = values.title?.trim();
  if (values.title !== undefined && !title) return usage('--title vazio; esperado o título da aula entre aspas.');

  const existing = room.lessons.find((lesson) => lesson.id === target.id);
  const brief = assembleBrief({
    room,
    target,
    title,
    // A replaced lesson keeps its place in the module.
    order: existing?.data?.order ?? nextOrder(room, target.module),
    updated: localDate(io.now?.() ?? new Date()),
  });
  const briefFile = path.join(io.root, roomPaths.draftsDir, `${target.module}-${target.slug}.brief.md`);
  await mkdir(path.dirname(briefFile), { recursive: true });
  await writeFile(briefFile, briefDocument(brief, target));
  const shownBrief = path.relative(io.root, briefFile).replaceAll('\\', '/');
  io.stdout(`Brief gravado em ${shownBrief}\n`);

  const setup = readLlmSetup(io.env);
  if (setup.state === 'off') {
    io.stdout(`\n${configureHelp}\n`);
    return exitCodes.ok;
  }
  if (setup.state === 'invalid') return usage(setup.problem);

  const file = lessonFile(io.root, target.id);
  const shown = path.relative(io.root, file).replaceAll('\\', '/');
  if (existing && !values.force) {
    return refuse(`a aula já existe: ${shown}; esperado um caminho novo. Nada foi enviado ao modelo. Use --force para substituí-la pelo rascunho do agente.`);
  }

  const { config } = setup;
  io.stdout(`Pedindo o rascunho a ${config.model} em ${describeEndpoint(config.endpoint)} (prazo de ${Math.round(config.timeoutMs / 1000)} s por tentativa)…\n`);
  let answer: string;
  try {
    answer = await requestCompletion(config, briefMessages(brief), {
      ...io.completion,
      onRetry: (retry, waitMs) =>
        io.stdout(`O endpoint pediu para esperar (HTTP 429): nova tentativa ${retry} em ${Math.ceil(waitMs / 1000)} s…\n`),
    });
  } catch (caught) {
    if (!(caught instanceof LlmError)) throw caught;
    return refuse(`${caught.message}\nNada foi gravado em ${shown}.`);
  }

  const draft = toDraftLesson(answer);
  if ('problem' in draft) return refuse(`${draft.problem}\nNada foi gravado em ${shown}.`);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // Without --force, "wx" also refuses a lesson created while the model was writing.
    await writeFile(file, draft.source, { flag: values.force ? 'w' : 'wx' });
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    return refuse(code === 'EEXIST' ? `a aula ${shown} foi criada enquanto o modelo escrevia; nada foi gravado. Use --force para substituí-la.` : `não foi possível gravar ${shown}: ${(caught as Error).message}.`);
  }
  io.stdout(`Rascunho gravado em ${shown} (origin: agent, status: draft).\n`);
  if (draft.changes.length > 0) io.stdout(`Campos corrigidos no frontmatter do modelo: ${draft.changes.join('; ')}.\n`);

  const { diagnostics, files } = await lintLessons({ root: io.root, paths: [file] });
  const counts = countDiagnostics(diagnostics, files.length);
  io.stdout(`\nLinter:\n${formatPretty(diagnostics, counts, false)}\n`);
  io.stdout(
    counts.errors > 0
      ? `\nO rascunho tem erros: corrija-os (o build para enquanto houver erros em qualquer aula), revise o texto e só então mude status para review.\n`
      : `\nRevise o texto com cuidado: confira fatos, números e código. Para publicar, uma pessoa preenche reviewer e muda status.\n`,
  );
  return counts.errors > 0 ? exitCodes.failed : exitCodes.ok;
}

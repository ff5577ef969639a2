import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type LessonLevel, lessonLevels } from '../schemas/lesson.ts';
import { formatDiagnostic } from '../utils/diagnostics.ts';
import { checkFrontmatter } from '../utils/frontmatter.ts';
import { type CommandIo, exitCodes } from './command-io.ts';
import { startLessonCommand } from './lesson-command.ts';
import { lessonFile, localDate, nextOrder } from './room.ts';
import { deriveTags, scaffoldLesson, titleFromSlug } from './scaffold.ts';

export const newLessonUsage = `uso: npm run new -- <modulo>/<slug> [--title "Título da aula"] [--level ${lessonLevels.join('|')}]

  <modulo>/<slug>  módulo de content/modules.yaml e nome da aula em kebab-case (ex.: protocolos/websockets)
  --title          título da aula (padrão: o slug com espaços, ex.: "Websockets")
  --level          nível de quem lê (padrão: intermediario)

Cria content/lessons/<modulo>/<slug>.mdx com o frontmatter preenchido (status: draft, origin: human) e as
cinco seções, cada uma com uma dica marcada com TODO: — o linter recusa a aula até todas virarem texto.`;

const spec = {
  name: 'new',
  usage: newLessonUsage,
  options: { title: { type: 'string' }, level: { type: 'string' } },
} as const;

/** npm run new: creates a lesson scaffold. Returns the exit code; never throws for bad input. */
export async function runNewLesson(argv: readonly string[], io: CommandIo): Promise<number> {
  const command = await startLessonCommand(spec, argv, io);
  if (typeof command === 'number') return command;
  const { values, target, room, usage, refuse } = command;
  const level = values.level ?? 'intermediario';
  if (!(lessonLevels as readonly string[]).includes(level)) {
    return usage(`--level inválido: "${level}"; esperado um de ${lessonLevels.join(', ')} (sem acentos).`);
  }

  const file = lessonFile(io.root, target.id);
  const shown = path.relative(io.root, file).replaceAll('\\', '/');
  if (room.lessons.some((lesson) => lesson.id === target.id)) {
    return refuse(`a aula já existe: ${shown}; esperado um caminho novo. Edite o arquivo existente ou escolha outro slug.`);
  }

  const source = scaffoldLesson({
    module: target.module,
    slug: target.slug,
    title: values.title ?? titleFromSlug(target.slug),
    level: level as LessonLevel,
    order: nextOrder(room, target.module),
    updated: localDate(io.now?.() ?? new Date()),
    tags: deriveTags(target.module, target.slug),
  });
  const { diagnostics } = checkFrontmatter(shown, source);
  if (diagnostics.length > 0) {
    const fix = values.title === undefined ? 'Passe um título com --title "…".' : 'Ajuste o valor de --title.';
    return refuse(`o frontmatter gerado não é válido:\n${diagnostics.map(formatDiagnostic).join('\n')}\n${fix}`);
  }

  await mkdir(path.dirname(file), { recursive: true });
  try {
    // "wx": a file created meanwhile (by another author or an editor) is never overwritten.
    await writeFile(file, source, { flag: 'wx' });
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    return refuse(code === 'EEXIST' ? `a aula já existe: ${shown}. Edite o arquivo existente ou escolha outro slug.` : `não foi possível criar ${shown}: ${(caught as Error).message}.`);
  }
  io.stdout(
    [
      `Aula criada: ${shown}`,
      '',
      'Próximos passos:',
      '  1. Troque cada dica marcada com TODO: pelo texto da aula (o linter recusa a aula enquanto sobrar alguma).',
      `  2. npm run lint:lessons -- ${shown}`,
      `  3. npm run dev   (a aula aparece com a faixa de rascunho em http://localhost:4321/${target.id}/)`,
      '',
    ].join('\n'),
  );
  return exitCodes.ok;
}

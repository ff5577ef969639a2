import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import type { LessonPath } from '../utils/lesson-path.ts';
import { argumentProblem, type CommandIo, exitCodes } from './command-io.ts';
import { parseLessonTarget, readRoom, type Room, unknownModuleProblem } from './room.ts';

export interface LessonCommandSpec<O extends ParseArgsOptionsConfig> {
  /** Command name as authors type it after `npm run`, prefixed to every message. */
  name: string;
  usage: string;
  options: O;
}

/** The parsed command, ready for its own checks. */
export interface LessonCommand<O extends ParseArgsOptionsConfig> {
  values: ReturnType<typeof parseOptions<O>>['values'];
  target: LessonPath;
  room: Room;
  /** Prints the problem with the usage text; returns the misuse exit code. */
  usage(problem: string): number;
  /** Prints the problem alone; returns the refusal exit code. */
  refuse(problem: string): number;
}

function parseOptions<O extends ParseArgsOptionsConfig>(argv: readonly string[], options: O) {
  return parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
}

/**
 * What `npm run new` and `npm run draft` share: options, --help, exactly one `<module>/<slug>`, a module the room
 * has. Returns an exit code when the command ends here, or the parsed command.
 */
export async function startLessonCommand<O extends ParseArgsOptionsConfig>(
  spec: LessonCommandSpec<O>,
  argv: readonly string[],
  io: CommandIo,
): Promise<number | LessonCommand<O>> {
  const usage = (problem: string) => {
    io.stderr(`${spec.name}: ${problem}\n\n${spec.usage}\n`);
    return exitCodes.usage;
  };
  const refuse = (problem: string) => {
    io.stderr(`${spec.name}: ${problem}\n`);
    return exitCodes.failed;
  };

  let parsed: ReturnType<typeof parseOptions<O>>;
  try {
    parsed = parseOptions(argv, spec.options);
  } catch (caught) {
    return usage(argumentProblem(caught));
  }
  // Added to every command's options above; the generic result type cannot see it.
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(`${spec.usage}\n`);
    return exitCodes.ok;
  }
  const { positionals } = parsed;
  if (positionals.length !== 1) {
    const received = positionals.length === 0 ? 'nenhuma' : positionals.map((value) => `"${value}"`).join(', ');
    return usage(`esperado exatamente uma aula (<modulo>/<slug>); recebido ${received}.`);
  }
  const target = parseLessonTarget(positionals[0]!);
  if ('problem' in target) return refuse(target.problem);
  const room = await readRoom(io.root);
  const moduleProblem = unknownModuleProblem(room, target.module);
  if (moduleProblem) return refuse(moduleProblem);
  return { values: parsed.values, target, room, usage, refuse };
}

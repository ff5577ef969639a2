/** What a command needs from its process, injected so tests run it against a temporary project. */
export interface CommandIo {
  /** Project root: lessons, modules and drafts are read and written under it. */
  root: string;
  stdout(text: string): void;
  stderr(text: string): void;
  now?: () => Date;
}

/** Exit codes shared with npm run lint:lessons: 1 for a refused request or problems found, 2 for a misused command. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** pt-BR text of a node:util parseArgs failure ("Unknown option '--x'"), for a usage error. */
export function argumentProblem(caught: unknown): string {
  return `argumento inválido: ${caught instanceof Error ? caught.message : String(caught)}`;
}

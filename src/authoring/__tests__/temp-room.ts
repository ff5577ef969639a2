import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandIo } from '../command-io.ts';

const fixtureRoom = fileURLToPath(new URL('./fixtures/room/', import.meta.url));

/** The model's answer used across tests: a lint-clean lesson whose frontmatter claims a human wrote and published it. */
export const modelAnswerFile = fileURLToPath(new URL('./fixtures/resposta-do-modelo.mdx', import.meta.url));

export interface TempRoom {
  root: string;
  /** Everything the command printed, by stream. */
  out: { stdout: string; stderr: string };
  io: CommandIo;
  remove(): Promise<void>;
}

/** A throwaway copy of the fixture room (two modules, one published lesson, a glossary), so commands can write freely. */
export async function tempRoom(): Promise<TempRoom> {
  const root = await mkdtemp(path.join(tmpdir(), 'authoring-'));
  await cp(fixtureRoom, root, { recursive: true });
  const out = { stdout: '', stderr: '' };
  return {
    root,
    out,
    io: {
      root,
      stdout: (text) => {
        out.stdout += text;
      },
      stderr: (text) => {
        out.stderr += text;
      },
      now: () => new Date(2026, 10, 23, 21, 30),
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GlossaryEntry } from '../schemas/glossary.ts';
import type { LessonData } from '../schemas/lesson.ts';
import { type ModuleData, kebabCasePattern } from '../schemas/module.ts';
import { checkFrontmatter } from '../utils/frontmatter.ts';
import { checkGlossary } from '../utils/glossary.ts';
import { type LessonPath, parseLessonPath } from '../utils/lesson-path.ts';
import { readModules } from '../utils/modules.ts';

/** Where the authoring commands find the room's content, relative to the project root. */
export const roomPaths = {
  lessonsDir: 'content/lessons',
  modulesFile: 'content/modules.yaml',
  glossaryFile: 'content/glossary.yaml',
  draftsDir: '.drafts',
} as const;

export interface RoomLesson extends LessonPath {
  /** Path relative to the project root, as diagnostics show it. */
  file: string;
  /** Undefined when the frontmatter is invalid: the lesson exists but cannot be described. */
  data?: LessonData;
}

export interface Room {
  modules: ModuleData[];
  lessons: RoomLesson[];
  glossary: GlossaryEntry[];
}

/**
 * Reads a lesson given on the command line as "<module>/<slug>"; the file path
 * ("content/lessons/<module>/<slug>.mdx") is accepted too, since that is what authors copy from the editor.
 */
export function parseLessonTarget(argument: string): LessonPath | { problem: string } {
  const relative = argument.trim().replaceAll('\\', '/').replace(/^(?:\.\/)?content\/lessons\//, '').replace(/\.mdx$/, '');
  const parts = relative.split('/');
  if (parts.length !== 2) {
    return {
      problem: `aula inválida: recebido "${argument}"; esperado <modulo>/<slug>, com uma barra só (ex.: protocolos/websockets). Escreva o módulo e o nome da aula separados por "/".`,
    };
  }
  const [module, slug] = parts as [string, string];
  for (const [what, value] of [['módulo', module], ['slug', slug]] as const) {
    if (!kebabCasePattern.test(value)) {
      return {
        problem: `${what} inválido: recebido "${value}" em "${argument}"; esperado kebab-case sem acentos — letras minúsculas, dígitos e hífens (ex.: rate-limiting). Renomeie.`,
      };
    }
  }
  return { id: `${module}/${slug}`, module, slug };
}

export function lessonFile(root: string, id: string): string {
  return path.join(root, roomPaths.lessonsDir, `${id}.mdx`);
}

/** Every lesson file with its frontmatter, the module list and the glossary; problems in them are the linter's job. */
export async function readRoom(root: string): Promise<Room> {
  const lessonsDir = path.join(root, roomPaths.lessonsDir);
  const { modules } = await readModules(path.join(root, roomPaths.modulesFile));
  const entries = await readdir(lessonsDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const lessons: RoomLesson[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const where = parseLessonPath(path.relative(lessonsDir, absolute));
    if ('problem' in where) continue;
    const file = path.relative(root, absolute).replaceAll('\\', '/');
    const { data } = checkFrontmatter(file, await readFile(absolute, 'utf8'));
    lessons.push({ ...where, file, ...(data ? { data } : {}) });
  }
  lessons.sort((a, b) => a.module.localeCompare(b.module) || (a.data?.order ?? 0) - (b.data?.order ?? 0) || a.slug.localeCompare(b.slug));
  const { entries: glossary } = await checkGlossary(path.join(root, roomPaths.glossaryFile), new Set(lessons.map((lesson) => lesson.id)));
  return { modules, lessons, glossary };
}

/** The order a new lesson takes: after the last one of its module, so it never collides with an existing order. */
export function nextOrder(room: Room, moduleId: string): number {
  const orders = room.lessons.filter((lesson) => lesson.module === moduleId).map((lesson) => lesson.data?.order ?? 0);
  return Math.max(0, ...orders) + 1;
}

/** A pt-BR problem when the module is not in content/modules.yaml, naming the ones that are. */
export function unknownModuleProblem(room: Room, moduleId: string): string | undefined {
  if (room.modules.some((module) => module.id === moduleId)) return undefined;
  const known = room.modules.map((module) => module.id).join(', ') || 'nenhum';
  return `módulo desconhecido: "${moduleId}" não está em ${roomPaths.modulesFile}; esperado um de ${known}. Use um módulo existente ou acrescente o módulo a ${roomPaths.modulesFile}.`;
}

/** Today's date as authors write `updated`, in the author's local calendar rather than UTC. */
export function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

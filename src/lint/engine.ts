import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../utils/diagnostics.ts';
import { sortDiagnostics } from '../utils/diagnostics.ts';
import { checkLessonCollection } from '../utils/lesson-collection.ts';
import { parseLessonPath } from '../utils/lesson-path.ts';
import { readModules } from '../utils/modules.ts';
import { defaultLintConfig, type LintConfig } from './config.ts';
import type { FileTask } from './file-task.ts';
import { lessonFileCheckId } from './file-checks.ts';
import { runFileTasks } from './pool.ts';
import type { Rule } from './types.ts';

export { type LessonSourceInput, lintLessonSource } from './lint-source.ts';

export interface LintOptions {
  /** Project root; diagnostics name files relative to it. */
  root: string;
  /** Lessons folder; default <root>/content/lessons. */
  lessonsDir?: string;
  /** Module list; default <root>/content/modules.yaml. */
  modulesFile?: string;
  /** Files or folders to lint (absolute or relative to root); default: every file in the lessons folder. */
  paths?: readonly string[];
  config?: LintConfig;
  /** Rules to run; custom rules run in the calling thread only (functions do not cross to workers). */
  rules?: readonly Rule[];
  /**
   * Worker threads besides the calling one. Default: none for up to `parallelAbove` lessons (starting a
   * worker costs more than linting a few files), otherwise one per available core beyond the first.
   */
  workers?: number;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Files looked at, as shown in diagnostics. */
  files: string[];
}

/**
 * Lessons to lint above which the work is spread over worker threads. A worker spends about 1.5 s
 * loading the parsers (mermaid, TypeScript, micromark) before its first file; at ~10 ms a lesson the
 * calling thread lints some 150 lessons in that time, so below this a worker only adds work.
 */
export const parallelAbove = 150;

async function listFiles(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info?.isDirectory()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Lints lessons: collection checks (paths, frontmatter with the site's schema, prerequisites) for the
 * whole collection, then every rule on each requested file. Each file is read and parsed once, for
 * both. Never throws for bad input: each problem becomes a diagnostic, and one bad file never stops the others.
 */
export async function lintLessons(options: LintOptions): Promise<LintResult> {
  const config = options.config ?? defaultLintConfig;
  const root = path.resolve(options.root);
  const lessonsDir = path.resolve(root, options.lessonsDir ?? 'content/lessons');
  const modulesFile = path.resolve(root, options.modulesFile ?? 'content/modules.yaml');
  const display = (file: string) => path.relative(root, file).replaceAll('\\', '/');

  const [{ modules }, lessonFiles] = await Promise.all([readModules(modulesFile, display(modulesFile)), listFiles(lessonsDir)]);
  const idToFile = new Map<string, string>();
  for (const file of lessonFiles) {
    const where = parseLessonPath(path.relative(lessonsDir, file));
    if (!('problem' in where)) idToFile.set(where.id, file);
  }

  const targets = options.paths
    ? [...new Set((await Promise.all(options.paths.map((target) => listFiles(path.resolve(root, target))))).flat())]
    : lessonFiles;
  const shown = new Set(targets.map(display));

  const isOutside = (file: string) => {
    const relative = path.relative(lessonsDir, file);
    return relative.startsWith('..') || path.isAbsolute(relative);
  };
  // A bad path is reported by the collection check; the content of a non-lesson file is not linted.
  const linted = new Map<string, string>();
  for (const file of targets) {
    if (isOutside(file)) continue;
    const where = parseLessonPath(path.relative(lessonsDir, file));
    if (!('problem' in where)) linted.set(file, where.id);
  }

  // Every lesson file is read for the collection checks, and the requested ones are linted in the same pass.
  const tasks: FileTask[] = [...idToFile].map(([lessonId, file]) => ({ file, shown: display(file), lessonId, lint: linted.has(file) }));
  for (const [file, lessonId] of linted) {
    if (idToFile.get(lessonId) !== file) tasks.push({ file, shown: display(file), lessonId, lint: true });
  }
  const workers = options.rules ? 0 : (options.workers ?? (linted.size > parallelAbove ? availableParallelism() - 1 : 0));
  const setup = { lessons: [...idToFile], moduleIds: modules.map((module) => module.id), config };
  const outcomes = await runFileTasks(tasks, setup, workers, options.rules);
  const byFile = new Map(tasks.map((task, index) => [task.file, outcomes[index]!]));

  const collection = await checkLessonCollection({ root, lessonsDir, modulesFile }, async (file) => byFile.get(file)?.frontmatter);
  const diagnostics: Diagnostic[] = collection.diagnostics.filter(
    (diagnostic) => shown.has(diagnostic.file) || diagnostic.file === display(modulesFile),
  );
  for (const file of targets) {
    if (isOutside(file)) {
      diagnostics.push({
        file: display(file),
        line: 1,
        column: 1,
        severity: 'error',
        message: `arquivo fora das aulas: ${display(file)} não está em ${display(lessonsDir)}/; esperado content/lessons/<modulo>/<slug>.mdx. Passe o caminho de uma aula (ou de uma pasta de aulas) ao linter.`,
        ruleId: lessonFileCheckId,
      });
    } else if (linted.has(file)) {
      diagnostics.push(...byFile.get(file)!.diagnostics);
    }
  }
  return { diagnostics: sortDiagnostics(diagnostics), files: [...shown].sort() };
}

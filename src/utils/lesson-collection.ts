import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { checkFrontmatter, type FrontmatterResult } from './frontmatter.ts';
import { checkLessonGraph, type GraphLesson } from './lesson-graph.ts';
import { parseLessonPath } from './lesson-path.ts';
import { readModules } from './modules.ts';

export interface CollectionPaths {
  /** Project root; diagnostics name files relative to it. */
  root: string;
  /** Folder holding <module>/<slug>.mdx files. */
  lessonsDir: string;
  /** YAML list of modules. */
  modulesFile: string;
}

/**
 * The frontmatter check of one lesson file (absolute path; `shown` is the path diagnostics name).
 * Undefined when the caller refused the file before reading it (too large, unreadable) and reports
 * why itself: the lesson then counts as invalid, so links and prerequisites to it are not flagged twice.
 */
export type FrontmatterOf = (file: string, shown: string) => Promise<FrontmatterResult | undefined>;

/** Reads the file and checks its frontmatter: what the site's loader needs when nothing was read yet. */
const readFrontmatter: FrontmatterOf = async (file, shown) => checkFrontmatter(shown, await readFile(file, 'utf8'));

/**
 * Validates every lesson file's path and frontmatter and the cross-file graph, collecting all problems
 * rather than stopping at the first, so one bad lesson never hides the others. A caller that already
 * read and parsed the files (the linter) passes their frontmatter results, so no file is read twice.
 */
export async function checkLessonCollection(
  paths: CollectionPaths,
  frontmatterOf: FrontmatterOf = readFrontmatter,
): Promise<{ lessons: GraphLesson[]; diagnostics: Diagnostic[] }> {
  const display = (file: string) => path.relative(paths.root, file).replaceAll('\\', '/');
  const { modules, diagnostics } = await readModules(paths.modulesFile, display(paths.modulesFile));

  const entries = await readdir(paths.lessonsDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();

  const lessons: GraphLesson[] = [];
  const invalidIds: string[] = [];
  for (const file of files) {
    const shown = display(file);
    const where = parseLessonPath(path.relative(paths.lessonsDir, file));
    if ('problem' in where) {
      diagnostics.push({ file: shown, line: 1, column: 1, severity: 'error', message: where.problem, ruleId: 'lesson-path' });
      continue;
    }
    const result = await frontmatterOf(file, shown);
    if (result) diagnostics.push(...result.diagnostics);
    if (result?.data) {
      lessons.push({
        file: shown,
        id: where.id,
        module: where.module,
        order: result.data.order,
        prerequisites: result.data.prerequisites,
        fieldLines: result.fieldLines,
      });
    } else {
      invalidIds.push(where.id);
    }
  }
  diagnostics.push(...checkLessonGraph(
      lessons,
      modules.map((module) => module.id),
      invalidIds,
    ));
  return { lessons, diagnostics };
}

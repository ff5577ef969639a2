import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { checkFrontmatter } from './frontmatter.ts';
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

export interface CheckedLesson extends GraphLesson {
  source: string;
}

/**
 * Validates every lesson file's path and frontmatter and the cross-file graph, collecting all problems
 * rather than stopping at the first, so one bad lesson never hides the others.
 */
export async function checkLessonCollection(paths: CollectionPaths): Promise<{ lessons: CheckedLesson[]; diagnostics: Diagnostic[] }> {
  const display = (file: string) => path.relative(paths.root, file).replaceAll('\\', '/');
  const { modules, diagnostics } = await readModules(paths.modulesFile, display(paths.modulesFile));

  const entries = await readdir(paths.lessonsDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();

  const lessons: CheckedLesson[] = [];
  const invalidIds: string[] = [];
  for (const file of files) {
    const shown = display(file);
    const where = parseLessonPath(path.relative(paths.lessonsDir, file));
    if ('problem' in where) {
      diagnostics.push({ file: shown, line: 1, column: 1, severity: 'error', message: where.problem, ruleId: 'lesson-path' });
      continue;
    }
    const source = await readFile(file, 'utf8');
    const result = checkFrontmatter(shown, source);
    diagnostics.push(...result.diagnostics);
    if (result.data) {
      lessons.push({
        file: shown,
        id: where.id,
        module: where.module,
        order: result.data.order,
        prerequisites: result.data.prerequisites,
        fieldLines: result.fieldLines,
        source,
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

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LessonData } from '../src/schemas/lesson.ts';
import { checkFrontmatter } from '../src/utils/frontmatter.ts';
import { readModules } from '../src/utils/modules.ts';

export interface SourceLesson {
  id: string;
  module: string;
  data: LessonData;
}

/**
 * The lessons a production build must publish, read from the sources the build used, in catalog order
 * (module order, then lesson order). Index pages are checked against this, so new lessons need no test edits.
 */
export async function publishedLessons(root = process.cwd()): Promise<SourceLesson[]> {
  const lessonsDir = path.join(root, 'content/lessons');
  const { modules } = await readModules(path.join(root, 'content/modules.yaml'));
  const moduleOrder = new Map(modules.map((module) => [module.id, module.order]));
  const files = (await readdir(lessonsDir, { recursive: true })).filter((file) => file.endsWith('.mdx'));
  const lessons: SourceLesson[] = [];
  for (const file of files) {
    const { data } = checkFrontmatter(file, await readFile(path.join(lessonsDir, file), 'utf8'));
    const id = file.replaceAll('\\', '/').replace(/\.mdx$/, '');
    if (data?.status === 'published') lessons.push({ id, module: id.split('/')[0]!, data });
  }
  return lessons.sort(
    (a, b) => (moduleOrder.get(a.module) ?? 0) - (moduleOrder.get(b.module) ?? 0) || a.data.order - b.data.order,
  );
}

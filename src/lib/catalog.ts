import { type CollectionEntry, getCollection, render } from 'astro:content';

export type Lesson = CollectionEntry<'lessons'>;
export type Module = CollectionEntry<'modules'>;

/** Lessons learners may see: production builds publish only reviewed, published lessons; dev shows every state. */
export function isVisible(lesson: Lesson): boolean {
  return import.meta.env.SHOW_DRAFTS || lesson.data.status === 'published';
}

export function moduleOf(lesson: Lesson): string {
  return lesson.id.split('/')[0]!;
}

export function lessonPath(lesson: Lesson): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${lesson.id}/`;
}

export function modulePath(module: Module): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${module.id}/`;
}

export interface ModuleWithLessons {
  module: Module;
  lessons: Lesson[];
}

/** Modules in order, each with its visible lessons in order; modules with nothing to show are left out. */
export async function getCatalog(): Promise<ModuleWithLessons[]> {
  const [modules, lessons] = await Promise.all([getCollection('modules'), getCollection('lessons', isVisible)]);
  return modules
    .sort((a, b) => a.data.order - b.data.order)
    .map((module) => ({
      module,
      lessons: lessons.filter((lesson) => moduleOf(lesson) === module.id).sort((a, b) => a.data.order - b.data.order),
    }))
    .filter((entry) => entry.lessons.length > 0);
}

/** Reading time from the remark plugin; rendering is cached by Astro, so listing pages can call it freely. */
export async function readingMinutes(lesson: Lesson): Promise<number> {
  const { remarkPluginFrontmatter } = await render(lesson);
  return Number(remarkPluginFrontmatter.readingMinutes ?? 1);
}

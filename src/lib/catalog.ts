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

async function loadCatalog(): Promise<ModuleWithLessons[]> {
  const [modules, lessons] = await Promise.all([getCollection('modules'), getCollection('lessons', isVisible)]);
  const byModule = Map.groupBy(lessons, moduleOf);
  return modules
    .sort((a, b) => a.data.order - b.data.order)
    .map((module) => ({ module, lessons: (byModule.get(module.id) ?? []).sort((a, b) => a.data.order - b.data.order) }))
    .filter((entry) => entry.lessons.length > 0);
}

let builtCatalog: Promise<ModuleWithLessons[]> | undefined;
const builtMinutes = new Map<string, Promise<number>>();

/**
 * Modules in order, each with its visible lessons in order; modules with nothing to show are left out.
 * Every page asks for it (the search panel's filters are in the header), so a build, whose content cannot
 * change, computes it once: per page it would cost time proportional to the catalog, quadratic over a build.
 * The dev server computes it on each call, so edits to lessons show up. Callers must not mutate it.
 */
export function getCatalog(): Promise<ModuleWithLessons[]> {
  if (import.meta.env.DEV) return loadCatalog();
  builtCatalog ??= loadCatalog();
  return builtCatalog;
}

async function loadReadingMinutes(lesson: Lesson): Promise<number> {
  const { remarkPluginFrontmatter } = await render(lesson);
  return Number(remarkPluginFrontmatter.readingMinutes ?? 1);
}

/**
 * Reading time from the remark plugin. Listing pages show it for every lesson they list, so a build keeps
 * each lesson's figure instead of rendering the lesson again for each of the dozens of lists it appears in.
 */
export function readingMinutes(lesson: Lesson): Promise<number> {
  if (import.meta.env.DEV) return loadReadingMinutes(lesson);
  let minutes = builtMinutes.get(lesson.id);
  if (!minutes) {
    minutes = loadReadingMinutes(lesson);
    builtMinutes.set(lesson.id, minutes);
  }
  return minutes;
}

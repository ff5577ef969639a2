import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { LessonLevel } from '../schemas/lesson.ts';
import { syntheticLesson } from './synthetic-lessons.ts';

const levels: LessonLevel[] = ['iniciante', 'intermediario', 'avancado'];
const topicTags = [
  'latencia', 'cache', 'filas', 'timeouts', 'retries', 'observabilidade', 'seguranca', 'http', 'json', 'consistencia',
  'idempotencia', 'pool-de-conexoes', 'tracing', 'metricas', 'logs', 'backpressure', 'particionamento', 'replicacao',
  'contratos', 'testes', 'banco-de-dados', 'escala', 'criptografia', 'deploy',
];

/** What the build reads from the project, besides the lessons and the glossary that are generated. */
const projectEntries = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'content/modules.yaml'];
/** Caches the build fills under node_modules; the copy starts with none of them. */
const buildCaches = ['.cache', '.astro', '.vite'];

interface GlossaryEntry {
  id: string;
  term: string;
}

export interface SyntheticSite {
  dir: string;
  /** Ids ("<module>/<slug>") of the generated lessons, in index order. */
  lessonIds: string[];
}

/**
 * A copy of the site in a new temporary folder whose content is `lessons` synthetic published lessons, spread
 * over the project's modules with 2–3 tags each, every other one with a prerequisite, each linking a glossary
 * term. node_modules is made of links to the project's packages: the build runs the same code, while the caches
 * it fills (diagrams, Vite, Astro's data store) start empty in the copy and never mix with the project's own.
 */
export async function createSyntheticSite(projectRoot: string, lessons: number): Promise<SyntheticSite> {
  const dir = await mkdtemp(path.join(tmpdir(), `themelion-site-${lessons}-`));
  for (const entry of projectEntries) {
    await cp(path.join(projectRoot, entry), path.join(dir, entry), { recursive: true });
  }
  await mkdir(path.join(dir, 'node_modules'));
  for (const entry of await readdir(path.join(projectRoot, 'node_modules'))) {
    if (buildCaches.includes(entry)) continue;
    await symlink(path.join(projectRoot, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }

  const modules = (parse(await readFile(path.join(projectRoot, 'content/modules.yaml'), 'utf8')) as { id: string }[]).map(({ id }) => id);
  const lessonIds = Array.from({ length: lessons }, (_, index) => `${modules[index % modules.length]}/aula-${index}`);
  // The real glossary with its lesson links pointed at synthetic lessons: the glossary page and <Term> do the same work.
  const glossary = (parse(await readFile(path.join(projectRoot, 'content/glossary.yaml'), 'utf8')) as GlossaryEntry[]).map(
    (entry, position) => ({ ...entry, lessons: [lessonIds[position % lessons]] }),
  );
  await writeFile(path.join(dir, 'content/glossary.yaml'), stringify(glossary));
  // Terms written as plain words, so they can sit in MDX text as they are.
  const linkable = glossary.filter(({ term }) => /^[\p{L}\p{N} .\-/]+$/u.test(term));

  await Promise.all(modules.map((id) => mkdir(path.join(dir, 'content/lessons', id), { recursive: true })));
  for (const [index, id] of lessonIds.entries()) {
    const moduleId = modules[index % modules.length]!;
    const tags = [moduleId, topicTags[index % topicTags.length]!, topicTags[(index * 7 + 3) % topicTags.length]!];
    const term = linkable[index % linkable.length]!;
    const lesson = syntheticLesson({
      index,
      order: Math.floor(index / modules.length) + 1,
      status: 'published',
      origin: 'human',
      level: levels[index % levels.length]!,
      tags: [...new Set(tags)],
      ...(index >= modules.length && index % 2 === 1 ? { prerequisites: [lessonIds[index - modules.length]!] } : {}),
      term: { id: term.id, text: term.term },
    });
    await writeFile(path.join(dir, 'content/lessons', `${id}.mdx`), lesson);
  }
  return { dir, lessonIds };
}

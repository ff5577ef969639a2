import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../utils/diagnostics.ts';
import { sortDiagnostics } from '../utils/diagnostics.ts';
import { checkLessonCollection } from '../utils/lesson-collection.ts';
import { readGlossaryIds } from '../utils/glossary.ts';
import { parseLessonPath } from '../utils/lesson-path.ts';
import { readModules } from '../utils/modules.ts';
import { anchorsKey, type CachedFile, type CachedLint, cacheFileName, compileCacheFolder, defaultLintCacheDir, digest, lintVersion, readLintCache, writeLintCache } from './cache.ts';
import { defaultLintConfig, type LintConfig } from './config.ts';
import { anchorsFromRead, type FileOutcome, type FileTask, type LintSetup, readLessonBytes } from './file-task.ts';
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
  /** Glossary, for the ids <Term> may use; default <root>/content/glossary.yaml. */
  glossaryFile?: string;
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
  /**
   * Reuse the results of earlier runs for files (and cross-file facts) that have not changed, and keep
   * V8's compiled code for the worker threads, under `cacheDir`. Default: off. Ignored with custom `rules`.
   */
  cache?: boolean;
  /** Cache folder (absolute or relative to root); default node_modules/.cache/themelion-lint. */
  cacheDir?: string;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Files looked at, as shown in diagnostics. */
  files: string[];
  /** Linted files whose findings came from the cache instead of running the rules. */
  cached: number;
}

/**
 * Lessons to lint above which the work is spread over worker threads. A worker spends 0.7–2 s
 * loading the parsers (mermaid, TypeScript, micromark; the lower figure with V8's compile cache) before
 * its first file; at ~9 ms a lesson the calling thread lints some 80–200 lessons in that time, so below
 * this a worker only adds work.
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

/** Where the pieces of a lesson file's work come from in one run: the cache, or running the task. */
interface Plan {
  task: FileTask;
  /** SHA-256 of the bytes read; undefined when the file could not be read (nothing about it is cached). */
  hash: string | undefined;
  /** The cache entry for the same bytes, if any. */
  cached: CachedFile | undefined;
  outcome?: FileOutcome;
}

/**
 * The cache after a run: one entry per file read, so files no longer in the collection drop out; an
 * entry nothing new was learnt about is kept as the same object.
 */
function cacheEntries(plans: readonly Plan[], anchorsOf: (plan: Plan) => string[] | null | undefined, collectionKey: string): Map<string, CachedFile> {
  const entries = new Map<string, CachedFile>();
  for (const plan of plans) {
    const { task, outcome, cached, hash } = plan;
    if (hash === undefined) continue;
    // null (not a parseable lesson) is an answer; only undefined means "not known here".
    const anchors = [anchorsOf(plan), outcome?.anchors, cached?.anchors].find((found) => found !== undefined);
    if (!outcome && cached && anchors === cached.anchors) {
      entries.set(task.shown, cached);
      continue;
    }
    const lint: CachedLint | undefined =
      outcome && task.lint
        ? {
            lessonId: task.lessonId,
            collection: collectionKey,
            anchorDeps: (outcome.anchorDeps ?? []).map(([id, found]): [string, string] => [id, anchorsKey(found)]),
            diagnostics: outcome.diagnostics,
          }
        : cached?.lint;
    entries.set(task.shown, { hash, frontmatter: outcome ? outcome.frontmatter : cached?.frontmatter, anchors, lint });
  }
  return entries;
}

/**
 * Lints lessons: collection checks (paths, frontmatter with the site's schema, prerequisites) for the
 * whole collection, then every rule on each requested file. Each file is read once and parsed at most
 * once, for both. Never throws for bad input: each problem becomes a diagnostic, and one bad file never
 * stops the others.
 *
 * With `cache`, a file's findings are reused when its bytes, its path, the linter's version and rule
 * settings, the collection's lesson, module and glossary ids, and the anchors of every lesson it links to are all
 * what they were when they were found; anything else is linted again.
 */
export async function lintLessons(options: LintOptions): Promise<LintResult> {
  const config = options.config ?? defaultLintConfig;
  const root = path.resolve(options.root);
  const lessonsDir = path.resolve(root, options.lessonsDir ?? 'content/lessons');
  const modulesFile = path.resolve(root, options.modulesFile ?? 'content/modules.yaml');
  const display = (file: string) => path.relative(root, file).replaceAll('\\', '/');

  const glossaryFile = path.resolve(root, options.glossaryFile ?? 'content/glossary.yaml');
  const [{ modules }, lessonFiles, glossary] = await Promise.all([
    readModules(modulesFile, display(modulesFile)),
    listFiles(lessonsDir),
    readGlossaryIds(glossaryFile),
  ]);
  const glossaryIds = glossary ? [...new Set(glossary)].sort() : null;
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

  const useCache = options.cache === true && !options.rules;
  const cacheDir = path.resolve(root, options.cacheDir ?? defaultLintCacheDir);
  const cacheFile = path.join(cacheDir, cacheFileName);
  const version = useCache ? lintVersion(config) : '';
  const cache = useCache ? readLintCache(cacheFile, version) : new Map<string, CachedFile>();

  // Every lesson file is read for the collection checks, and the requested ones are linted in the same pass.
  const read = (file: string, lessonId: string, lint: boolean): Plan => {
    const task: FileTask = { file, shown: display(file), lessonId, lint, read: readLessonBytes(file, config) };
    const hash = useCache && 'bytes' in task.read ? digest(task.read.bytes) : undefined;
    const entry = hash === undefined ? undefined : cache.get(task.shown);
    return { task, hash, cached: entry?.hash === hash ? entry : undefined };
  };
  const plans: Plan[] = [...idToFile].map(([lessonId, file]) => read(file, lessonId, linted.has(file)));
  for (const [file, lessonId] of linted) {
    if (idToFile.get(lessonId) !== file) plans.push(read(file, lessonId, true));
  }

  const moduleIds = modules.map((module) => module.id);
  // Glossary ids change rarely: any change re-lints every lesson rather than tracking which ones use <Term>.
  const collectionKey = digest(JSON.stringify([[...idToFile.keys()], moduleIds, glossaryIds]));
  // The file a lesson id resolves to (a path given twice, or not under its module, is linted but never linked to).
  const isCanonical = (plan: Plan) => idToFile.get(plan.task.lessonId) === plan.task.file;
  const byId = new Map(plans.filter(isCanonical).map((plan) => [plan.task.lessonId, plan]));
  const knownAnchors = new Map<string, string[] | null>();
  for (const plan of byId.values()) if (plan.cached?.anchors !== undefined) knownAnchors.set(plan.task.lessonId, plan.cached.anchors);

  const run = async (batch: Plan[]) => {
    if (batch.length === 0) return;
    const lintCount = batch.filter((plan) => plan.task.lint).length;
    const workers = options.rules ? 0 : (options.workers ?? (lintCount > parallelAbove ? availableParallelism() - 1 : 0));
    const setup: LintSetup = { lessons: [...idToFile], moduleIds, glossaryIds, config, anchors: [...knownAnchors] };
    const compileCache = useCache ? path.join(cacheDir, compileCacheFolder) : undefined;
    const outcomes = await runFileTasks(batch.map((plan) => plan.task), setup, workers, options.rules, compileCache);
    batch.forEach((plan, index) => {
      plan.outcome = outcomes[index]!;
      if (plan.outcome.anchors !== undefined && isCanonical(plan)) knownAnchors.set(plan.task.lessonId, plan.outcome.anchors);
    });
  };

  // Cached findings are kept for the same bytes, lesson id and collection ids; the anchors they read are checked next.
  const reusable = (plan: Plan) =>
    plan.task.lint && plan.cached?.lint?.lessonId === plan.task.lessonId && plan.cached.lint.collection === collectionKey;
  await run(plans.filter((plan) => !plan.cached || (plan.task.lint && !reusable(plan))));

  // Every changed lesson was parsed above; one the cache only knew the frontmatter of is parsed from the bytes read.
  const currentAnchors = (id: string): string => {
    if (!knownAnchors.has(id)) {
      const plan = byId.get(id);
      const found = plan ? anchorsFromRead(plan.task.read) : undefined;
      knownAnchors.set(id, found ? [...found] : null);
    }
    return anchorsKey(knownAnchors.get(id));
  };
  await run(plans.filter((plan) => !plan.outcome && reusable(plan) && plan.cached!.lint!.anchorDeps.some(([id, anchors]) => currentAnchors(id) !== anchors)));

  if (useCache) {
    const entries = cacheEntries(plans, (plan) => (isCanonical(plan) ? knownAnchors.get(plan.task.lessonId) : undefined), collectionKey);
    const changed = entries.size !== cache.size || [...entries].some(([file, entry]) => cache.get(file) !== entry);
    if (changed) writeLintCache(cacheFile, version, entries);
  }

  const byFile = new Map(plans.map((plan) => [plan.task.file, plan]));
  const collection = await checkLessonCollection({ root, lessonsDir, modulesFile }, async (file) => {
    const plan = byFile.get(file);
    return plan?.outcome ? plan.outcome.frontmatter : plan?.cached?.frontmatter;
  });
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
      const plan = byFile.get(file)!;
      diagnostics.push(...(plan.outcome ? plan.outcome.diagnostics : plan.cached!.lint!.diagnostics));
    }
  }
  const cached = plans.filter((plan) => plan.task.lint && !plan.outcome).length;
  return { diagnostics: sortDiagnostics(diagnostics), files: [...shown].sort(), cached };
}

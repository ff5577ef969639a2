import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../utils/diagnostics.ts';
import { checkFrontmatter, type FrontmatterResult } from '../utils/frontmatter.ts';
import type { LintConfig } from './config.ts';
import { lessonFileCheckId } from './file-checks.ts';
import { headingAnchors } from './lesson.ts';
import { lintParsedLesson } from './lint-source.ts';
import { parseLesson } from './parse.ts';
import { rules as allRules } from './rules/index.ts';
import type { CollectionFacts, Point, Rule } from './types.ts';

type Problem = { point: Point; message: string };

/** A lesson file's bytes, or why they could not be read (the reason is a diagnostic for a linted file). */
export type LessonRead = { bytes: Uint8Array } | { problem: Problem };

/** One lesson file: its frontmatter always feeds the collection checks; `lint` runs the rules too. */
export interface FileTask {
  /** Absolute path. */
  file: string;
  /** Path shown in diagnostics. */
  shown: string;
  lessonId: string;
  lint: boolean;
  /** The content, read once by the calling thread (which also hashes it for the lint cache). */
  read: LessonRead;
}

export interface FileOutcome {
  /** Undefined when the file was refused before reading (too large, unreadable); the diagnostics say why. */
  frontmatter: FrontmatterResult | undefined;
  diagnostics: Diagnostic[];
  /** Heading anchors of a linted file: null when it is not a parseable lesson; undefined when it was not parsed. */
  anchors?: string[] | null | undefined;
  /** Other lessons whose anchors the diagnostics depended on, with the anchors seen (null: not a parseable lesson). */
  anchorDeps?: [string, string[] | null][] | undefined;
}

/** What every thread linting files needs to know: plain data, so it crosses to worker threads as is. */
export interface LintSetup {
  /** [lesson id, absolute path] of every lesson file. */
  lessons: [string, string][];
  moduleIds: string[];
  /** Null when the glossary cannot be read. */
  glossaryIds: string[] | null;
  config: LintConfig;
  /** Heading anchors already known (from the lint cache), by lesson id; null when the lesson cannot be parsed. */
  anchors: [string, string[] | null][];
}

export interface FileContext {
  facts: CollectionFacts;
  config: LintConfig;
  rules: readonly Rule[];
  /** Records the heading anchors of a lesson parsed for linting, so links to it need not parse it again. */
  remember(lessonId: string, anchors: ReadonlySet<string>): void;
}

const size = (value: number) => `${(value / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/** Reads a lesson's bytes; the size is checked first, so an oversized file is refused without being read. */
export function readLessonBytes(file: string, config: LintConfig): LessonRead {
  try {
    const info = statSync(file);
    if (info.size > config.maxFileBytes) {
      return {
        problem: {
          point: { line: 1, column: 1 },
          message: `arquivo grande demais: ${size(info.size)}; esperado no máximo ${size(config.maxFileBytes)} para uma aula. Divida o conteúdo em mais de uma aula ou remova o que não é texto (imagens embutidas, dados).`,
        },
      };
    }
    return { bytes: readFileSync(file) };
  } catch (caught) {
    const code = (caught as { code?: string }).code ?? 'erro desconhecido';
    return {
      problem: {
        point: { line: 1, column: 1 },
        message: `arquivo ilegível: não foi possível ler o arquivo (${code}); esperado um arquivo .mdx existente e com permissão de leitura. Confira o caminho.`,
      },
    };
  }
}

/** Decodes a lesson as strict UTF-8, turning every reason it cannot be one into a positioned message. */
function decodeLesson(bytes: Uint8Array): { source: string } | { problem: Problem } {
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const index = lenient.indexOf('\uFFFD');
    const before = lenient.slice(0, Math.max(0, index)).split('\n');
    return {
      problem: {
        point: { line: before.length, column: before.at(-1)!.length + 1 },
        message: 'codificação inválida: o arquivo tem bytes que não são UTF-8 a partir desta posição; esperado texto em UTF-8. Salve o arquivo como UTF-8 no editor (acentos escritos em Latin-1 ou Windows-1252 causam isto).',
      },
    };
  }
  if (source.trim() === '') {
    return {
      problem: {
        point: { line: 1, column: 1 },
        message: 'arquivo vazio: nenhum conteúdo encontrado; esperado o frontmatter e as cinco seções da aula. Copie a estrutura de uma aula existente ou apague o arquivo.',
      },
    };
  }
  return { source };
}

/** Heading anchors of a lesson read only to learn where links into it may point; undefined when it is not a parseable lesson. */
export function anchorsFromRead(read: LessonRead): Set<string> | undefined {
  if (!('bytes' in read)) return undefined;
  const decoded = decodeLesson(read.bytes);
  if (!('source' in decoded)) return undefined;
  const parsed = parseLesson(decoded.source);
  return 'tree' in parsed ? headingAnchors(parsed.tree) : undefined;
}

export function createFileContext(setup: LintSetup, rules: readonly Rule[] = allRules): FileContext {
  const idToFile = new Map(setup.lessons);
  const anchors = new Map<string, Promise<ReadonlySet<string> | undefined>>(
    setup.anchors.map(([id, known]) => [id, Promise.resolve(known ? new Set(known) : undefined)]),
  );
  const facts: CollectionFacts = {
    lessonIds: new Set(idToFile.keys()),
    moduleIds: new Set(setup.moduleIds),
    glossaryIds: setup.glossaryIds ? new Set(setup.glossaryIds) : undefined,
    anchorsOf(id) {
      const file = idToFile.get(id);
      if (!file) return Promise.resolve(undefined);
      let known = anchors.get(id);
      if (!known) {
        known = Promise.resolve(anchorsFromRead(readLessonBytes(file, setup.config)));
        anchors.set(id, known);
      }
      return known;
    },
  };
  return {
    facts,
    config: setup.config,
    rules,
    remember(lessonId, found) {
      if (!anchors.has(lessonId)) anchors.set(lessonId, Promise.resolve(found));
    },
  };
}

/**
 * Does all the work one lesson file needs, parsing it once: the frontmatter check the collection needs
 * and, for a file being linted, every rule on the same parsed tree.
 */
export async function runFileTask(task: FileTask, context: FileContext): Promise<FileOutcome> {
  const problem = (found: Problem): Diagnostic[] =>
    task.lint
      ? [{ file: task.shown, line: found.point.line, column: found.point.column, severity: 'error', message: found.message, ruleId: lessonFileCheckId }]
      : [];
  const read = task.read;
  if ('problem' in read) return { frontmatter: undefined, diagnostics: problem(read.problem), anchors: task.lint ? null : undefined };
  // The site's loader reads lessons as lenient UTF-8 with any BOM kept; the frontmatter is checked on that same text.
  // Bytes that crossed from another thread arrive as a plain Uint8Array, hence the Buffer view.
  const text = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).toString('utf8');
  const decoded = task.lint ? decodeLesson(read.bytes) : undefined;
  if (!decoded || 'problem' in decoded) {
    return { frontmatter: checkFrontmatter(task.shown, text), diagnostics: decoded ? problem(decoded.problem) : [], anchors: task.lint ? null : undefined };
  }
  const parsed = parseLesson(decoded.source);
  const tree = 'tree' in parsed && decoded.source === text ? parsed.tree : undefined;
  const frontmatter = checkFrontmatter(task.shown, text, tree);
  // The anchors of other lessons that the rules asked for: the cache re-checks them before reusing these diagnostics.
  const anchorDeps = new Map<string, ReadonlySet<string> | undefined>();
  const facts: CollectionFacts = {
    ...context.facts,
    async anchorsOf(id) {
      const found = await context.facts.anchorsOf(id);
      anchorDeps.set(id, found);
      return found;
    },
  };
  const result = await lintParsedLesson(
    { file: task.shown, source: decoded.source, lessonId: task.lessonId, facts, config: context.config, rules: context.rules },
    parsed,
  );
  if (result.doc) context.remember(task.lessonId, result.doc.anchors);
  return {
    frontmatter,
    diagnostics: result.diagnostics,
    anchors: result.doc ? [...result.doc.anchors] : null,
    anchorDeps: [...anchorDeps].map(([id, found]) => [id, found ? [...found] : null]),
  };
}

import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../utils/diagnostics.ts';
import { checkFrontmatter, type FrontmatterResult } from '../utils/frontmatter.ts';
import type { LintConfig } from './config.ts';
import { lessonFileCheckId } from './file-checks.ts';
import { headingAnchors } from './lesson.ts';
import { lintParsedLesson } from './lint-source.ts';
import { parseLesson } from './parse.ts';
import { rules as allRules } from './rules/index.ts';
import type { CollectionFacts, Point, Rule } from './types.ts';

/** One lesson file to read: its frontmatter always feeds the collection checks; `lint` runs the rules too. */
export interface FileTask {
  /** Absolute path. */
  file: string;
  /** Path shown in diagnostics. */
  shown: string;
  lessonId: string;
  lint: boolean;
}

export interface FileOutcome {
  /** Undefined when the file was refused before reading (too large, unreadable); the diagnostics say why. */
  frontmatter: FrontmatterResult | undefined;
  diagnostics: Diagnostic[];
}

/** What every thread linting files needs to know: plain data, so it crosses to worker threads as is. */
export interface LintSetup {
  /** [lesson id, absolute path] of every lesson file. */
  lessons: [string, string][];
  moduleIds: string[];
  config: LintConfig;
}

export interface FileContext {
  facts: CollectionFacts;
  config: LintConfig;
  rules: readonly Rule[];
  /** Records the heading anchors of a lesson parsed for linting, so links to it need not parse it again. */
  remember(lessonId: string, anchors: ReadonlySet<string>): void;
}

type Problem = { point: Point; message: string };

const size = (value: number) => `${(value / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/** Reads a lesson's bytes; the size is checked first, so an oversized file is refused without being read. */
async function readLessonBytes(file: string, config: LintConfig): Promise<{ bytes: Buffer } | { problem: Problem }> {
  try {
    const info = await stat(file);
    if (info.size > config.maxFileBytes) {
      return {
        problem: {
          point: { line: 1, column: 1 },
          message: `arquivo grande demais: ${size(info.size)}; esperado no máximo ${size(config.maxFileBytes)} para uma aula. Divida o conteúdo em mais de uma aula ou remova o que não é texto (imagens embutidas, dados).`,
        },
      };
    }
    return { bytes: await readFile(file) };
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
function decodeLesson(bytes: Buffer): { source: string } | { problem: Problem } {
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

/** Reads a lesson as text, or says why it cannot be one. */
async function readLessonSource(file: string, config: LintConfig): Promise<{ source: string } | { problem: Problem }> {
  const read = await readLessonBytes(file, config);
  return 'problem' in read ? read : decodeLesson(read.bytes);
}

export function createFileContext(setup: LintSetup, rules: readonly Rule[] = allRules): FileContext {
  const idToFile = new Map(setup.lessons);
  const anchors = new Map<string, Promise<ReadonlySet<string> | undefined>>();
  const facts: CollectionFacts = {
    lessonIds: new Set(idToFile.keys()),
    moduleIds: new Set(setup.moduleIds),
    anchorsOf(id) {
      const file = idToFile.get(id);
      if (!file) return Promise.resolve(undefined);
      let known = anchors.get(id);
      if (!known) {
        known = (async () => {
          const read = await readLessonSource(file, setup.config);
          if (!('source' in read)) return undefined;
          const parsed = parseLesson(read.source);
          return 'tree' in parsed ? headingAnchors(parsed.tree) : undefined;
        })();
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
 * Reads one lesson file once and does all its work: the frontmatter check the collection needs and,
 * for a file being linted, every rule on the same parsed tree.
 */
export async function runFileTask(task: FileTask, context: FileContext): Promise<FileOutcome> {
  const problem = (found: Problem): Diagnostic[] =>
    task.lint
      ? [{ file: task.shown, line: found.point.line, column: found.point.column, severity: 'error', message: found.message, ruleId: lessonFileCheckId }]
      : [];
  const read = await readLessonBytes(task.file, context.config);
  if ('problem' in read) return { frontmatter: undefined, diagnostics: problem(read.problem) };
  // The site's loader reads lessons as lenient UTF-8 with any BOM kept; the frontmatter is checked on that same text.
  const text = read.bytes.toString('utf8');
  const decoded = task.lint ? decodeLesson(read.bytes) : undefined;
  if (!decoded || 'problem' in decoded) {
    return { frontmatter: checkFrontmatter(task.shown, text), diagnostics: decoded ? problem(decoded.problem) : [] };
  }
  const parsed = parseLesson(decoded.source);
  const tree = 'tree' in parsed && decoded.source === text ? parsed.tree : undefined;
  const frontmatter = checkFrontmatter(task.shown, text, tree);
  const result = await lintParsedLesson(
    { file: task.shown, source: decoded.source, lessonId: task.lessonId, facts: context.facts, config: context.config, rules: context.rules },
    parsed,
  );
  if (result.tree) context.remember(task.lessonId, headingAnchors(result.tree));
  return { frontmatter, diagnostics: result.diagnostics };
}

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { Diagnostic } from '../utils/diagnostics.ts';
import { sortDiagnostics } from '../utils/diagnostics.ts';
import { checkLessonCollection } from '../utils/lesson-collection.ts';
import { parseLessonPath } from '../utils/lesson-path.ts';
import { readModules } from '../utils/modules.ts';
import { defaultLintConfig, type LintConfig } from './config.ts';
import { internalCheckId, lessonFileCheckId, mdxSyntaxCheckId } from './file-checks.ts';
import { buildLessonDocument, headingAnchors } from './lesson.ts';
import { parseLesson } from './parse.ts';
import { rules as allRules } from './rules/index.ts';
import { suppressionRuleId } from './rules/suppression.ts';
import { findSuppressionComments, parseSuppression } from './suppressions.ts';
import { countWords } from './text.ts';
import type { CollectionFacts, Point, Rule, RuleContext } from './types.ts';

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
  rules?: readonly Rule[];
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Files looked at, as shown in diagnostics. */
  files: string[];
}

type FileSource = { source: string } | { problem: { point: Point; message: string } };

/** Reads a lesson as text, turning every reason it cannot be one into a positioned message. */
async function readLessonSource(file: string, config: LintConfig): Promise<FileSource> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > config.maxFileBytes) {
      const size = (value: number) => `${(value / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
      return {
        problem: {
          point: { line: 1, column: 1 },
          message: `arquivo grande demais: ${size(info.size)}; esperado no máximo ${size(config.maxFileBytes)} para uma aula. Divida o conteúdo em mais de uma aula ou remova o que não é texto (imagens embutidas, dados).`,
        },
      };
    }
    bytes = await readFile(file);
  } catch (caught) {
    const code = (caught as { code?: string }).code ?? 'erro desconhecido';
    return {
      problem: {
        point: { line: 1, column: 1 },
        message: `arquivo ilegível: não foi possível ler o arquivo (${code}); esperado um arquivo .mdx existente e com permissão de leitura. Confira o caminho.`,
      },
    };
  }
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

async function listFiles(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info?.isDirectory()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function pointOf(at: Node | Point | undefined, fallback: Point): Point {
  if (!at) return fallback;
  if ('line' in at && typeof at.line === 'number') return { line: at.line, column: at.column };
  const start = (at as Node).position?.start;
  return start ? { line: start.line, column: start.column } : fallback;
}

/**
 * Lints lessons: collection checks (paths, frontmatter with the site's schema, prerequisites) for the
 * whole collection, then every rule on each requested file. Never throws for bad input: each problem
 * becomes a diagnostic, and one bad file never stops the others.
 */
export async function lintLessons(options: LintOptions): Promise<LintResult> {
  const config = options.config ?? defaultLintConfig;
  const rules = options.rules ?? allRules;
  const root = path.resolve(options.root);
  const lessonsDir = path.resolve(root, options.lessonsDir ?? 'content/lessons');
  const modulesFile = path.resolve(root, options.modulesFile ?? 'content/modules.yaml');
  const display = (file: string) => path.relative(root, file).replaceAll('\\', '/');

  const [collection, { modules }, lessonFiles] = await Promise.all([
    checkLessonCollection({ root, lessonsDir, modulesFile }),
    readModules(modulesFile, display(modulesFile)),
    listFiles(lessonsDir),
  ]);
  const idToFile = new Map<string, string>();
  for (const file of lessonFiles) {
    const where = parseLessonPath(path.relative(lessonsDir, file));
    if (!('problem' in where)) idToFile.set(where.id, file);
  }

  const targets = options.paths
    ? [...new Set((await Promise.all(options.paths.map((target) => listFiles(path.resolve(root, target))))).flat())]
    : lessonFiles;
  const shown = new Set(targets.map(display));
  const diagnostics: Diagnostic[] = collection.diagnostics.filter(
    (diagnostic) => shown.has(diagnostic.file) || diagnostic.file === display(modulesFile),
  );

  const trees = new Map<string, Root>();
  const anchors = new Map<string, Promise<ReadonlySet<string> | undefined>>();
  const facts: CollectionFacts = {
    lessonIds: new Set(idToFile.keys()),
    moduleIds: new Set(modules.map((module) => module.id)),
    anchorsOf(id) {
      const file = idToFile.get(id);
      if (!file) return Promise.resolve(undefined);
      let known = anchors.get(id);
      if (!known) {
        known = (async () => {
          const tree = trees.get(file);
          if (tree) return headingAnchors(tree);
          const read = await readLessonSource(file, config);
          if (!('source' in read)) return undefined;
          const parsed = parseLesson(read.source);
          return 'tree' in parsed ? headingAnchors(parsed.tree) : undefined;
        })();
        anchors.set(id, known);
      }
      return known;
    },
  };

  for (const file of targets) {
    const shownFile = display(file);
    const at = (point: Point, message: string) =>
      diagnostics.push({ file: shownFile, line: point.line, column: point.column, severity: 'error', message, ruleId: lessonFileCheckId });

    const relative = path.relative(lessonsDir, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      at(
        { line: 1, column: 1 },
        `arquivo fora das aulas: ${shownFile} não está em ${display(lessonsDir)}/; esperado content/lessons/<modulo>/<slug>.mdx. Passe o caminho de uma aula (ou de uma pasta de aulas) ao linter.`,
      );
      continue;
    }
    const where = parseLessonPath(relative);
    // The collection check already reported the bad path; the content of a non-lesson file is not linted.
    if ('problem' in where) continue;

    const read = await readLessonSource(file, config);
    if ('problem' in read) {
      at(read.problem.point, read.problem.message);
      continue;
    }
    const result = await lintLessonSource({ file: shownFile, source: read.source, lessonId: where.id, facts, config, rules });
    if (result.tree) trees.set(file, result.tree);
    diagnostics.push(...result.diagnostics);
  }
  return { diagnostics: sortDiagnostics(diagnostics), files: [...shown].sort() };
}

export interface LessonSourceInput {
  /** Path shown in diagnostics. */
  file: string;
  source: string;
  lessonId?: string | undefined;
  facts: CollectionFacts;
  config?: LintConfig;
  rules?: readonly Rule[];
}

/** Parses one lesson's text and runs every rule on it, applying suppressions. */
export async function lintLessonSource(input: LessonSourceInput): Promise<{ diagnostics: Diagnostic[]; tree?: Root }> {
  const config = input.config ?? defaultLintConfig;
  const rules = input.rules ?? allRules;
  const parsed = parseLesson(input.source);
  if ('error' in parsed) {
    const { point, reason } = parsed.error;
    return {
      diagnostics: [
        {
          file: input.file,
          line: point.line,
          column: point.column,
          severity: 'error',
          message: `MDX inválido: ${reason}; esperado MDX que o site consiga compilar. Confira chaves { }, tags JSX e comentários {/* */} perto desta posição (use \\{ para uma chave literal no texto).`,
          ruleId: mdxSyntaxCheckId,
        },
      ],
    };
  }
  const tree = parsed.tree;
  const doc = buildLessonDocument(tree, input.source);
  const suppressibleRuleIds = rules.map((rule) => rule.id).filter((id) => id !== suppressionRuleId);
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    const context: RuleContext = {
      file: input.file,
      source: input.source,
      tree,
      doc,
      config,
      collection: input.facts,
      lessonId: input.lessonId,
      suppressibleRuleIds,
      report: (report) => {
        const point = pointOf(report.at, doc.start);
        found.push({
          file: input.file,
          line: point.line,
          column: point.column,
          severity: report.severity ?? rule.severity,
          message: report.message,
          ruleId: rule.id,
        });
      },
    };
    try {
      await rule.check(context);
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message.split('\n')[0] : String(caught);
      found.push({
        file: input.file,
        line: doc.start.line,
        column: doc.start.column,
        severity: 'error',
        message: `falha interna da regra ${rule.id}: ${reason}; esperado que a regra conclua a verificação. A aula pode estar certa — avise quem mantém o linter e inclua este arquivo.`,
        ruleId: internalCheckId,
      });
    }
  }
  return { diagnostics: applySuppressions(tree, found, suppressibleRuleIds, config, input.file), tree };
}

/**
 * Drops findings covered by a well-formed suppression; a malformed one (reported by the suppression
 * rule) suppresses nothing, and one that silences nothing is reported, so stale suppressions do not pile up.
 */
function applySuppressions(tree: Root, found: Diagnostic[], ruleIds: readonly string[], config: LintConfig, file: string): Diagnostic[] {
  let kept = found;
  for (const comment of findSuppressionComments(tree)) {
    if (!comment.exact || !comment.covers) continue;
    const { ruleIds: named, reason } = parseSuppression(comment.rest);
    if (named.length === 0 || named.some((id) => !ruleIds.includes(id)) || countWords(reason) < config.minSuppressionReasonWords) continue;
    const { from, to } = comment.covers;
    const before = kept.length;
    kept = kept.filter((diagnostic) => !(named.includes(diagnostic.ruleId) && diagnostic.line >= from && diagnostic.line <= to));
    if (kept.length === before) {
      kept.push({
        file,
        line: comment.line,
        column: comment.column,
        severity: 'warning',
        message: `supressão sem efeito: nenhum problema de ${named.join(', ')} nas linhas ${from}–${to}; esperado que a supressão silencie algo no bloco seguinte. Remova o comentário.`,
        ruleId: suppressionRuleId,
      });
    }
  }
  return kept;
}

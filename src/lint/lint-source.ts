import type { Node } from 'unist';
import type { Diagnostic } from '../utils/diagnostics.ts';
import { defaultLintConfig, type LintConfig } from './config.ts';
import { internalCheckId, mdxSyntaxCheckId } from './file-checks.ts';
import { buildLessonDocument, type LessonDocument } from './lesson.ts';
import { type ParseOutcome, parseLesson } from './parse.ts';
import { rules as allRules } from './rules/index.ts';
import { suppressionRuleId } from './rules/suppression.ts';
import { findSuppressionComments, parseSuppression } from './suppressions.ts';
import { countWords } from './text.ts';
import type { CollectionFacts, Point, Rule, RuleContext } from './types.ts';

export interface LessonSourceInput {
  /** Path shown in diagnostics. */
  file: string;
  source: string;
  lessonId?: string | undefined;
  facts: CollectionFacts;
  config?: LintConfig;
  rules?: readonly Rule[];
}

/** A lesson's findings, with the document they came from when it parsed. */
export interface LintedLesson {
  diagnostics: Diagnostic[];
  doc?: LessonDocument;
}

function pointOf(at: Node | Point | undefined, fallback: Point): Point {
  if (!at) return fallback;
  if ('line' in at && typeof at.line === 'number') return { line: at.line, column: at.column };
  const start = (at as Node).position?.start;
  return start ? { line: start.line, column: start.column } : fallback;
}

/** Parses one lesson's text and runs every rule on it, applying suppressions. */
export function lintLessonSource(input: LessonSourceInput): Promise<LintedLesson> {
  return lintParsedLesson(input, parseLesson(input.source));
}

/** Runs every rule on a lesson already parsed from `input.source`, so a caller that needs the tree too parses it once. */
export async function lintParsedLesson(input: LessonSourceInput, parsed: ParseOutcome): Promise<LintedLesson> {
  const config = input.config ?? defaultLintConfig;
  const rules = input.rules ?? allRules;
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
  return { diagnostics: applySuppressions(doc, found, suppressibleRuleIds, config, input.file), doc };
}

/**
 * Drops findings covered by a well-formed suppression; a malformed one (reported by the suppression
 * rule) suppresses nothing, and one that silences nothing is reported, so stale suppressions do not pile up.
 */
function applySuppressions(doc: LessonDocument, found: Diagnostic[], ruleIds: readonly string[], config: LintConfig, file: string): Diagnostic[] {
  let kept = found;
  for (const comment of findSuppressionComments(doc)) {
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

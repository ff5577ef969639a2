import type { RootContent } from 'mdast';
import type { Node, Parent } from 'unist';
import type { LessonDocument } from './lesson.ts';

export const suppressionDirective = 'lesson-lint-disable-next-line';

/** One `{/* lesson-lint-disable-next-line … *\/}` comment as written. */
export interface SuppressionComment {
  line: number;
  column: number;
  /** Comment text after the directive name, trimmed. */
  rest: string;
  /** Whether the directive name was written exactly (vs. a misspelt lesson-lint-* directive). */
  exact: boolean;
  /** Source lines the suppression covers: those of the block that follows the comment. */
  covers: { from: number; to: number } | undefined;
}

interface EstreeComment {
  type: string;
  value: string;
  loc?: { start: { line: number; column: number } };
}

/** Next block after an expression node, found among its parent's children. */
function nextBlock(parent: Parent | undefined, node: Node): Node | undefined {
  if (!parent) return undefined;
  const index = parent.children.indexOf(node as RootContent);
  return parent.children.slice(index + 1).find((child) => child.type !== 'mdxFlowExpression');
}

/**
 * Reads lesson-lint comments from MDX expression comments (`{/* … *\/}`), via the estree MDX attaches
 * to each expression: a comment is code, never prose, so no text search over the file is needed.
 */
export function findSuppressionComments(doc: Pick<LessonDocument, 'expressions'>): SuppressionComment[] {
  const found: SuppressionComment[] = [];
  for (const { node, parent } of doc.expressions) {
    const estree = (node.data as { estree?: { comments?: EstreeComment[] } } | undefined)?.estree;
    for (const comment of estree?.comments ?? []) {
      const text = comment.value.replace(/^\s*\*?\s*/, '').trim();
      const match = /^lesson-lint-[\w-]*/.exec(text);
      if (!match) continue;
      const next = node.type === 'mdxFlowExpression' ? nextBlock(parent as Parent | undefined, node) : undefined;
      const position = node.position;
      const from = next?.position?.start.line ?? (position ? position.end.line + 1 : 1);
      found.push({
        line: comment.loc?.start.line ?? position?.start.line ?? 1,
        column: (comment.loc?.start.column ?? (position?.start.column ?? 1) - 1) + 1,
        rest: text.slice(match[0].length).trim(),
        exact: match[0] === suppressionDirective,
        covers: node.type === 'mdxFlowExpression' ? { from, to: next?.position?.end.line ?? from } : undefined,
      });
    }
  }
  return found;
}

export interface ParsedSuppression {
  ruleIds: string[];
  reason: string;
}

/** Splits "<rule-id>[, <rule-id>] -- <reason>". */
export function parseSuppression(rest: string): ParsedSuppression {
  const separator = rest.indexOf('--');
  const ids = separator === -1 ? rest : rest.slice(0, separator);
  return {
    ruleIds: ids.split(/[\s,]+/).filter(Boolean),
    reason: separator === -1 ? '' : rest.slice(separator + 2).trim(),
  };
}

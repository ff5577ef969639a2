import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Point } from './types.ts';

/** The same syntax the site compiles lessons with: MDX, GFM tables and YAML frontmatter. */
const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export type ParseOutcome = { tree: Root } | { error: { point: Point; reason: string } };

interface PositionedError {
  reason?: unknown;
  message?: unknown;
  line?: unknown;
  column?: unknown;
}

/** Parses a lesson; a syntax error becomes a position and a reason instead of an exception. */
export function parseLesson(source: string): ParseOutcome {
  try {
    return { tree: processor.parse(source) };
  } catch (caught) {
    // micromark and remark-mdx throw VFileMessage, which carries line and column.
    const error = caught as PositionedError;
    const line = typeof error.line === 'number' ? error.line : 1;
    const column = typeof error.column === 'number' ? error.column : 1;
    const reason = String(error.reason ?? error.message ?? caught);
    return { error: { point: { line, column }, reason } };
  }
}

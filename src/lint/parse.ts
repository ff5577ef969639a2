import { createRequire } from 'node:module';
import type { Root } from 'mdast';
import type remarkFrontmatterPlugin from 'remark-frontmatter';
import type remarkGfmPlugin from 'remark-gfm';
import type remarkMdxPlugin from 'remark-mdx';
import type remarkParsePlugin from 'remark-parse';
import type { unified as unifiedFunction } from 'unified';
import type { Point } from './types.ts';

const require = createRequire(import.meta.url);

/**
 * The same syntax the site compiles lessons with: MDX, GFM tables and YAML frontmatter. Built and frozen
 * once per thread, on the first lesson parsed: a run that finds every result in the lint cache never
 * loads micromark. Through require, not import(): inside Astro's config loader a dynamic import would
 * go through a module runner that is already closed.
 */
function lessonParser() {
  const { unified } = require('unified') as { unified: typeof unifiedFunction };
  const load = <T>(name: string) => (require(name) as { default: T }).default;
  return unified()
    .use(load<typeof remarkParsePlugin>('remark-parse'))
    .use(load<typeof remarkMdxPlugin>('remark-mdx'))
    .use(load<typeof remarkFrontmatterPlugin>('remark-frontmatter'), ['yaml'])
    .use(load<typeof remarkGfmPlugin>('remark-gfm'))
    .freeze();
}

let processor: ReturnType<typeof lessonParser> | undefined;

export type ParseOutcome = { tree: Root } | { error: { point: Point; reason: string } };

interface PositionedError {
  reason?: unknown;
  message?: unknown;
  line?: unknown;
  column?: unknown;
}

/** Parses a lesson; a syntax error becomes a position and a reason instead of an exception. */
export function parseLesson(source: string): ParseOutcome {
  processor ??= lessonParser();
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

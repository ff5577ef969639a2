import type { Nodes, Parents, PhrasingContent, RootContent, TableCell, Heading, Paragraph } from 'mdast';
import type { Point } from './types.ts';

/** Lower case without diacritics, so "Segurança" and "seguranca" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function countWords(text: string): number {
  let count = 0;
  for (const word of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(word)) count += 1;
  return count;
}

/** Node types that are not prose: code, diagrams, frontmatter, and MDX code. */
const nonProse = new Set(['code', 'yaml', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html']);

/** A run of prose (paragraph, heading or table cell) with a map back to source positions. */
export interface ProseBlock {
  node: Paragraph | Heading | TableCell;
  text: string;
  /** Start offset in `text` and start point in the file of each text piece, in order. */
  pieces: { offset: number; start: Point; value: string }[];
}

function collectPieces(node: PhrasingContent | Nodes, block: ProseBlock): void {
  if (node.type === 'text' || node.type === 'inlineCode') {
    const start = node.position?.start;
    if (start) block.pieces.push({ offset: block.text.length, start: { line: start.line, column: start.column }, value: node.value });
    block.text += node.value;
    return;
  }
  if (nonProse.has(node.type)) return;
  if (node.type === 'break') block.text += '\n';
  if ('children' in node) for (const child of node.children) collectPieces(child, block);
}

/** Prose blocks under the given nodes, in document order; code never contributes. */
export function proseBlocks(nodes: readonly (RootContent | Nodes)[]): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const walk = (node: RootContent | Nodes) => {
    if (nonProse.has(node.type)) return;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const block: ProseBlock = { node, text: '', pieces: [] };
      collectPieces(node, block);
      blocks.push(block);
      return;
    }
    if ('children' in node) for (const child of (node as Parents).children) walk(child);
  };
  for (const node of nodes) walk(node);
  return blocks;
}

/** Source point of a character of a block's text; approximate inside escapes, exact for plain text. */
export function pointInBlock(block: ProseBlock, index: number): Point | undefined {
  let piece = block.pieces[0];
  for (const candidate of block.pieces) {
    if (candidate.offset > index) break;
    piece = candidate;
  }
  if (!piece) return block.node.position?.start;
  const before = piece.value.slice(0, Math.max(0, index - piece.offset));
  const newlines = before.split('\n');
  if (newlines.length === 1) return { line: piece.start.line, column: piece.start.column + before.length };
  // Continuation lines of a paragraph keep their indentation in the source but not in the text value.
  return { line: piece.start.line + newlines.length - 1, column: newlines.at(-1)!.length + 1 };
}

export function proseWordCount(nodes: readonly (RootContent | Nodes)[]): number {
  let words = 0;
  for (const block of proseBlocks(nodes)) words += countWords(block.text);
  return words;
}

/** Sentences of a text with their start offsets; a sentence ends at . ! or ? followed by space or the end (soft line breaks do not end one). */
export function sentences(text: string): { text: string; offset: number }[] {
  const result: { text: string; offset: number }[] = [];
  let start = 0;
  // Decimal points ("1.5 ms") and dotted names ("res.json") are not sentence ends: split only on a
  // terminator followed by whitespace or the end of the text.
  const boundary = /[.!?]+(?=\s|$)/g;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    result.push({ text: text.slice(start, end), offset: start });
    start = end;
  }
  if (start < text.length) result.push({ text: text.slice(start), offset: start });
  return result.filter((sentence) => sentence.text.trim() !== '');
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Builds a RegExp from a list once per list (the lists live in the config and are read for every
 * lesson), yet returns a new object each call: a global RegExp carries lastIndex from one use to the next.
 */
export function memoizedPattern(build: (list: readonly string[]) => string, flags: string): (list: readonly string[]) => RegExp {
  const sources = new WeakMap<readonly string[], string>();
  return (list) => {
    let source = sources.get(list);
    if (source === undefined) {
      source = build(list);
      sources.set(list, source);
    }
    return new RegExp(source, flags);
  };
}

/** A matcher for whole words or phrases, accent- and case-insensitive; use on folded text. */
export const termMatcher = memoizedPattern((terms) => {
  const alternatives = [...new Set(terms.map(fold))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;
}, 'gu');

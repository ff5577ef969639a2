import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/** Technical prose in Portuguese reads slower than fiction; 200 words/min is a common figure for it. */
export const proseWordsPerMinute = 200;
/** A reader studies code rather than reads it: about 20 lines a minute. */
export const codeLinesPerMinute = 20;

/** Estimated minutes to read a lesson tree: prose words plus code lines, rounded up, at least 1. */
export function readingMinutes(tree: Root): number {
  let words = 0;
  let codeLines = 0;
  visit(tree, (node) => {
    if (node.type === 'code') {
      codeLines += node.value.split('\n').length;
      return SKIP;
    }
    if (node.type === 'yaml') return SKIP;
    if (node.type === 'text' || node.type === 'inlineCode') {
      words += toString(node).split(/\s+/).filter(Boolean).length;
    }
    return undefined;
  });
  return Math.max(1, Math.ceil(words / proseWordsPerMinute + codeLines / codeLinesPerMinute));
}

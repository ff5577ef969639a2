import type { Code, Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { Point } from './types.ts';

/** An H2 and everything up to the next H2. */
export interface Section {
  title: string;
  heading: Heading;
  /** Nodes after the heading, H3s and their content included. */
  nodes: RootContent[];
}

export interface LessonDocument {
  /** Top-level nodes after the frontmatter. */
  body: RootContent[];
  /** Nodes before the first H2. */
  preamble: RootContent[];
  sections: Section[];
  /** Where whole-lesson findings are reported: the first content block, or the line after the frontmatter. */
  start: Point;
  /** Last line of the file. */
  lastLine: number;
  /** Every fenced or indented code block, in document order. */
  code: Code[];
  /** First section with exactly this title. */
  section(title: string): Section | undefined;
  /** Section holding a node, by position. */
  sectionAt(line: number): Section | undefined;
}

export function buildLessonDocument(tree: Root, source: string): LessonDocument {
  const body = tree.children.filter((node) => node.type !== 'yaml');
  const preamble: RootContent[] = [];
  const sections: Section[] = [];
  for (const node of body) {
    if (node.type === 'heading' && node.depth === 2) {
      sections.push({ title: toString(node).trim(), heading: node, nodes: [] });
    } else if (sections.length > 0) {
      sections.at(-1)!.nodes.push(node);
    } else {
      preamble.push(node);
    }
  }
  const code: Code[] = [];
  visit(tree, 'code', (node) => {
    code.push(node);
  });
  const lastLine = source.split('\n').length;
  const frontmatterEnd = tree.children[0]?.type === 'yaml' ? (tree.children[0].position?.end.line ?? 0) : 0;
  // Comments and imports are not content; findings about the whole lesson go to its first real block.
  const firstStart = body.find((node) => node.type !== 'mdxFlowExpression' && node.type !== 'mdxjsEsm')?.position?.start;
  const start = firstStart ? { line: firstStart.line, column: firstStart.column } : { line: Math.min(frontmatterEnd + 1, lastLine), column: 1 };
  const lineStarts = sections.map((section) => section.heading.position?.start.line ?? 0);
  return {
    body,
    preamble,
    sections,
    start,
    lastLine,
    code,
    section: (title) => sections.find((section) => section.title === title),
    sectionAt: (line) => {
      let found: Section | undefined;
      sections.forEach((section, index) => {
        if (lineStarts[index]! <= line) found = section;
      });
      return found;
    },
  };
}

/** Heading ids exactly as Astro assigns them: github-slugger over the heading text, numbered on repeats. */
export function headingAnchors(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(tree, 'heading', (node) => {
    anchors.add(slugger.slug(toString(node)));
  });
  return anchors;
}

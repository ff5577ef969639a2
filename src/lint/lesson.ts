import type { Code, Definition, Heading, Image, Link, Nodes, Parents, Root, RootContent } from 'mdast';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx-expression';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { type ProseBlock, proseBlocks } from './text.ts';
import type { Point } from './types.ts';

/** An H2 and everything up to the next H2. */
export interface Section {
  title: string;
  heading: Heading;
  /** Nodes after the heading, H3s and their content included. */
  nodes: RootContent[];
}

/** A node that can point somewhere: a Markdown link, image or definition, or an MDX JSX element (`<a>`, `<img>`…). */
export type ReferenceNode = Link | Definition | Image | MdxJsxFlowElement | MdxJsxTextElement;

/** An MDX expression (`{…}`, where comments live) and the node holding it. */
export interface ExpressionInTree {
  node: MdxFlowExpression | MdxTextExpression;
  parent: Parents | undefined;
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
  /** Every heading, at any depth of the tree, in document order. */
  headings: Heading[];
  /** Heading anchors, as Astro assigns them (see headingAnchors). */
  anchors: ReadonlySet<string>;
  /** Links, images, definitions and MDX JSX elements, in document order. */
  references: ReferenceNode[];
  /** MDX expressions, in document order. */
  expressions: ExpressionInTree[];
  /** Prose blocks of the body (see proseBlocks), shared by the rules that read the text. */
  prose: ProseBlock[];
  /** First section with exactly this title. */
  section(title: string): Section | undefined;
  /** Section holding a node, by position. */
  sectionAt(line: number): Section | undefined;
}

interface Collected {
  code: Code[];
  headings: Heading[];
  references: ReferenceNode[];
  expressions: ExpressionInTree[];
}

/**
 * One pre-order walk (the order unist-util-visit follows) gathering every kind of node the rules look
 * for, so the tree is walked once per lesson instead of once per rule.
 */
function collect(node: Nodes, parent: Parents | undefined, found: Collected): void {
  switch (node.type) {
    case 'code':
      found.code.push(node);
      break;
    case 'heading':
      found.headings.push(node);
      break;
    case 'link':
    case 'definition':
    case 'image':
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      found.references.push(node);
      break;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      found.expressions.push({ node, parent });
      break;
    default:
      break;
  }
  if ('children' in node) for (const child of node.children) collect(child, node, found);
}

/** Heading ids exactly as Astro assigns them: github-slugger over the heading text, numbered on repeats. */
function anchorsOf(headings: readonly Heading[]): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const heading of headings) anchors.add(slugger.slug(toString(heading)));
  return anchors;
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
  const collected: Collected = { code: [], headings: [], references: [], expressions: [] };
  collect(tree, undefined, collected);
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
    ...collected,
    anchors: anchorsOf(collected.headings),
    prose: proseBlocks(body),
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

/** Heading ids of a lesson, for a lesson read only to learn where links into it may point. */
export function headingAnchors(tree: Root): Set<string> {
  const found: Collected = { code: [], headings: [], references: [], expressions: [] };
  collect(tree, undefined, found);
  return anchorsOf(found.headings);
}

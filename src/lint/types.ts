import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { Severity } from '../utils/diagnostics.ts';
import type { LintConfig } from './config.ts';
import type { LessonDocument } from './lesson.ts';

/** A 1-based line/column, as mdast positions and diagnostics use. */
export interface Point {
  line: number;
  column: number;
}

/** Facts no single file knows, taken from the whole collection even when one file is linted. */
export interface CollectionFacts {
  /** "<module>/<slug>" of every lesson file, valid or not. */
  lessonIds: ReadonlySet<string>;
  moduleIds: ReadonlySet<string>;
  /** Ids of content/glossary.yaml, for <Term id>; undefined when the glossary cannot be read (nothing is checked). */
  glossaryIds?: ReadonlySet<string> | undefined;
  /** Heading anchors (github-slugger ids, as Astro renders them) of a lesson; undefined when it cannot be read. */
  anchorsOf(lessonId: string): Promise<ReadonlySet<string> | undefined>;
}

export interface Report {
  /** Where: a node (its start) or a point; undefined means the start of the lesson body. */
  at?: Node | Point | undefined;
  message: string;
  /** Overrides the rule's default severity for findings that are only advice. */
  severity?: Severity;
}

export interface RuleContext {
  /** Path shown in diagnostics. */
  file: string;
  source: string;
  tree: Root;
  doc: LessonDocument;
  config: LintConfig;
  collection: CollectionFacts;
  /** Id of the lesson being linted ("<module>/<slug>"), when its path is a lesson path. */
  lessonId?: string | undefined;
  /** Ids a suppression comment may name. */
  suppressibleRuleIds: readonly string[];
  report(report: Report): void;
}

export interface RuleDocs {
  /** Why the rule exists, for authors. */
  why: string;
  /** A short MDX excerpt that passes. */
  good: string;
  /** A short MDX excerpt that fails. */
  bad: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line naming what the rule checks. */
  summary: string;
  docs: RuleDocs;
  check(context: RuleContext): void | Promise<void>;
}

import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { type Document, isMap, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { type LessonData, lessonSchema } from '../schemas/lesson.ts';
import type { Diagnostic } from './diagnostics.ts';

export const frontmatterRuleId = 'frontmatter';

export interface FrontmatterResult {
  data?: LessonData;
  diagnostics: Diagnostic[];
  /** Line of each top-level frontmatter key, so cross-file checks can point at the field. */
  fieldLines: Record<string, number>;
}

const frontmatterParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Finds the YAML frontmatter node; markdown-only parsing, so an MDX syntax error elsewhere never hides frontmatter problems. */
export function findFrontmatter(tree: Root) {
  const first = tree.children[0];
  return first?.type === 'yaml' ? first : undefined;
}

const parsedYaml = new WeakMap<Yaml, { document: Document.Parsed; lineCounter: LineCounter }>();

/**
 * The frontmatter's YAML document and the line counter filled while parsing it, parsed once per tree
 * node: the frontmatter check and the linter's placeholders rule read the same document. Neither
 * changes it. Errors carry plain messages (no source excerpt): positions are mapped by the callers.
 */
export function parseFrontmatterYaml(node: Yaml): { document: Document.Parsed; lineCounter: LineCounter } {
  let parsed = parsedYaml.get(node);
  if (!parsed) {
    const lineCounter = new LineCounter();
    parsed = { document: parseDocument(node.value, { lineCounter, prettyErrors: false }), lineCounter };
    parsedYaml.set(node, parsed);
  }
  return parsed;
}

/**
 * Validates a lesson's frontmatter with the site's own schema and positions each problem on the
 * offending YAML line. Never throws: every failure becomes a diagnostic.
 */
export function checkFrontmatter(file: string, source: string, tree?: Root): FrontmatterResult {
  const at = (line: number, column: number, message: string): Diagnostic => ({
    file,
    line,
    column,
    severity: 'error',
    message,
    ruleId: frontmatterRuleId,
  });
  const yamlNode = findFrontmatter(tree ?? frontmatterParser.parse(source));
  if (!yamlNode) {
    return {
      diagnostics: [
        at(1, 1, 'frontmatter ausente: o arquivo não começa com um bloco YAML entre linhas "---"; esperado title, description, order, level, tags, status, origin e updated. Copie o bloco de uma aula existente ou use npm run new.'),
      ],
      fieldLines: {},
    };
  }
  // The YAML text starts on the line after the opening "---".
  const offsetLine = (yamlNode.position?.start.line ?? 1) + 1;
  const { document: doc, lineCounter } = parseFrontmatterYaml(yamlNode);
  const linePos = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + offsetLine - 1, column: pos.col };
  };
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((error) => {
        const { line, column } = linePos(error.pos[0]);
        const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        return at(line, column, `YAML inválido no frontmatter: ${reason}. Confira a indentação, os dois-pontos e as aspas desta linha.`);
      }),
      fieldLines: {},
    };
  }
  const fieldLines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = pair.key as YamlNode | null;
      if (key?.range) fieldLines[String((key as { value?: unknown }).value)] = linePos(key.range[0]).line;
    }
  }
  const result = lessonSchema.safeParse(doc.toJS() ?? {});
  if (result.success) return { data: result.data, diagnostics: [], fieldLines };
  const diagnostics = result.error.issues.map((issue) => {
    const node = issue.path.length > 0 ? doc.getIn(issue.path, true) : undefined;
    const range = (node as YamlNode | undefined)?.range;
    const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    if (range) {
      const { line, column } = linePos(range[0]);
      return at(line, column, `${field}${issue.message}`);
    }
    const key = typeof issue.path[0] === 'string' ? fieldLines[issue.path[0]] : undefined;
    return at(key ?? offsetLine - 1, 1, `${field}${issue.message}`);
  });
  return { diagnostics, fieldLines };
}

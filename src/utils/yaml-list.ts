import { readFile } from 'node:fs/promises';
import { isSeq, LineCounter, parseDocument, type YAMLSeq } from 'yaml';

/** pt-BR messages for a data file of the room: it is missing, its YAML is broken, or its root is not a list. */
export interface YamlListMessages {
  missing: string;
  /** Put before the parser's own message, e.g. "YAML inválido no glossário". */
  invalidYaml: string;
  notList: string;
}

export interface YamlList {
  /** The list items as YAML nodes, for their positions. */
  nodes: YAMLSeq['items'];
  /** The same items as plain values, for the schema. */
  values: unknown[];
  /** 1-based line and column of a node's start. */
  at(node: unknown): readonly [number, number];
}

/**
 * Reads a YAML file whose root must be a list (content/modules.yaml, content/glossary.yaml). An unreadable file,
 * every syntax error (at its line) and a root that is not a list are reported; the list is undefined then.
 */
export async function readYamlList(
  file: string,
  report: (line: number, column: number, message: string) => void,
  messages: YamlListMessages,
): Promise<YamlList | undefined> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    report(1, 1, messages.missing);
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    report(line, col, `${messages.invalidYaml}: ${error.message.split('\n')[0]}. Confira a indentação desta linha.`);
  }
  if (doc.errors.length > 0) return undefined;
  if (!isSeq(doc.contents)) {
    report(1, 1, messages.notList);
    return undefined;
  }
  return {
    nodes: doc.contents.items,
    values: doc.toJS() as unknown[],
    at(node) {
      const start = (node as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
      const { line, col } = lineCounter.linePos(start);
      return [line, col] as const;
    },
  };
}

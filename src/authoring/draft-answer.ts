import { isMap, parseDocument } from 'yaml';
import { parseLesson } from '../lint/parse.ts';
import { findFrontmatter } from '../utils/frontmatter.ts';

/** Values an agent draft always carries, whatever the model wrote: only a person moves it further. */
export const forcedDraftFields = { origin: 'agent', status: 'draft' } as const;

export type DraftAnswer = { source: string; changes: string[] } | { problem: string };

/**
 * Models often wrap a whole document in one ```mdx fence. The lesson inside has fences of its own, so
 * CommonMark cannot parse the wrapper (the first inner fence would close it); it is removed by its first
 * and last lines instead, and only when both are bare fences, so a lesson's own code is never touched.
 */
function stripWrapperFence(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  const opens = /^```\s*(?:mdx|markdown|md)?\s*$/i.test(lines[0] ?? '');
  const closes = lines.length > 1 && /^```\s*$/.test(lines.at(-1) ?? '');
  return opens && closes ? lines.slice(1, -1).join('\n') : text.trim();
}

/**
 * Turns a model's answer into the lesson file: one MDX document that parses with the linter's parser and
 * opens with a YAML frontmatter map, with `origin: agent` and `status: draft` forced and any `reviewer`
 * dropped (a review is a person's act, never the model's claim). Anything else is a pt-BR problem.
 */
export function toDraftLesson(answer: string): DraftAnswer {
  const text = stripWrapperFence(answer);
  const parsed = parseLesson(text);
  if ('error' in parsed) {
    const { point, reason } = parsed.error;
    return { problem: `a resposta não é MDX válido: ${reason} (linha ${point.line}, coluna ${point.column} da resposta); esperado um documento MDX que o site compile. Rode de novo ou use outro modelo.` };
  }
  const yamlNode = findFrontmatter(parsed.tree);
  const start = yamlNode?.position?.start.offset;
  const end = yamlNode?.position?.end.offset;
  if (!yamlNode || start === undefined || end === undefined) {
    const opening = text.split('\n', 1)[0]!.slice(0, 80);
    return { problem: `a resposta não é uma aula: não começa com o frontmatter entre linhas "---" (primeira linha: "${opening}"); esperado um único documento MDX que abre com o frontmatter. Rode de novo ou use outro modelo.` };
  }
  const doc = parseDocument(yamlNode.value);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    const reason = doc.errors[0]?.message.split('\n')[0] ?? 'não é um mapa de campos';
    return { problem: `o frontmatter da resposta não é YAML válido: ${reason}; esperado campos como title, description e order. Rode de novo ou use outro modelo.` };
  }
  const changes: string[] = [];
  for (const [field, value] of Object.entries(forcedDraftFields)) {
    const written = doc.get(field);
    if (written !== value) changes.push(`${field}: ${written === undefined ? '(ausente)' : String(written)} → ${value}`);
    doc.set(field, value);
  }
  if (doc.has('reviewer')) {
    changes.push(`reviewer: ${String(doc.get('reviewer'))} → (removido)`);
    doc.delete('reviewer');
  }
  const source = `${text.slice(0, start)}---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---${text.slice(end)}`;
  return { source: source.endsWith('\n') ? source : `${source}\n`, changes };
}

import { isMap, isScalar } from 'yaml';
import { parseFrontmatterYaml } from '../../utils/frontmatter.ts';
import type { Point, Rule } from '../types.ts';
import { pointInBlock } from '../text.ts';

/** Markers of unfinished text; upper case only, since "Todo" is a Portuguese word. */
const markers = /(?<![\p{L}\p{N}])(?:TODO|TBD|FIXME|XXX)(?![\p{L}\p{N}])|lorem ipsum/giu;
const isMarker = (match: string) => match === match.toUpperCase() || /^lorem ipsum$/i.test(match);

/** An ellipsis standing for omitted content: alone, or in brackets ("[...]", "(…)"). */
const stub = /^[[(]?\s*(?:\.{3,}|…)\s*[\])]?$/;

/** Comment openers of the fence languages lessons use; a line that is only a comment holding a stub is a stub. */
const commentOnly = /^(?:\/\/+|#+|--|;+|%%|\/\*+|<!--)\s*(.*?)\s*(?:\*+\/|-->)?$/;

/** Top-level string fields of the frontmatter (title, description…), where scaffold hints also live. */
function frontmatterStrings(tree: Parameters<Rule['check']>[0]['tree']): { field: string; value: string; at: Point }[] {
  const yamlNode = tree.children[0];
  if (yamlNode?.type !== 'yaml') return [];
  const { document, lineCounter } = parseFrontmatterYaml(yamlNode);
  if (document.errors.length > 0 || !isMap(document.contents)) return [];
  const firstLine = (yamlNode.position?.start.line ?? 1) + 1;
  const fields: { field: string; value: string; at: Point }[] = [];
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string') continue;
    const position = lineCounter.linePos(pair.value.range?.[0] ?? 0);
    fields.push({ field: String(pair.key.value), value: pair.value.value, at: { line: firstLine + position.line - 1, column: position.col } });
  }
  return fields;
}

export const rule: Rule = {
  id: 'placeholders',
  severity: 'error',
  summary: 'Nada de TODO, FIXME, TBD, lorem ipsum ou "..." no lugar de conteúdo.',
  docs: {
    why: 'Marcadores de rascunho e reticências no lugar de código ("// ...") deixam a pessoa sem a parte que mais importa — justamente a que o autor pulou. Exemplos precisam estar completos para poderem ser copiados e rodados. Reticências dentro de uma frase e o operador de espalhamento (...args) são permitidos.',
    good: 'const pedido = { ...rascunho, status: "pago" };\n\nO servidor espera, reenvia, espera de novo... até o limite de 3 tentativas.',
    bad: 'TODO: explicar o backoff.\n\n```ts\nasync function pagar() {\n  // ...\n}\n```',
  },
  check({ doc, tree, report }) {
    for (const { field, value, at } of frontmatterStrings(tree)) {
      const marker = [...value.matchAll(markers)].find((match) => isMarker(match[0]));
      if (!marker) continue;
      report({
        at,
        message: `marcador de rascunho no frontmatter: ${field} contém "${marker[0]}"; esperado o texto final. Reescreva o campo ${field}.`,
      });
    }
    for (const block of doc.prose) {
      for (const match of block.text.matchAll(markers)) {
        if (!isMarker(match[0])) continue;
        report({
          at: pointInBlock(block, match.index),
          message: `marcador de rascunho no texto: encontrado "${match[0]}"; esperado texto final. Escreva o conteúdo que falta ou remova o marcador.`,
        });
      }
      if (stub.test(block.text.trim())) {
        report({
          at: block.node,
          message: `reticências no lugar de conteúdo: o ${block.node.type === 'tableCell' ? 'campo da tabela' : 'parágrafo'} contém só "${block.text.trim()}"; esperado o texto de verdade. Escreva o conteúdo ou remova o trecho.`,
        });
      }
    }
    for (const node of doc.code) {
      const start = node.position?.start ?? { line: 1, column: 1 };
      node.value.split('\n').forEach((line, index) => {
        const trimmed = line.trim();
        const comment = commentOnly.exec(trimmed);
        const content = comment ? comment[1]! : trimmed;
        const marker = [...content.matchAll(markers)].find((match) => isMarker(match[0]));
        const isStub = stub.test(content) && (comment !== null || trimmed === content);
        if (!isStub && !(comment && marker)) return;
        report({
          at: { line: start.line + index + 1, column: start.column + line.length - line.trimStart().length },
          message: `${isStub ? 'código omitido' : 'marcador de rascunho no código'}: a linha ${index + 1} do bloco ${node.lang ?? ''} é "${trimmed}"; esperado código completo, que rode se copiado. Escreva o trecho que falta ou tire a linha.`,
        });
      });
    }
  },
};

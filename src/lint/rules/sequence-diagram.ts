import type { Code } from 'mdast';
import { parseMermaid } from '../mermaid.ts';
import type { Rule } from '../types.ts';

const diagramSection = 'Como funciona';

/** Line of the diagram's first source line in the MDX file: the line after the opening fence. */
function firstDiagramLine(node: Code): number {
  return (node.position?.start.line ?? 1) + 1;
}

export const rule: Rule = {
  id: 'sequence-diagram',
  severity: 'error',
  summary: '"Como funciona" tem um sequenceDiagram; todo diagrama mermaid é válido e tem accTitle e accDescr.',
  docs: {
    why: 'Um diagrama de sequência mostra quem fala com quem e em que ordem — o coração de "Como funciona". O diagrama é conferido pelo próprio parser do mermaid, para que um erro de sintaxe apareça aqui, com a linha, e não como um diagrama quebrado na página. accTitle e accDescr viram o título e a descrição acessíveis do SVG: sem eles, quem usa leitor de tela não sabe o que o diagrama mostra.',
    good: '```mermaid\nsequenceDiagram\n  accTitle: Requisição com chave de idempotência\n  accDescr: O cliente repete o POST e o servidor devolve a resposta guardada.\n  Cliente->>API: POST /pagamentos (Idempotency-Key: 7f3a)\n  API-->>Cliente: 201 Created\n```',
    bad: '```mermaid\nsequenceDiagram\n  Cliente->>: POST /pagamentos\n```',
  },
  async check({ doc, report }) {
    const diagrams = doc.code.filter((node) => node.lang === 'mermaid');
    const section = doc.section(diagramSection);
    let sequenceInSection = false;
    for (const node of diagrams) {
      const outcome = await parseMermaid(node.value);
      const inSection = section !== undefined && doc.sectionAt(node.position?.start.line ?? 0) === section;
      const fenceColumn = node.position?.start.column ?? 1;
      if (!outcome.ok) {
        const line = outcome.line === undefined ? (node.position?.start.line ?? 1) : firstDiagramLine(node) + outcome.line - 1;
        const sourceLine = outcome.line === undefined ? undefined : node.value.split('\n')[outcome.line - 1]?.trim();
        const expected = outcome.expected?.length
          ? `esperado um destes: ${outcome.expected.slice(0, 8).join(', ')}${outcome.expected.length > 8 ? '…' : ''}`
          : 'esperado um diagrama que o mermaid aceite';
        report({
          at: { line, column: outcome.column === undefined ? fenceColumn : fenceColumn - 1 + outcome.column },
          message: `diagrama mermaid inválido: ${outcome.reason}${sourceLine ? ` em "${sourceLine}"` : ''}; ${expected}. Corrija a sintaxe nessa linha do diagrama.`,
        });
        if (inSection && outcome.type === 'sequence') sequenceInSection = true;
        continue;
      }
      if (inSection && outcome.type === 'sequence') sequenceInSection = true;
      const missing = [outcome.accTitle.trim() ? undefined : 'accTitle', outcome.accDescr.trim() ? undefined : 'accDescr'].filter(Boolean);
      if (missing.length > 0) {
        report({
          at: node,
          message: `diagrama sem descrição acessível: falta ${missing.join(' e ')}; esperado "accTitle: <título curto>" e "accDescr: <o que o diagrama mostra>" logo após "${outcome.type === 'sequence' ? 'sequenceDiagram' : 'a primeira linha'}". Adicione as linhas que faltam.`,
        });
      }
    }
    if (section && !sequenceInSection) {
      const others = diagrams.filter((node) => doc.sectionAt(node.position?.start.line ?? 0) === section).length;
      report({
        at: section.heading,
        message: `"${diagramSection}" sem diagrama de sequência: encontrado ${others === 0 ? 'nenhum bloco mermaid' : `${others} diagrama(s) de outro tipo`} na seção; esperado um bloco \`\`\`mermaid com sequenceDiagram mostrando a troca de mensagens. Adicione o diagrama.`,
      });
    }
  },
};

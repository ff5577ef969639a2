import type { Table } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Rule } from '../types.ts';

const whenSection = 'Quando usar';

export const rule: Rule = {
  id: 'comparison-table',
  severity: 'error',
  summary: '"Quando usar" compara alternativas numa tabela com pelo menos 3 colunas e 2 linhas.',
  docs: {
    why: 'Decidir é comparar: uma tabela lado a lado (critério × alternativas) mostra quando cada opção vence e quanto custa, o que uma lista de prós e contras solta não faz. Com menos de três colunas ou de duas linhas não há comparação.',
    good: '| Critério | Chave de idempotência | Operação naturalmente idempotente |\n| --- | --- | --- |\n| Armazenamento extra | 1 linha por chave (24 h) | nenhum |\n| Serve para POST | sim | não |',
    bad: 'Use idempotência quando houver retries.',
  },
  check({ doc, config, report }) {
    const section = doc.section(whenSection);
    if (!section) return;
    const tables: Table[] = [];
    for (const node of section.nodes) {
      visit(node, 'table', (table) => {
        tables.push(table);
      });
    }
    const size = (table: Table) => ({ columns: table.children[0]?.children.length ?? 0, rows: Math.max(0, table.children.length - 1) });
    if (tables.some((table) => size(table).columns >= config.minTableColumns && size(table).rows >= config.minTableRows)) return;
    const biggest = tables.map(size).sort((a, b) => b.columns * b.rows - a.columns * a.rows)[0];
    report({
      at: tables[0] ?? section.heading,
      message: `"${whenSection}" sem tabela comparativa: encontrado ${biggest ? `uma tabela de ${biggest.columns} colunas e ${biggest.rows} linhas` : 'nenhuma tabela'}; esperado uma tabela GFM com pelo menos ${config.minTableColumns} colunas (critério e alternativas) e ${config.minTableRows} linhas. Compare as alternativas lado a lado.`,
    });
  },
};

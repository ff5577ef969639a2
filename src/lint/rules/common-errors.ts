import type { List, ListItem, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Rule } from '../types.ts';
import { countWords, proseWordCount } from '../text.ts';

const errorsSection = 'Erros comuns';

export const rule: Rule = {
  id: 'common-errors',
  severity: 'error',
  summary: '"Erros comuns" lista pelo menos 4 erros, cada um explicado.',
  docs: {
    why: 'Os erros que derrubam sistemas em produção são o que mais se aprende numa aula. Cada erro precisa dizer o que dá errado e por quê — um item de duas palavras ("Esquecer timeout") não ensina a evitar o problema. Use H3 seguido de texto, ou itens de lista com uma explicação completa.',
    good: '### Gerar a chave no servidor\n\nSe o servidor cria a chave a cada tentativa, o retry do cliente chega com outra chave e o pagamento é cobrado duas vezes.',
    bad: '- Chave no servidor\n- Sem TTL\n- Timeout',
  },
  check({ doc, config, report }) {
    const section = doc.section(errorsSection);
    if (!section) return;
    const subsections: { heading: RootContent; nodes: RootContent[] }[] = [];
    for (const node of section.nodes) {
      if (node.type === 'heading' && node.depth === 3) subsections.push({ heading: node, nodes: [] });
      else subsections.at(-1)?.nodes.push(node);
    }
    let count = 0;
    if (subsections.length > 0) {
      count = subsections.length;
      for (const { heading, nodes } of subsections) {
        const words = proseWordCount(nodes);
        if (words < config.minErrorExplanationWords) {
          report({
            at: heading,
            message: `erro sem explicação: "### ${toString(heading)}" tem ${words} ${words === 1 ? 'palavra' : 'palavras'} de texto abaixo; esperado pelo menos ${config.minErrorExplanationWords} dizendo o que dá errado e como evitar. Explique o erro.`,
          });
        }
      }
    } else {
      const items = section.nodes.filter((node): node is List => node.type === 'list').flatMap((list) => list.children as ListItem[]);
      count = items.length;
      for (const item of items) {
        const words = countWords(toString(item));
        if (words < config.minErrorExplanationWords) {
          report({
            at: item,
            message: `erro sem explicação: o item "${toString(item).slice(0, 60)}" tem ${words} ${words === 1 ? 'palavra' : 'palavras'}; esperado pelo menos ${config.minErrorExplanationWords} dizendo o que dá errado e como evitar. Complete o item.`,
          });
        }
      }
    }
    if (count < config.minCommonErrors) {
      report({
        at: section.heading,
        message: `poucos erros comuns: encontrado ${count} ${count === 1 ? 'erro' : 'erros'} (itens de lista ou títulos H3); esperado pelo menos ${config.minCommonErrors}. Acrescente os erros que você já viu em produção.`,
      });
    }
  },
};

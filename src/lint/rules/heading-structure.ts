import { toString } from 'mdast-util-to-string';
import { slug } from 'github-slugger';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'heading-structure',
  severity: 'error',
  summary: 'Sem H1 no corpo, sem pular níveis de título e sem títulos repetidos.',
  docs: {
    why: 'O título da aula (H1) vem do frontmatter; um segundo H1 confunde leitores de tela e o sumário. Pular de H2 para H4 quebra a hierarquia que tecnologias assistivas usam para navegar. Dois títulos iguais geram âncoras iguais (#exemplo, #exemplo-1), e os links para eles ficam ambíguos.',
    good: '## Na prática\n\n### Cliente em TypeScript\n\n### Servidor em Go',
    bad: '# Idempotência\n\n## Na prática\n\n#### Cliente\n\n### Exemplo\n\n### Exemplo',
  },
  check({ doc, report }) {
    // The page renders the frontmatter title as H1, so the body starts under it.
    let previous = 1;
    const slugs = new Map<string, number>();
    for (const node of doc.headings) {
      const text = toString(node).trim();
      const line = node.position?.start.line ?? 1;
      if (node.depth === 1) {
        report({
          at: node,
          message: `H1 no corpo da aula: encontrado "# ${text}"; esperado títulos a partir de H2, porque o título da página vem do campo title do frontmatter. Troque "#" por "##" ou remova a linha.`,
        });
      } else if (node.depth > previous + 1) {
        report({
          at: node,
          message: `nível de título pulado: H${node.depth} "${text}" vem logo depois de um H${previous}; esperado no máximo H${previous + 1}. Use ${'#'.repeat(previous + 1)} ou adicione o título intermediário.`,
        });
      }
      previous = node.depth;
      const key = slug(text);
      const first = slugs.get(key);
      if (first !== undefined) {
        report({
          at: node,
          message: `título repetido: "${text}" gera a mesma âncora #${key} do título da linha ${first}; esperado títulos únicos, para que links e sumário apontem para um lugar só. Dê um nome mais específico.`,
        });
      } else {
        slugs.set(key, line);
      }
    }
  },
};

import type { Rule } from '../types.ts';
import { fold, proseWordCount } from '../text.ts';

/** Comparable form of a heading: no accents, case, punctuation or repeated spaces ("Erros Comuns:" ≈ "Erros comuns"). */
function loose(title: string): string {
  return fold(title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export const rule: Rule = {
  id: 'required-sections',
  severity: 'error',
  summary: 'As cinco seções obrigatórias, uma vez cada, na ordem, com o texto exato e conteúdo suficiente.',
  docs: {
    why: 'Toda aula segue o mesmo caminho — o que é, como funciona, na prática, quando usar e erros comuns — para que quem estuda saiba onde encontrar cada coisa e para que o sumário, os links entre aulas (#na-prática) e a revisão funcionem igual em todas. Seções extras (como Referências) vêm depois de Erros comuns. Uma seção só com um título ou duas frases não ensina: cada uma precisa de um mínimo de palavras de texto corrido (código não conta).',
    good: '## O que é\n\nIdempotência é a propriedade de uma operação que pode ser repetida…\n\n## Como funciona\n…\n## Na prática\n…\n## Quando usar\n…\n## Erros comuns\n…\n## Referências',
    bad: '## O que e\n\nTexto.\n\n## Na prática\n…\n## Referências\n…\n## Erros Comuns',
  },
  check({ doc, config, report }) {
    const required = config.requiredSections;
    const byLoose = new Map(required.map((title) => [loose(title), title]));
    /** Canonical title of each H2 (exact or near miss), or undefined for extra sections. */
    const canonical = doc.sections.map((section) => {
      if (required.includes(section.title)) return section.title;
      const near = byLoose.get(loose(section.title));
      if (near) {
        report({
          at: section.heading,
          message: `título de seção fora do padrão: encontrado "## ${section.title}"; esperado exatamente "## ${near}" (mesmas letras, acentos e maiúsculas). Renomeie o título.`,
        });
      }
      return near;
    });

    const seen = new Map<string, number>();
    let highest = -1;
    doc.sections.forEach((section, index) => {
      const title = canonical[index];
      if (!title) return;
      const first = seen.get(title);
      if (first !== undefined) {
        report({
          at: section.heading,
          message: `seção repetida: "## ${title}" já aparece na linha ${doc.sections[first]!.heading.position?.start.line}; esperado uma única seção "${title}". Junte o conteúdo das duas.`,
        });
        return;
      }
      seen.set(title, index);
      const order = required.indexOf(title);
      if (order < highest) {
        report({
          at: section.heading,
          message: `seção fora de ordem: "## ${title}" aparece depois de "## ${required[highest]}"; esperado a ordem ${required.join(' → ')}. Mova a seção para o lugar certo.`,
        });
      } else {
        highest = order;
      }
    });

    // Missing sections are reported where they should be inserted: at the next section that follows them in the contract, or the end of the file.
    required.forEach((title, order) => {
      if (seen.has(title)) return;
      const nextPresent = required.slice(order + 1).find((later) => seen.has(later));
      const previousPresent = required.slice(0, order).reverse().find((earlier) => seen.has(earlier));
      const nextHeading = nextPresent ? doc.sections[seen.get(nextPresent)!]!.heading : undefined;
      const afterPrevious = previousPresent
        ? doc.sections.slice(seen.get(previousPresent)! + 1).find((section) => canonical[doc.sections.indexOf(section)] === undefined)?.heading
        : undefined;
      const at = nextHeading ?? afterPrevious ?? { line: doc.lastLine, column: 1 };
      const where = previousPresent ? `depois de "## ${previousPresent}"` : 'antes das demais seções';
      report({
        at,
        message: `seção obrigatória ausente: nenhuma "## ${title}" encontrada; esperado as cinco seções ${required.join(', ')}. Adicione "## ${title}" ${where}.`,
      });
    });

    const lastRequired = required.at(-1)!;
    // Without "Erros comuns" (already reported missing), only extras interleaved with required sections are out of place.
    const limit = seen.get(lastRequired) ?? Math.max(-1, ...seen.values());
    doc.sections.forEach((section, index) => {
      if (canonical[index] !== undefined) return;
      if (index < limit) {
        report({
          at: section.heading,
          message: `seção extra antes de "${lastRequired}": encontrado "## ${section.title}"; esperado apenas as seções obrigatórias até "## ${lastRequired}" — seções extras (como Referências) vêm depois dela. Mova a seção para o fim ou transforme-a em H3 dentro da seção certa.`,
        });
      }
    });

    doc.sections.forEach((section, index) => {
      if (canonical[index] === undefined || seen.get(canonical[index]!) !== index) return;
      const words = proseWordCount(section.nodes);
      if (words === 0) {
        report({
          at: section.heading,
          message: `seção vazia: "## ${section.title}" não tem texto; esperado pelo menos ${config.minSectionWords} palavras de explicação (código não conta). Escreva a seção.`,
        });
      } else if (words < config.minSectionWords) {
        report({
          at: section.heading,
          message: `seção curta demais: "## ${section.title}" tem ${words} ${words === 1 ? 'palavra' : 'palavras'} de texto; esperado pelo menos ${config.minSectionWords} (código não conta). Explique mais: o porquê, um exemplo, um número.`,
        });
      }
    });
  },
};

import type { Rule } from '../types.ts';
import { escapeRegExp, fold, memoizedPattern, pointInBlock, sentences, termMatcher } from '../text.ts';

/** A number followed by a unit: "120 ms", "1,5 GB", "30%", "2.000 req/s". */
export const unitPattern = memoizedPattern((units) => {
  const alternatives = [...new Set(units)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return `(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)*\\s?(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;
}, 'gu');

export const rule: Rule = {
  id: 'concreteness',
  severity: 'error',
  summary: 'Números com unidade em vez de adjetivos: um mínimo por aula, e "rápido", "muito", "escalável"… só com um número ao lado.',
  docs: {
    why: '"Rápido" não diz nada a quem vai dimensionar um sistema; "responde em 12 ms no p99 com 3.000 req/s" diz. A aula precisa de números com unidade no texto e nas tabelas (latências, tamanhos, taxas, porcentagens), e cada adjetivo vago precisa de um número na mesma frase que o sustente — senão é um aviso. Comparações explícitas com um limite (\"mais lento que o timeout do proxy\") não contam como vagas.',
    good: 'Com o cache quente, a consulta cai de 180 ms para 4 ms, e o banco passa de 2.000 para 150 consultas/s.',
    bad: 'Com cache, a consulta fica muito mais rápida e o sistema fica escalável.',
  },
  check({ doc, config, report }) {
    const units = unitPattern(config.units);
    const vague = termMatcher(config.vagueWords);
    let count = 0;
    for (const block of doc.prose) {
      count += block.text.match(units)?.length ?? 0;
      if (block.node.type === 'heading') continue;
      for (const sentence of sentences(block.text)) {
        if (/\d/.test(sentence.text)) continue;
        const folded = fold(sentence.text);
        for (const match of folded.matchAll(vague)) {
          // "mais lento que o timeout do proxy" states a relation to a named limit, not an unmeasured claim.
          const before = folded.slice(0, match.index);
          const after = folded.slice(match.index + match[0].length);
          if (/(?:^|\s)(?:mais|menos)\s+$/.test(before) && /^\s+(?:do\s+)?que(?![\p{L}\p{N}])/u.test(after)) continue;
          // fold() keeps string length for Portuguese letters (NFD marks removed one for one), so offsets map back.
          const original = sentence.text.slice(match.index, match.index + match[0].length);
          report({
            at: pointInBlock(block, sentence.offset + match.index),
            severity: 'warning',
            message: `palavra vaga sem número: "${original}" em "${sentence.text.trim().slice(0, 80)}"; esperado um número com unidade na mesma frase (ex.: "12 ms no p99", "3x menos memória"). Meça e escreva o número, ou troque a palavra.`,
          });
        }
      }
    }
    if (count < config.minUnitNumbers) {
      report({
        at: doc.start,
        message: `poucos números concretos: encontrado ${count} ${count === 1 ? 'número' : 'números'} com unidade (ms, KB, req/s, %…) no texto e nas tabelas; esperado pelo menos ${config.minUnitNumbers}. Troque adjetivos por medidas: latências, tamanhos, taxas, limites.`,
      });
    }
  },
};

import type { Rule } from '../types.ts';
import { countWords } from '../text.ts';
import { findSuppressionComments, parseSuppression, suppressionDirective } from '../suppressions.ts';

export const suppressionRuleId = 'suppression';

export const rule: Rule = {
  id: suppressionRuleId,
  severity: 'error',
  summary: 'Silenciar uma regra exige o id da regra e um motivo, e só vale para o bloco seguinte.',
  docs: {
    why: `Às vezes uma regra não se aplica (um exemplo que mostra de propósito um código errado, por exemplo). Silenciar é permitido, mas só para o bloco seguinte e com um motivo escrito, para que a revisão possa concordar ou não. O comentário é uma expressão MDX: {/* ${suppressionDirective} <id-da-regra> -- <motivo> */}, numa linha própria, logo antes do título, parágrafo, tabela ou bloco de código em questão. Sem motivo, com uma regra que não existe, ou sem efeito (nada para silenciar no bloco seguinte), o próprio comentário vira um problema.`,
    good: `{/* ${suppressionDirective} placeholders -- o exemplo mostra de propósito um handler incompleto */}\n\`\`\`ts\nfunction handler() {\n  // ...\n}\n\`\`\``,
    bad: `{/* ${suppressionDirective} placeholders */}\n\`\`\`ts\n// ...\n\`\`\``,
  },
  check({ doc, config, suppressibleRuleIds, report }) {
    for (const comment of findSuppressionComments(doc)) {
      const at = { line: comment.line, column: comment.column };
      if (!comment.exact) {
        report({
          at,
          message: `diretiva de supressão desconhecida: encontrado um comentário "lesson-lint-…" diferente de "${suppressionDirective}"; esperado {/* ${suppressionDirective} <id-da-regra> -- <motivo> */}. Corrija o nome da diretiva.`,
        });
        continue;
      }
      if (!comment.covers) {
        report({
          at,
          message: `supressão dentro de uma linha de texto: o comentário está no meio de um parágrafo; esperado {/* ${suppressionDirective} … */} sozinho numa linha, antes do bloco a silenciar. Mova o comentário para a linha de cima do bloco.`,
        });
        continue;
      }
      const { ruleIds, reason } = parseSuppression(comment.rest);
      if (ruleIds.length === 0) {
        report({ at, message: `supressão sem regra: nenhum id de regra depois de "${suppressionDirective}"; esperado {/* ${suppressionDirective} <id-da-regra> -- <motivo> */}. Escreva qual regra silenciar.` });
      }
      for (const id of ruleIds) {
        if (!suppressibleRuleIds.includes(id)) {
          report({
            at,
            message: `supressão de regra desconhecida: "${id}"; esperado um destes ids: ${suppressibleRuleIds.join(', ')}. Corrija o id.`,
          });
        }
      }
      if (countWords(reason) < config.minSuppressionReasonWords) {
        report({
          at,
          message: `supressão sem motivo: encontrado ${reason ? `"${reason}"` : 'nada'} depois de "--"; esperado um motivo de pelo menos ${config.minSuppressionReasonWords} palavras, ex.: {/* ${suppressionDirective} ${ruleIds[0] ?? 'placeholders'} -- o exemplo mostra de propósito um código incompleto */}. Explique por que a regra não se aplica.`,
        });
      }
    }
  },
};

import type { Rule } from '../types.ts';
import { fold, termMatcher } from '../text.ts';

export const rule: Rule = {
  id: 'checklist-coverage',
  severity: 'warning',
  summary: 'A aula discute segurança, escala e modos de falha.',
  docs: {
    why: 'Todo mecanismo de backend tem um lado de segurança (quem pode abusar dele), de escala (o que acontece com 10x a carga) e de falha (o que quebra quando a rede, o disco ou o outro serviço falham). Uma aula que ignora um desses lados deixa a pessoa despreparada para produção. A regra procura termos de cada tema no texto, sem diferenciar acentos e maiúsculas; é um aviso, para a revisão conferir.',
    good: 'Um atacante que reenvia a mesma chave não cobra duas vezes (segurança); com 5.000 req/s a tabela de chaves cresce 400 MB por dia (escala); se o banco cair no meio, o timeout do cliente dispara um retry (falha).',
    bad: 'A aula explica a ideia e mostra o código, sem falar de ataques, de carga ou do que acontece quando algo falha.',
  },
  check({ doc, config, report }) {
    const text = fold(doc.prose.map((block) => block.text).join('\n'));
    for (const topic of config.checklistTopics) {
      const matcher = termMatcher(topic.terms);
      if (matcher.test(text)) continue;
      report({
        at: doc.start,
        message: `tema não discutido: ${topic.label} — nenhum dos termos ${topic.terms.slice(0, 6).map((term) => `"${term}"`).join(', ')}… aparece no texto; esperado que a aula trate de ${topic.label}. Acrescente um parágrafo ou um erro comum sobre o tema.`,
      });
    }
  },
};

import type { Code } from 'mdast';
import { type CodeProblem, handlesErrors, isScriptLanguage, jsonProblems, scriptProblems, yamlProblems } from '../code-parse.ts';
import { canonicalLanguage, suggestLanguage } from '../languages.ts';
import type { Point, Rule } from '../types.ts';

const practiceSection = 'Na prática';

/** Source point of a line/column inside a fenced block. */
function pointInCode(node: Code, problem: CodeProblem): Point {
  const start = node.position?.start ?? { line: 1, column: 1 };
  return { line: start.line + problem.line, column: start.column - 1 + problem.column };
}

export const rule: Rule = {
  id: 'code-examples',
  severity: 'error',
  summary: 'Blocos de código com linguagem conhecida e sintaxe válida; "Na prática" em duas linguagens, com tratamento de erro.',
  docs: {
    why: 'Sem linguagem o bloco sai sem destaque de sintaxe, e uma linguagem que o shiki não conhece quebra o destaque. Código que nem compila ensina errado. Mostrar o mesmo mecanismo em pelo menos duas linguagens de programação separa a ideia da biblioteca, e pelo menos um exemplo precisa tratar o erro, porque é no caminho de falha que o backend quebra (shell, JSON, YAML, HTTP, SQL e texto não contam como linguagens de programação).',
    good: '```ts title="cliente.ts"\ntry {\n  await pagar(pedido);\n} catch (erro) {\n  registrar(erro);\n}\n```\n\n```go\nif err != nil {\n\treturn fmt.Errorf("pagar: %w", err)\n}\n```',
    bad: '```\ncurl -X POST /pagamentos\n```\n\n```typescript\nconst x = {\n```',
  },
  check({ doc, config, report }) {
    const nonProgramming = new Set(config.nonProgrammingLanguages.map((lang) => canonicalLanguage(lang) ?? lang));
    const practice = doc.section(practiceSection);
    const practiceLanguages = new Set<string>();
    let handlesInPractice = false;

    for (const node of doc.code) {
      if (!node.lang) {
        report({
          at: node,
          message: 'bloco de código sem linguagem: encontrado ``` sem nome de linguagem; esperado uma linguagem que o shiki conheça (ts, go, python, bash, json, text…). Escreva a linguagem logo após as crases, ex.: ```ts.',
        });
        continue;
      }
      const language = node.lang === 'mermaid' ? 'mermaid' : canonicalLanguage(node.lang);
      if (!language) {
        const suggestion = suggestLanguage(node.lang);
        report({
          at: node,
          message: `linguagem desconhecida: encontrado \`\`\`${node.lang}; esperado uma linguagem que o shiki conheça${suggestion ? ` (você quis dizer "${suggestion}"?)` : ' (ts, go, python, bash, json, text…)'}. Corrija o nome da linguagem.`,
        });
        continue;
      }
      const problems = isScriptLanguage(language)
        ? scriptProblems(node.value, language)
        : language === 'json'
          ? jsonProblems(node.value)
          : language === 'yaml'
            ? yamlProblems(node.value)
            : [];
      const first = problems[0];
      if (first) {
        report({
          at: pointInCode(node, first),
          message: `código ${node.lang} com erro de sintaxe: "${first.reason}"${problems.length > 1 ? ` (e mais ${problems.length - 1})` : ''}; esperado código que o parser de ${language} aceite. Corrija o trecho — exemplos precisam rodar como estão.`,
        });
      }
      if (practice && doc.sectionAt(node.position?.start.line ?? 0) === practice && !nonProgramming.has(language)) {
        practiceLanguages.add(language);
        if (!handlesInPractice && handlesErrors(node.value, language)) handlesInPractice = true;
      }
    }

    if (!practice) return;
    if (practiceLanguages.size < config.minPracticeLanguages) {
      const found = practiceLanguages.size === 0 ? 'nenhuma' : [...practiceLanguages].join(', ');
      report({
        at: practice.heading,
        message: `"${practiceSection}" com poucas linguagens: encontrado ${found}; esperado pelo menos ${config.minPracticeLanguages} linguagens de programação (shell, JSON, YAML, HTTP, SQL e texto não contam). Mostre o mesmo mecanismo em outra linguagem.`,
      });
    }
    if (practiceLanguages.size > 0 && !handlesInPractice) {
      report({
        at: practice.heading,
        message: `"${practiceSection}" sem tratamento de erro: nenhum exemplo em ${[...practiceLanguages].join(', ')} trata falhas; esperado pelo menos um com try/catch, .catch(...), except, if err != nil, Result/Err ou equivalente. Mostre o que acontece quando a operação falha.`,
      });
    }
  },
};

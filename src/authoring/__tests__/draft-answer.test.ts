import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFrontmatter } from '../../utils/frontmatter.ts';
import { toDraftLesson } from '../draft-answer.ts';
import { modelAnswerFile } from './temp-room.ts';

const answer = readFileSync(modelAnswerFile, 'utf8');

function accepted(text: string) {
  const result = toDraftLesson(text);
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

describe('model answer to draft lesson', () => {
  it('forces origin agent and status draft and drops the reviewer, keeping everything else', () => {
    const { source, changes } = accepted(answer);
    const { data, diagnostics } = checkFrontmatter('x.mdx', source);
    expect(diagnostics).toEqual([]);
    expect(data).toMatchObject({ origin: 'agent', status: 'draft', title: 'Retries com backoff exponencial', order: 2 });
    expect(data?.reviewer).toBeUndefined();
    expect(changes).toEqual(['origin: human → agent', 'status: published → draft', 'reviewer: Fulano de Tal → (removido)']);
    expect(source.slice(source.indexOf('\n---\n', 4))).toBe(answer.slice(answer.indexOf('\n---\n', 4)));
    expect(source).toContain('tags: [retries, resiliencia]\nprerequisites: [resiliencia/timeouts]\n');
    expect(source).toContain('description: "Quando repetir uma chamada que falhou, quanto esperar entre as tentativas e como evitar que os retries derrubem o serviço que já está com problemas."');
  });

  it('adds the two fields when the model left them out', () => {
    const { source, changes } = accepted(answer.replace('status: published\norigin: human\n', ''));
    expect(checkFrontmatter('x.mdx', source).data).toMatchObject({ origin: 'agent', status: 'draft' });
    expect(changes).toContain('status: (ausente) → draft');
  });

  it.each(['```mdx', '```', '```markdown'])('strips one surrounding %s fence, leaving the inner fences alone', (opening) => {
    const { source } = accepted(`${opening}\n${answer}\n\`\`\`\n`);
    expect(source.startsWith('---\n')).toBe(true);
    expect(source).toContain('```mermaid\nsequenceDiagram');
    expect(source.trimEnd().endsWith('9 chamadas ao banco por requisição.')).toBe(true);
  });

  it('refuses an answer with text before the frontmatter', () => {
    const result = toDraftLesson(`Claro! Aqui está a aula:\n\n${answer}`);
    expect(result).toEqual({ problem: expect.stringContaining('não começa com o frontmatter') });
    expect('problem' in result && result.problem).toContain('primeira linha: "Claro! Aqui está a aula:"');
  });

  it('refuses plain prose', () => {
    expect(toDraftLesson('Não posso ajudar com isso.')).toEqual({ problem: expect.stringContaining('a resposta não é uma aula') });
  });

  it('refuses MDX that does not parse, with the position', () => {
    const result = toDraftLesson(answer.replace('## Como funciona', '## Como funciona\n\nUm <Term id="timeout">timeout sem fechar.'));
    expect(result).toEqual({ problem: expect.stringMatching(/^a resposta não é MDX válido: .+ \(linha \d+, coluna \d+ da resposta\)/) });
  });

  it('refuses frontmatter that is not a YAML map', () => {
    expect(toDraftLesson('---\ntitle: [aberto\n---\n\n## O que é\n')).toEqual({ problem: expect.stringContaining('não é YAML válido') });
    expect(toDraftLesson('---\n- item\n---\n\n## O que é\n')).toEqual({ problem: expect.stringContaining('não é um mapa de campos') });
  });
});

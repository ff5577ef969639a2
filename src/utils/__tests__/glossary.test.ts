import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkGlossary, foldText } from '../glossary.ts';

const lessons = new Set(['protocolos/http', 'autenticacao/jwt']);

async function check(yaml: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'glossario-'));
  const file = path.join(dir, 'glossary.yaml');
  await writeFile(file, yaml);
  return checkGlossary(file, lessons, 'content/glossary.yaml');
}

const etag = `- id: etag
  term: ETag
  definition: "Cabeçalho de resposta com um identificador opaco da versão atual de um recurso."
  aliases: [entity tag]
  lessons: [protocolos/http]
`;

describe('checkGlossary', () => {
  test('aceita um termo válido e aplica os padrões', async () => {
    const { entries, diagnostics } = await check(`${etag}- id: jwks
  term: JWKS
  definition: "Documento JSON com as chaves públicas de um emissor, cada uma com seu kid."
`);
    expect(diagnostics).toEqual([]);
    expect(entries.map((entry) => entry.id)).toEqual(['etag', 'jwks']);
    expect(entries[1]).toMatchObject({ aliases: [], lessons: [] });
  });

  test('uma aula inexistente é erro com arquivo, linha do item e termo', async () => {
    const { diagnostics } = await check(`${etag}- id: jwks
  term: JWKS
  definition: "Documento JSON com as chaves públicas de um emissor, cada uma com seu kid."
  lessons:
    - autenticacao/jwt
    - autenticacao/oauth
`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'content/glossary.yaml', line: 11, column: 7, severity: 'error', ruleId: 'glossary' });
    expect(diagnostics[0]!.message).toContain('termo "jwks": aula "autenticacao/oauth" não existe');
  });

  test('ids repetidos e nomes repetidos entre termos diferentes (sem olhar acentos) são erros, um de cada', async () => {
    const { diagnostics } = await check(`${etag}- id: etag
  term: Entity tag
  definition: "Outra definição do mesmo termo, que deveria estar junto da primeira."
- id: versao
  term: Versão
  definition: "Identificador da versão de um recurso, usado em requisições condicionais."
  aliases: [ETÁG]
`);
    expect(diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.message.split(';')[0]])).toEqual([
      [6, 'termo "etag": id repetido (já usado na linha 1)'],
      [12, 'termo "versao": o nome "ETÁG" já pertence ao termo "etag"'],
    ]);
  });

  test('campos inválidos apontam a linha do campo e seguem para os outros termos', async () => {
    const { entries, diagnostics } = await check(`- id: Curto
  term: X
  definition: "curta"
${etag}`);
    expect(entries.map((entry) => entry.id)).toEqual(['etag']);
    expect(diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.message.split(':')[0]}`)).toEqual(['1:id', '2:term', '3:definition']);
  });

  test('YAML quebrado ou que não é lista vira diagnóstico, não exceção', async () => {
    expect((await check('- id: a\n  definition: a: b\n')).diagnostics[0]!.message).toContain('YAML inválido no glossário');
    expect((await check('id: a\n')).diagnostics[0]!.message).toContain('esperado uma lista YAML de termos');
  });

  test('foldText ignora acentos e caixa', () => {
    expect(foldText('Idempotência')).toBe('idempotencia');
    expect(foldText('REVOGAÇÃO')).toBe('revogacao');
  });
});

describe('content/glossary.yaml', () => {
  test('is valid against the repository lessons', async () => {
    const { readdir } = await import('node:fs/promises');
    const root = path.resolve(import.meta.dirname, '../../..');
    const files = await readdir(path.join(root, 'content/lessons'), { recursive: true });
    const ids = new Set(files.filter((file) => file.endsWith('.mdx')).map((file) => file.replaceAll('\\', '/').replace(/\.mdx$/, '')));
    const { entries, diagnostics } = await checkGlossary(path.join(root, 'content/glossary.yaml'), ids);
    expect(diagnostics).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
  });
});

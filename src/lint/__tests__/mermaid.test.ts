import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { parseMermaid } from '../mermaid.ts';

const valid = `sequenceDiagram
  accTitle: Requisição com chave de idempotência
  accDescr: O cliente repete o POST e o servidor devolve a resposta guardada.
  participant C as Cliente
  participant A as API
  C->>A: POST /pagamentos
  A-->>C: 201 Created`;

describe('parseMermaid', () => {
  it('reads the type and the accessible title and description from mermaid\'s database', async () => {
    expect(await parseMermaid(valid)).toEqual({
      ok: true,
      type: 'sequence',
      accTitle: 'Requisição com chave de idempotência',
      accDescr: 'O cliente repete o POST e o servidor devolve a resposta guardada.',
    });
  });

  // Parsed after a valid diagram, so they go through the parser as it runs for every later diagram.
  it.each([
    ['a message without a target', 'sequenceDiagram\n  accTitle: t\n  Cliente->>: POST /pagamentos', 3, 'sintaxe inválida'],
    ['an unknown arrow', 'sequenceDiagram\n  participant A\n  participant B\n  A-~>B: oi', 4, undefined],
    ['an unclosed loop', 'sequenceDiagram\n  A->>B: oi\n  loop a cada 5 s\n  A->>B: de novo', undefined, undefined],
    ['deactivating an inactive participant', 'sequenceDiagram\n  A->>B: oi\n  deactivate A', undefined, undefined],
    ['a comment line before the error', 'sequenceDiagram\n  %% comentário\n  A->>B oi', 3, undefined],
    ['an unknown diagram type', 'sequenceDiagrm\n  A->>B: oi', 1, 'tipo de diagrama não reconhecido pelo mermaid'],
  ])('rejects %s, as mermaid.parse does, on the same line', async (_name, source, line, reason) => {
    await parseMermaid(valid);
    const outcome = await parseMermaid(source);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    if (line !== undefined) expect(outcome.line).toBe(line);
    if (reason !== undefined) expect(outcome.reason).toBe(reason);
    await expect(mermaid.parse(source)).rejects.toThrow();
  });

  it('gives every diagram its own database: a valid diagram after an invalid one still passes', async () => {
    await parseMermaid('sequenceDiagram\n  A->>B: oi\n  deactivate A');
    const other = valid.replace('POST /pagamentos', 'POST /reembolsos');
    expect(await parseMermaid(other)).toMatchObject({ ok: true, type: 'sequence' });
  });
});

import { describe, expect, it } from 'vitest';
import { checkFrontmatter } from '../frontmatter';

const lesson = (frontmatter: string, body = '## O que é\n\nTexto.\n') => `---\n${frontmatter}\n---\n\n${body}`;

const validFrontmatter = [
  'title: "HTTP: métodos, status e cabeçalhos"',
  'description: "Como uma requisição HTTP é montada, que método usar e que status responder em cada caso."',
  'order: 1',
  'level: iniciante',
  'tags: [http, protocolos]',
  'status: published',
  'origin: human',
  'updated: 2026-11-23',
].join('\n');

describe('checkFrontmatter', () => {
  it('returns the parsed data and no diagnostics for a valid lesson', () => {
    const result = checkFrontmatter('a.mdx', lesson(validFrontmatter));
    expect(result.diagnostics).toEqual([]);
    expect(result.data?.title).toBe('HTTP: métodos, status e cabeçalhos');
    expect(result.fieldLines.order).toBe(4);
  });

  it('points a schema error at the line of the field', () => {
    const source = lesson(validFrontmatter.replace('level: iniciante', 'level: básico'));
    const [diagnostic] = checkFrontmatter('content/lessons/protocolos/http.mdx', source).diagnostics;
    expect(diagnostic).toMatchObject({ file: 'content/lessons/protocolos/http.mdx', line: 5, column: 8, severity: 'error' });
    expect(diagnostic!.message).toContain('level: nível inválido: recebido "básico"');
  });

  it('points an error inside a list at the item', () => {
    const source = lesson(validFrontmatter.replace('tags: [http, protocolos]', 'tags:\n  - http\n  - Protocolos'));
    const [diagnostic] = checkFrontmatter('x.mdx', source).diagnostics;
    expect(diagnostic).toMatchObject({ line: 8, column: 5 });
    expect(diagnostic!.message).toContain('tags.1: tag inválida');
  });

  it('points a missing field at the frontmatter opening line', () => {
    const source = lesson(validFrontmatter.replace('origin: human\n', ''));
    const [diagnostic] = checkFrontmatter('x.mdx', source).diagnostics;
    expect(diagnostic!.line).toBe(1);
    expect(diagnostic!.message).toContain('origin: origem inválida: recebido nada (campo ausente)');
  });

  it('reports every problem, not only the first', () => {
    const source = lesson(validFrontmatter.replace('order: 1', 'order: 0').replace('status: published', 'status: pronto'));
    expect(checkFrontmatter('x.mdx', source).diagnostics.map((d) => d.line)).toEqual([4, 7]);
  });

  it('reports malformed YAML with its line instead of throwing', () => {
    const source = lesson(validFrontmatter.replace('order: 1', 'order: [1'));
    const diagnostics = checkFrontmatter('x.mdx', source).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.message).toContain('YAML inválido no frontmatter');
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('reports a file without frontmatter', () => {
    const [diagnostic] = checkFrontmatter('x.mdx', '## O que é\n\nTexto.\n').diagnostics;
    expect(diagnostic).toMatchObject({ line: 1, column: 1 });
    expect(diagnostic!.message).toContain('frontmatter ausente');
  });

  it('is not confused by MDX syntax errors in the body', () => {
    const result = checkFrontmatter('x.mdx', lesson(validFrontmatter, '## O que é\n\n<Callout>sem fechar\n'));
    expect(result.diagnostics).toEqual([]);
  });
});

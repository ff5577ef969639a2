import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, sortDiagnostics } from '../diagnostics';
import { checkFrontmatter } from '../frontmatter';
import { checkLessonCollection } from '../lesson-collection';

const fixture = (path: string) => fileURLToPath(new URL(`fixtures/collection/${path}`, import.meta.url));

describe('checkLessonCollection', () => {
  it('reports every bad file at once, each with file and line', async () => {
    const { lessons, diagnostics } = await checkLessonCollection({
      root: fixture(''),
      lessonsDir: fixture('lessons'),
      modulesFile: fixture('modules.yaml'),
    });
    const lines = sortDiagnostics(diagnostics).map(formatDiagnostic);
    expect(lines).toEqual([
      expect.stringMatching(/^lessons\/apis\/idempotencia\.mdx:5:8 {2}erro {2}level: nível inválido: recebido "expert".* {2}frontmatter$/),
      expect.stringMatching(/^lessons\/apis\/webhooks\.mdx:7:1 {2}erro {2}pré-requisito inexistente: "apis\/fila".* {2}lesson-graph$/),
      expect.stringMatching(/^lessons\/fantasma\/aula\.mdx:1:1 {2}erro {2}módulo desconhecido: a aula está na pasta "fantasma".*lesson-graph$/),
      expect.stringMatching(/^lessons\/protocolos\/notas\.md:1:1 {2}erro {2}caminho de aula inválido.*lesson-path$/),
    ]);
    expect(lessons.map((lesson) => lesson.id).sort()).toEqual(['apis/rest', 'apis/webhooks', 'fantasma/aula', 'protocolos/http']);
  });

  it('takes frontmatter results from a caller that already read the files, and counts a refused file as existing', async () => {
    const read: string[] = [];
    const { lessons, diagnostics } = await checkLessonCollection(
      { root: fixture(''), lessonsDir: fixture('lessons'), modulesFile: fixture('modules.yaml') },
      async (file, shown) => {
        read.push(shown);
        return shown === 'lessons/protocolos/http.mdx' ? undefined : checkFrontmatter(shown, await readFile(file, 'utf8'));
      },
    );
    expect(read).not.toContain('lessons/protocolos/notas.md');
    expect(read).toContain('lessons/protocolos/http.mdx');
    expect(lessons.map((lesson) => lesson.id).sort()).toEqual(['apis/rest', 'apis/webhooks', 'fantasma/aula']);
    expect(diagnostics.filter((diagnostic) => diagnostic.file === 'lessons/protocolos/http.mdx')).toEqual([]);
    // rest lists protocolos/http as a prerequisite: the refused file still exists, so that is not dangling.
    expect(diagnostics.some((diagnostic) => diagnostic.message.startsWith('pré-requisito inexistente: "protocolos/http"'))).toBe(false);
  });

  it('reports a missing modules file instead of throwing', async () => {
    const { diagnostics } = await checkLessonCollection({
      root: fixture(''),
      lessonsDir: fixture('lessons'),
      modulesFile: fixture('nao-existe.yaml'),
    });
    expect(diagnostics[0]!.message).toContain('lista de módulos ausente');
  });
});

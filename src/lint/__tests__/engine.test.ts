import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintLessons } from '../engine.ts';
import { modulesYaml, putFile } from './temp-project.ts';

const goodLessonFile = fileURLToPath(new URL('../rules/__fixtures__/sequence-diagram/ok.mdx', import.meta.url));
const good = readFileSync(goodLessonFile, 'utf8');
let root: string;

const put = (relative: string, content: string | Buffer) => putFile(root, relative, content);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lesson-lint-'));
  await put('content/modules.yaml', modulesYaml);
  await put('content/lessons/resiliencia/timeouts.mdx', good);
  await put(
    'content/lessons/protocolos/http.mdx',
    good.replace('title: "Timeouts em chamadas HTTP"', 'title: "HTTP"').replace('prerequisites: [protocolos/http]', 'prerequisites: []').replace(/\n## Erros comuns[\s\S]*$/, '\n'),
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// Every case reads and checks a whole temporary collection; the 5 MB file alone takes seconds on a busy machine.
describe('lintLessons', { timeout: 30_000 }, () => {
  it('passes a complete lesson', async () => {
    const { diagnostics, files } = await lintLessons({ root, paths: ['content/lessons/resiliencia/timeouts.mdx'] });
    expect(files).toEqual(['content/lessons/resiliencia/timeouts.mdx']);
    expect(diagnostics).toEqual([]);
  });

  it('reports a deleted "Erros comuns" with file and line', async () => {
    const { diagnostics } = await lintLessons({ root, paths: ['content/lessons/protocolos/http.mdx'] });
    const missing = diagnostics.find((d) => d.ruleId === 'required-sections' && d.message.includes('Erros comuns'));
    expect(missing).toMatchObject({ file: 'content/lessons/protocolos/http.mdx', severity: 'error' });
    expect(missing!.line).toBeGreaterThan(1);
  });

  it('checks anchors against other lessons of the collection when given one file', async () => {
    await put('content/lessons/resiliencia/retries.mdx', good.replace('order: 1', 'order: 2').replace('/protocolos/http/#como-funciona', '/protocolos/http/#nao-existe'));
    const { diagnostics } = await lintLessons({ root, paths: ['content/lessons/resiliencia/retries.mdx'] });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['links']);
    expect(diagnostics[0]!.message).toContain('#nao-existe');
    await rm(path.join(root, 'content/lessons/resiliencia/retries.mdx'));
  });

  describe('bad input: one clear diagnostic each, and the other files are still linted', () => {
    const cases: [string, string | Buffer, string, RegExp][] = [
      ['resiliencia/yaml.mdx', good.replace('order: 1', 'order: [1'), 'frontmatter', /YAML inválido/],
      ['resiliencia/mdx.mdx', good.replace('order: 1', 'order: 3').replace('Um timeout é', 'Um {timeout é'), 'mdx-syntax', /MDX inválido/],
      ['resiliencia/vazio.mdx', '', 'lesson-file', /arquivo vazio/],
      ['resiliencia/latin1.mdx', Buffer.from('---\ntitle: "Aten\xe7\xe3o"\n---\n', 'latin1'), 'lesson-file', /UTF-8/],
      ['resiliencia/enorme.mdx', `---\ntitle: x\n---\n\n${'a'.repeat(5 * 1024 * 1024)}`, 'lesson-file', /grande demais/],
      ['resiliencia/notas.md', '# Notas soltas\n', 'lesson-path', /caminho de aula inválido/],
    ];

    it.each(cases)('%s', async (relative, content, ruleId, message) => {
      await put(`content/lessons/${relative}`, content);
      try {
        const { diagnostics } = await lintLessons({ root, paths: [`content/lessons/${relative}`, 'content/lessons/protocolos/http.mdx'] });
        const own = diagnostics.filter((d) => d.file === `content/lessons/${relative}`);
        expect(own.filter((d) => d.ruleId === ruleId)).toHaveLength(1);
        expect(own.find((d) => d.ruleId === ruleId)!.message).toMatch(message);
        expect(own.every((d) => d.line >= 1 && d.column >= 1)).toBe(true);
        expect(own.some((d) => d.ruleId === 'internal')).toBe(false);
        expect(diagnostics.some((d) => d.file === 'content/lessons/protocolos/http.mdx' && d.ruleId === 'required-sections')).toBe(true);
      } finally {
        await rm(path.join(root, 'content/lessons', relative));
      }
    });

    it('positions an MDX syntax error where the parser stopped', async () => {
      await put('content/lessons/resiliencia/mdx.mdx', good.replace('order: 1', 'order: 3').replace('Um timeout é', 'Um {timeout é'));
      const { diagnostics } = await lintLessons({ root, paths: ['content/lessons/resiliencia/mdx.mdx'] });
      const syntax = diagnostics.find((d) => d.ruleId === 'mdx-syntax')!;
      expect(syntax.line).toBeGreaterThan(14);
      await rm(path.join(root, 'content/lessons/resiliencia/mdx.mdx'));
    });

    it('reports a file outside the lessons folder as not a lesson', async () => {
      await put('README.md', '# Projeto\n');
      const { diagnostics } = await lintLessons({ root, paths: ['README.md'] });
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ file: 'README.md', line: 1, column: 1, ruleId: 'lesson-file' });
    });
  });
});

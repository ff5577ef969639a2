import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintLessons } from '../../lint/engine.ts';
import { syntheticLesson } from '../synthetic-lessons.ts';

let root: string | undefined;

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

function diagramOf(lesson: string): string {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(lesson);
  if (!match) throw new Error('lesson without a mermaid fence');
  return match[1]!;
}

describe('syntheticLesson', () => {
  it('writes lessons that pass the schema, the collection checks and every lint rule', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'synthetic-lessons-'));
    await mkdir(path.join(root, 'content/lessons/apis'), { recursive: true });
    await writeFile(
      path.join(root, 'content/modules.yaml'),
      '- id: apis\n  title: APIs\n  summary: Módulo de teste das aulas sintéticas, com um resumo longo o bastante.\n  order: 1\n',
    );
    for (let index = 0; index < 8; index += 1) {
      const published = index % 2 === 0;
      const lesson = syntheticLesson({
        index,
        order: index + 1,
        status: published ? 'published' : 'draft',
        origin: published ? 'human' : 'agent',
        level: published ? 'avancado' : 'iniciante',
        tags: ['apis', `tema-${index % 3}`],
        ...(index > 0 ? { prerequisites: [`apis/aula-${index - 1}`] } : {}),
        ...(published ? { term: { id: 'http', text: 'HTTP' } } : {}),
      });
      await writeFile(path.join(root, 'content/lessons/apis', `aula-${index}.mdx`), lesson);
    }

    const { diagnostics, files } = await lintLessons({ root, workers: 0 });

    expect(files).toHaveLength(8);
    expect(diagnostics).toEqual([]);
  });

  it('draws a different diagram, with a different number of participants, for neighbouring lessons', () => {
    const base = { order: 1, status: 'published', origin: 'human', level: 'iniciante', tags: ['apis'] } as const;
    const diagrams = [0, 1, 2, 3].map((index) => diagramOf(syntheticLesson({ ...base, index })));

    expect(new Set(diagrams).size).toBe(4);
    expect(diagrams.map((diagram) => diagram.match(/^ {2}participant /gm)?.length)).toEqual([2, 3, 4, 5]);
  });

  it('links the glossary term and lists prerequisites only when asked to', () => {
    const base = { index: 7, order: 1, status: 'published', origin: 'human', level: 'iniciante', tags: ['apis'] } as const;

    expect(syntheticLesson(base)).not.toMatch(/<Term|prerequisites:/);
    expect(syntheticLesson({ ...base, term: { id: 'jwt', text: 'JWT' }, prerequisites: ['apis/rest'] })).toMatch(
      /prerequisites: \[apis\/rest\][\s\S]*<Term id="jwt">JWT<\/Term>/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { checkLessonGraph, type GraphLesson } from '../lesson-graph';

const lesson = (id: string, order: number, prerequisites: string[] = []): GraphLesson => ({
  file: `content/lessons/${id}.mdx`,
  id,
  module: id.split('/')[0]!,
  order,
  prerequisites,
  fieldLines: { order: 4, prerequisites: 6 },
});

const modules = ['protocolos', 'apis'];

describe('checkLessonGraph', () => {
  it('accepts a consistent collection', () => {
    const lessons = [lesson('protocolos/http', 1), lesson('apis/idempotencia', 5, ['protocolos/http']), lesson('apis/rest', 1)];
    expect(checkLessonGraph(lessons, modules)).toEqual([]);
  });

  it('rejects a folder that is not a module', () => {
    const [diagnostic] = checkLessonGraph([lesson('redes/tcp', 1)], modules);
    expect(diagnostic!.file).toBe('content/lessons/redes/tcp.mdx');
    expect(diagnostic!.message).toContain('pasta "redes", que não é um módulo');
  });

  it('rejects a repeated order within a module, naming the other file', () => {
    const diagnostics = checkLessonGraph([lesson('apis/rest', 1), lesson('apis/openapi', 1), lesson('protocolos/http', 1)], modules);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'content/lessons/apis/rest.mdx', line: 4 });
    expect(diagnostics[0]!.message).toContain('content/lessons/apis/openapi.mdx');
  });

  it('rejects a dangling prerequisite at the prerequisites line', () => {
    const [diagnostic] = checkLessonGraph([lesson('apis/rest', 1, ['protocolos/grpc'])], modules);
    expect(diagnostic).toMatchObject({ line: 6, ruleId: 'lesson-graph' });
    expect(diagnostic!.message).toContain('"protocolos/grpc" não corresponde a nenhuma aula');
  });

  it('does not call a lesson with an invalid frontmatter dangling', () => {
    expect(checkLessonGraph([lesson('apis/rest', 1, ['protocolos/http'])], modules, ['protocolos/http'])).toEqual([]);
  });

  it('rejects a lesson that requires itself', () => {
    const [diagnostic] = checkLessonGraph([lesson('apis/rest', 1, ['apis/rest'])], modules);
    expect(diagnostic!.message).toContain('lista a si mesma');
  });

  it('reports a cycle once, with its path', () => {
    const lessons = [
      lesson('apis/a', 1, ['apis/b']),
      lesson('apis/b', 2, ['apis/c']),
      lesson('apis/c', 3, ['apis/a']),
      lesson('apis/d', 4, ['apis/a']),
    ];
    const diagnostics = checkLessonGraph(lessons, modules);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain('apis/a → apis/b → apis/c → apis/a');
  });
});

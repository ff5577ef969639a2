import type { Diagnostic } from './diagnostics.ts';

export const lessonGraphRuleId = 'lesson-graph';

/** What the cross-file checks need to know about one lesson. */
export interface GraphLesson {
  file: string;
  id: string;
  module: string;
  order: number;
  prerequisites: string[];
  /** Line of each frontmatter field, to point diagnostics at it. */
  fieldLines: Record<string, number>;
}

/**
 * Checks the facts no single file can prove: the module folder exists, orders are unique within a
 * module, and prerequisites point at existing lessons without forming a cycle.
 */
export function checkLessonGraph(
  lessons: GraphLesson[],
  moduleIds: Iterable<string>,
  /** Ids of lesson files whose frontmatter failed validation: they exist, so pointing at them is not dangling. */
  otherExistingIds: Iterable<string> = [],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (lesson: GraphLesson, field: string, message: string) =>
    diagnostics.push({
      file: lesson.file,
      line: lesson.fieldLines[field] ?? 1,
      column: 1,
      severity: 'error',
      message,
      ruleId: lessonGraphRuleId,
    });

  const modules = new Set(moduleIds);
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const existing = new Set([...byId.keys(), ...otherExistingIds]);
  const sorted = [...lessons].sort((a, b) => a.id.localeCompare(b.id));

  const firstByOrder = new Map<string, GraphLesson>();
  for (const lesson of sorted) {
    if (!modules.has(lesson.module)) {
      report(
        lesson,
        '',
        `módulo desconhecido: a aula está na pasta "${lesson.module}", que não é um módulo; esperado um de ${[...modules].join(', ')}. Mova o arquivo ou cadastre o módulo em content/modules.yaml.`,
      );
    }
    const key = `${lesson.module}#${lesson.order}`;
    const holder = firstByOrder.get(key);
    if (holder) {
      report(
        lesson,
        'order',
        `ordem repetida: order ${lesson.order} já é usada por ${holder.file} no módulo "${lesson.module}"; esperado um número único por módulo. Escolha outra posição.`,
      );
    } else {
      firstByOrder.set(key, lesson);
    }
    for (const prerequisite of lesson.prerequisites) {
      if (prerequisite === lesson.id) {
        report(lesson, 'prerequisites', `pré-requisito circular: a aula "${lesson.id}" lista a si mesma; esperado outras aulas. Remova "${prerequisite}".`);
      } else if (!existing.has(prerequisite)) {
        report(
          lesson,
          'prerequisites',
          `pré-requisito inexistente: "${prerequisite}" não corresponde a nenhuma aula; esperado o id de uma aula existente (ex.: "protocolos/http"). Corrija o id ou crie a aula.`,
        );
      }
    }
  }

  // Depth-first search; a cycle is reported once, on the lesson where the walk closes it.
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'visiting');
    stack.push(id);
    const lesson = byId.get(id)!;
    for (const next of lesson.prerequisites) {
      if (next === id || !byId.has(next)) continue;
      if (state.get(next) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        report(
          lesson,
          'prerequisites',
          `ciclo de pré-requisitos: ${cycle.join(' → ')}; esperado uma ordem de leitura sem ciclos. Remova um dos pré-requisitos do ciclo.`,
        );
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const lesson of sorted) if (!state.has(lesson.id)) visit(lesson.id);

  return diagnostics;
}

import type { LessonLevel, LessonStatus } from '../schemas/lesson.ts';

/**
 * Synthetic lessons for the benchmarks (npm run bench:lint, npm run bench:build): the shape of a real lesson
 * — five mandated sections, a sequence diagram, four code blocks in two programming languages plus data, a
 * comparison table and four common errors — with numbers, diagram shape and text that depend on the index, so
 * no lesson hits a cache filled by another (the linter's parse cache, the diagram cache, shiki's).
 */
export interface SyntheticLessonOptions {
  /** Makes the lesson's numbers, diagram and code unique. */
  index: number;
  /** Position in its module; unique within the module. */
  order: number;
  status: LessonStatus;
  origin: 'human' | 'agent';
  level: LessonLevel;
  tags: readonly string[];
  prerequisites?: readonly string[];
  /** A glossary term to link once from the first section with <Term>. */
  term?: { id: string; text: string };
}

const actors = [
  { id: 'C', name: 'Cliente' },
  { id: 'G', name: 'Gateway' },
  { id: 'A', name: 'API' },
  { id: 'F', name: 'Fila' },
  { id: 'B', name: 'Banco' },
];

const verbs = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/**
 * A request that travels through 2–5 participants and back, with 1–3 extra round trips to the last one:
 * diagrams of different sizes, as real lessons have, and a different source for every index.
 */
function sequenceDiagram(index: number, ms: number): string {
  const participants = actors.slice(0, 2 + (index % 4));
  const lines = participants.map(({ id, name }) => `  participant ${id} as ${name}`);
  const verb = verbs[index % verbs.length]!;
  for (let hop = 1; hop < participants.length; hop += 1) {
    lines.push(`  ${participants[hop - 1]!.id}->>${participants[hop]!.id}: ${verb} /recursos/${index} (salto ${hop})`);
  }
  const last = participants.at(-1)!;
  const beforeLast = participants.at(-2)!;
  for (let trip = 0; trip < 1 + (index % 3); trip += 1) {
    lines.push(`  ${beforeLast.id}->>${last.id}: consulta ${trip + 1} da chave ${index}`);
    lines.push(`  ${last.id}-->>${beforeLast.id}: ${index + trip} registros em ${ms + trip} ms`);
  }
  for (let hop = participants.length - 1; hop > 0; hop -= 1) {
    lines.push(`  ${participants[hop]!.id}-->>${participants[hop - 1]!.id}: ${hop === 1 ? `200 OK (${ms} ms)` : 'resposta'}`);
  }
  return [
    'sequenceDiagram',
    `  accTitle: Fluxo da aula ${index}`,
    `  accDescr: O cliente chama a API ${index} passando por ${participants.length} participantes e recebe a resposta em ${ms} ms.`,
    ...lines,
  ].join('\n');
}

function yamlList(values: readonly string[]): string {
  return `[${values.join(', ')}]`;
}

/** One synthetic lesson as MDX text, valid for the site's schema and the lesson linter. */
export function syntheticLesson(options: SyntheticLessonOptions): string {
  const { index } = options;
  const ms = 20 + (index % 180);
  const prose = (topic: string) =>
    `${topic} da aula ${index}: com ${ms} ms de latência no p99 e ${index + 500} req/s, o pool de ${10 + (index % 40)} conexões satura em ${2 + (index % 9)} s. ` +
    `Um atacante que repete a chamada não consegue cobrar duas vezes, e uma falha de rede vira um timeout tratado pelo cliente. ` +
    `A escala horizontal exige que a réplica ${index % 7} veja o mesmo estado que as outras, gastando ${64 + (index % 900)} KB por chave.`;
  const term = options.term ? ` O termo central é <Term id="${options.term.id}">${options.term.text}</Term>.` : '';
  const prerequisites = options.prerequisites && options.prerequisites.length > 0 ? `prerequisites: ${yamlList(options.prerequisites)}\n` : '';
  return `---
title: "Aula sintética ${index}"
description: "Aula gerada para os benchmarks: mede o linter e o build do site com uma aula de formato real."
order: ${options.order}
level: ${options.level}
tags: ${yamlList(options.tags)}
${prerequisites}status: ${options.status}
origin: ${options.origin}
updated: 2026-11-23
---

## O que é

${prose('O conceito')}${term}

## Como funciona

${prose('O mecanismo')}

\`\`\`mermaid
${sequenceDiagram(index, ms)}
\`\`\`

## Na prática

${prose('O exemplo')}

\`\`\`ts title="cliente-${index}.ts"
export async function chamar(): Promise<number> {
  try {
    const resposta = await fetch('https://api.exemplo.com/recursos/${index}', { signal: AbortSignal.timeout(${ms * 3}) });
    return resposta.status;
  } catch (erro) {
    throw new Error('recurso ${index} indisponível', { cause: erro });
  }
}
\`\`\`

\`\`\`go title="cliente.go"
func chamar() (int, error) {
	resposta, err := http.Get("https://api.exemplo.com/recursos/${index}")
	if err != nil {
		return 0, err
	}
	return resposta.StatusCode, nil
}
\`\`\`

\`\`\`json
{ "id": ${index}, "latenciaMs": ${ms} }
\`\`\`

\`\`\`yaml
timeoutMs: ${ms * 3}
tentativas: 3
\`\`\`

## Quando usar

${prose('A decisão')}

| Critério | Opção A | Opção B |
| --- | --- | --- |
| Latência p99 | ${ms} ms | ${ms * 2} ms |
| Memória por chave | ${64 + (index % 900)} KB | 0 KB |

## Erros comuns

- Esquecer o timeout e deixar a conexão presa por ${ms * 10} ms ou mais em cada chamada.
- Repetir a chamada sem chave de idempotência e cobrar o cliente duas vezes em ${(index % 5) + 1}% dos casos.
- Confiar no relógio do cliente para ordenar eventos, que pode estar ${index % 60} s adiantado.
- Guardar as chaves para sempre e ocupar ${(index % 90) + 10} GB de disco em um ano de tráfego.
`;
}

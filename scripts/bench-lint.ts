/**
 * npm run bench:lint [-- <count>]: writes <count> (default 1,000) synthetic lessons — five sections, a
 * sequence diagram, four code blocks and a table, each lesson with its own numbers and diagram text so
 * no cache is hit across lessons — into a temp dir, lints them all, and prints lessons/s, CPU time (all
 * threads) and peak RSS. The first pass, in a fresh process, is the figure that counts.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { lintLessons } from '../src/lint/engine.ts';

const count = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write('uso: npm run bench:lint -- [quantidade de aulas, padrão 1000]\n');
  process.exit(2);
}

const modules = ['protocolos', 'apis', 'resiliencia', 'performance'];

function lesson(index: number): string {
  const ms = 20 + (index % 180);
  const prose = (topic: string) =>
    `${topic} da aula ${index}: com ${ms} ms de latência no p99 e ${index + 500} req/s, o pool de ${10 + (index % 40)} conexões satura em ${2 + (index % 9)} s. ` +
    `Um atacante que repete a chamada não consegue cobrar duas vezes, e uma falha de rede vira um timeout tratado pelo cliente. ` +
    `A escala horizontal exige que a réplica ${index % 7} veja o mesmo estado que as outras, gastando ${64 + (index % 900)} KB por chave.`;
  return `---
title: "Aula sintética ${index}"
description: "Aula gerada pelo benchmark do linter para medir quantas aulas por segundo ele confere."
order: ${Math.floor(index / modules.length) + 1}
level: intermediario
tags: [benchmark]
status: draft
origin: agent
updated: 2026-11-23
---

## O que é

${prose('O conceito')}

## Como funciona

${prose('O mecanismo')}

\`\`\`mermaid
sequenceDiagram
  accTitle: Fluxo da aula ${index}
  accDescr: O cliente chama a API ${index} e recebe a resposta em ${ms} ms.
  participant C as Cliente
  participant A as API
  C->>A: POST /recursos/${index}
  A-->>C: 201 Created (${ms} ms)
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
- Repetir a chamada sem chave de idempotência e cobrar o cliente duas vezes em ${index % 5 + 1}% dos casos.
- Confiar no relógio do cliente para ordenar eventos, que pode estar ${index % 60} s adiantado.
- Guardar as chaves para sempre e ocupar ${index % 90 + 10} GB de disco em um ano de tráfego.
`;
}

const root = await mkdtemp(path.join(tmpdir(), 'bench-lint-'));
try {
  await mkdir(path.join(root, 'content/lessons'), { recursive: true });
  await writeFile(
    path.join(root, 'content/modules.yaml'),
    modules.map((id, order) => `- id: ${id}\n  title: Módulo ${id}\n  summary: Módulo sintético do benchmark do linter de aulas, com texto longo o bastante.\n  order: ${order + 1}\n`).join(''),
  );
  await Promise.all(modules.map((id) => mkdir(path.join(root, 'content/lessons', id))));
  for (let index = 0; index < count; index += 1) {
    await writeFile(path.join(root, 'content/lessons', modules[index % modules.length]!, `aula-${index}.mdx`), lesson(index));
  }

  const run = async (label: string) => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const { diagnostics, files } = await lintLessons({ root });
    const seconds = (performance.now() - started) / 1000;
    // Process-wide, so worker threads count too; on a shared machine it varies less than the wall time.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const rate = files.length / seconds;
    const decimal = (value: number) => value.toFixed(2).replace('.', ',');
    process.stdout.write(
      `${label}: ${files.length} aulas em ${decimal(seconds)} s — ${Math.round(rate)} aulas/s, ${diagnostics.length} diagnósticos; CPU ${decimal(cpuSeconds)} s (${decimal((cpuSeconds * 1000) / files.length)} ms por aula)\n`,
    );
    return diagnostics;
  };
  process.stdout.write(`Node ${process.version}, ${availableParallelism()} núcleos disponíveis\n`);
  const diagnostics = await run('1ª passada, a que vale (processo novo: carrega mermaid e TypeScript; workers começam do zero)');
  await run('2ª passada (mesmo processo: JIT da thread principal aquecido; diagramas que ela já viu saem do cache em memória)');
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`pico de memória (RSS): ${Math.round(peakMb)} MB\n`);
  if (diagnostics.length > 0) {
    process.stdout.write(`as aulas sintéticas deveriam passar; primeiro diagnóstico: ${diagnostics[0]!.message}\n`);
    process.exitCode = 1;
  }
} finally {
  await rm(root, { recursive: true, force: true });
}

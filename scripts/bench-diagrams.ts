/**
 * Draws 100 distinct sequence diagrams through the build's own pipeline (browser → theme → svgo → cache) and
 * prints the cold cost per diagram (browser start included, empty cache), the warm cost (all from the cache)
 * and the size of the SVGs. Run with the project's Node: `npm run bench:diagrams`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { DiagramService } from '../src/utils/diagram-service.ts';

const count = 100;

function diagram(index: number): string {
  const services = ['Gateway', 'Pedidos', 'Estoque', 'Pagamentos', 'Fila'];
  const callee = services[index % services.length]!;
  return [
    'sequenceDiagram',
    `  accTitle: Fluxo de teste ${index}`,
    `  accDescr: O cliente chama ${callee}, que consulta o banco e responde; diagrama ${index} de ${count}.`,
    '  autonumber',
    '  participant C as Cliente',
    `  participant S as ${callee}`,
    '  participant B as Banco',
    `  C->>+S: POST /recurso/${index}`,
    '  S->>B: SELECT … FOR UPDATE',
    '  B-->>S: linha',
    `  Note over S,B: transação ${index}`,
    '  alt sucesso',
    '    S-->>C: 201 Created',
    '  else conflito',
    '    S--xC: 409 Conflict',
    '  end',
    `  S->>-C: fim ${index}`,
  ].join('\n');
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { mean: Math.round(mean), min: sorted[0]!, max: sorted.at(-1)! };
}

const cacheDir = await mkdtemp(path.join(tmpdir(), 'themelion-bench-diagrams-'));
const sources = Array.from({ length: count }, (_, index) => diagram(index));
try {
  const cold = new DiagramService({ cacheDir, fallbackTitle: 'Diagrama de sequência' });
  const coldStart = performance.now();
  let firstMs = 0;
  const svgs: string[] = [];
  for (const source of sources) {
    const outcome = await cold.draw(source);
    if (outcome.kind !== 'svg') throw new Error(`diagrama não desenhado: ${JSON.stringify(outcome)}`);
    if (svgs.length === 0) firstMs = performance.now() - coldStart;
    svgs.push(outcome.svg);
  }
  const coldMs = performance.now() - coldStart;
  await cold.close();
  if (cold.stats.drawn !== count) throw new Error(`esperados ${count} desenhos, feitos ${cold.stats.drawn}`);

  const warm = new DiagramService({ cacheDir, fallbackTitle: 'Diagrama de sequência' });
  const warmStart = performance.now();
  for (const source of sources) await warm.draw(source);
  const warmMs = performance.now() - warmStart;
  if (warm.stats.cached !== count || warm.browserStarted) throw new Error('a segunda passada não veio toda do cache');

  const raw = summary(svgs.map((svg) => Buffer.byteLength(svg)));
  const gzip = summary(svgs.map((svg) => gzipSync(svg).length));
  console.log(`diagramas: ${count} diagramas de sequência distintos`);
  console.log(`frio (cache vazio, início do navegador incluído): ${(coldMs / count).toFixed(1)} ms/diagrama — total ${Math.round(coldMs)} ms, primeiro diagrama ${Math.round(firstMs)} ms`);
  console.log(`frio sem o primeiro (navegador já aberto): ${((coldMs - firstMs) / (count - 1)).toFixed(1)} ms/diagrama`);
  console.log(`quente (todos do cache): ${(warmMs / count).toFixed(2)} ms/diagrama — total ${Math.round(warmMs)} ms`);
  console.log(`bytes por SVG: bruto média ${raw.mean} (mín ${raw.min}, máx ${raw.max}); gzip média ${gzip.mean} (mín ${gzip.min}, máx ${gzip.max})`);
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}

import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLessonCollection } from '../../utils/lesson-collection.ts';
import { lintLessons } from '../engine.ts';

const fixturesDir = fileURLToPath(new URL('../rules/__fixtures__/', import.meta.url));
let root: string;

async function put(relative: string, content: string | Buffer) {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

// Every rule's fixtures as lessons of one collection, plus files that cannot be read as lessons.
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lesson-lint-parallel-'));
  await put(
    'content/modules.yaml',
    `- id: resiliencia
  title: Resiliência e observabilidade
  summary: Timeouts, retries com backoff, circuit breakers, logs estruturados, métricas e tracing em produção.
  order: 1
`,
  );
  const good = readFileSync(path.join(fixturesDir, 'sequence-diagram/ok.mdx'), 'utf8');
  for (const rule of readdirSync(fixturesDir)) {
    for (const kind of ['ok', 'not-ok']) {
      await put(`content/lessons/resiliencia/${rule}-${kind}.mdx`, readFileSync(path.join(fixturesDir, rule, `${kind}.mdx`), 'utf8'));
    }
  }
  await put('content/lessons/resiliencia/bom.mdx', `\uFEFF${good.replace('order: 1', 'order: 40')}`);
  await put('content/lessons/resiliencia/latin1.mdx', Buffer.from('---\ntitle: "Aten\xe7\xe3o"\n---\n', 'latin1'));
  await put('content/lessons/resiliencia/vazio.mdx', '');
  await put('content/lessons/resiliencia/mdx.mdx', good.replace('order: 1', 'order: 41').replace('Um timeout é', 'Um {timeout é'));
  await put('content/lessons/resiliencia/notas.md', '# Notas soltas\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('lintLessons across threads', { timeout: 60_000 }, () => {
  it('reports exactly the same diagnostics, in the same order, with or without worker threads', async () => {
    const inProcess = await lintLessons({ root, workers: 0 });
    const parallel = await lintLessons({ root, workers: 1 });
    expect(inProcess.diagnostics.length).toBeGreaterThan(20);
    expect(parallel).toEqual(inProcess);
  });

  it('reads each file once yet reports the same collection problems as the site\'s loader', async () => {
    const { diagnostics } = await lintLessons({ root, workers: 0 });
    const collectionRules = new Set(['frontmatter', 'lesson-path', 'lesson-graph', 'modules']);
    const loader = await checkLessonCollection({
      root,
      lessonsDir: path.join(root, 'content/lessons'),
      modulesFile: path.join(root, 'content/modules.yaml'),
    });
    expect(loader.diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.filter((diagnostic) => collectionRules.has(diagnostic.ruleId))).toEqual(
      [...loader.diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)),
    );
  });
});

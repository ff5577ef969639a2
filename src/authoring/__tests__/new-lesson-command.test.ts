import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLintConfig } from '../../lint/config.ts';
import { lintLessons } from '../../lint/engine.ts';
import { parseLesson } from '../../lint/parse.ts';
import { checkFrontmatter } from '../../utils/frontmatter.ts';
import { runNewLesson } from '../new-lesson-command.ts';
import { type TempRoom, tempRoom } from './temp-room.ts';

let room: TempRoom;
beforeEach(async () => {
  room = await tempRoom();
});
afterEach(() => room.remove());

const lessonPath = (id: string) => path.join(room.root, 'content/lessons', `${id}.mdx`);

describe('npm run new', () => {
  it('creates a draft with valid frontmatter, the next order, derived tags and the five sections', async () => {
    const code = await runNewLesson(['resiliencia/circuit-breaker', '--title', 'Circuit breaker', '--level', 'avancado'], room.io);
    expect(room.out.stderr).toBe('');
    expect(code).toBe(0);

    const source = await readFile(lessonPath('resiliencia/circuit-breaker'), 'utf8');
    const { data, diagnostics } = checkFrontmatter('x.mdx', source);
    expect(diagnostics).toEqual([]);
    expect(data).toMatchObject({
      title: 'Circuit breaker',
      level: 'avancado',
      order: 2,
      status: 'draft',
      origin: 'human',
      tags: ['circuit-breaker', 'resiliencia'],
      prerequisites: [],
    });
    expect(data?.updated.toISOString().slice(0, 10)).toBe('2026-11-23');

    const parsed = parseLesson(source);
    if ('error' in parsed) throw new Error(parsed.error.reason);
    const h2 = parsed.tree.children.flatMap((node) =>
      node.type === 'heading' && node.depth === 2 && node.children[0]?.type === 'text' ? [node.children[0].value] : [],
    );
    expect(h2).toEqual(defaultLintConfig.requiredSections);
  });

  it('prints the created path and the next commands', async () => {
    await runNewLesson(['resiliencia/circuit-breaker'], room.io);
    expect(room.out.stdout).toContain('Aula criada: content/lessons/resiliencia/circuit-breaker.mdx');
    expect(room.out.stdout).toContain('npm run lint:lessons -- content/lessons/resiliencia/circuit-breaker.mdx');
    expect(room.out.stdout).toContain('npm run dev');
  });

  it('defaults the title to the slug and the order to 1 in an empty module', async () => {
    expect(await runNewLesson(['protocolos/web-sockets'], room.io)).toBe(0);
    const { data } = checkFrontmatter('x.mdx', await readFile(lessonPath('protocolos/web-sockets'), 'utf8'));
    expect(data).toMatchObject({ title: 'Web sockets', order: 1, level: 'intermediario', tags: ['web-sockets', 'protocolos'] });
  });

  it('is refused by the linter on every hint until each one is replaced', async () => {
    await runNewLesson(['resiliencia/circuit-breaker'], room.io);
    const file = lessonPath('resiliencia/circuit-breaker');
    const source = await readFile(file, 'utf8');
    const { diagnostics } = await lintLessons({ root: room.root, paths: [file] });
    const placeholderLines = new Set(diagnostics.filter((d) => d.ruleId === 'placeholders' && d.severity === 'error').map((d) => d.line));
    const lines = source.split('\n');
    const frontmatterEnd = lines.indexOf('---', 1);
    // Hints live in the body and in the frontmatter's description; the linter must refuse every one of them.
    const hintLines = lines.flatMap((line, index) => (line.includes('TODO') ? [index + 1] : []));
    expect(hintLines.length).toBeGreaterThanOrEqual(defaultLintConfig.requiredSections.length);
    // Every line of text outside headings and code is a hint, so none can slip through unmarked.
    let inFence = false;
    const textLines = lines.flatMap((line, index) => {
      if (line.startsWith('```')) inFence = !inFence;
      const isText = index > frontmatterEnd && !inFence && !line.startsWith('```') && !line.startsWith('#') && !/^\|[\s|-]+\|$/.test(line) && line.trim() !== '';
      return isText ? [index + 1] : [];
    });
    expect(textLines.every((number) => hintLines.includes(number))).toBe(true);
    expect([...placeholderLines].sort((a, b) => a - b)).toEqual(hintLines);
    // Only the hints block the lesson: the scaffold has valid frontmatter, path and diagram syntax.
    expect(diagnostics.filter((d) => ['frontmatter', 'lesson-path', 'lesson-graph', 'mdx-syntax', 'sequence-diagram'].includes(d.ruleId))).toEqual([]);
  });

  it('refuses an existing lesson without touching it', async () => {
    const file = lessonPath('resiliencia/timeouts');
    const before = await readFile(file, 'utf8');
    expect(await runNewLesson(['resiliencia/timeouts'], room.io)).toBe(1);
    expect(room.out.stderr).toMatch(/a aula já existe: content\/lessons\/resiliencia\/timeouts\.mdx/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('never overwrites a file that exists but is not a valid lesson', async () => {
    const file = lessonPath('resiliencia/quebrada');
    await writeFile(file, 'texto sem frontmatter\n');
    expect(await runNewLesson(['resiliencia/quebrada'], room.io)).toBe(1);
    expect(await readFile(file, 'utf8')).toBe('texto sem frontmatter\n');
  });

  it('refuses an unknown module, naming the known ones', async () => {
    expect(await runNewLesson(['mensageria/kafka'], room.io)).toBe(1);
    expect(room.out.stderr).toContain('módulo desconhecido: "mensageria" não está em content/modules.yaml; esperado um de protocolos, resiliencia.');
    expect(existsSync(path.join(room.root, 'content/lessons/mensageria'))).toBe(false);
  });

  it.each([
    ['resiliencia/Circuit_Breaker', 'slug inválido: recebido "Circuit_Breaker"'],
    ['resiliencia/circuito-elétrico', 'slug inválido'],
    ['Resiliência/retries', 'módulo inválido'],
    ['resiliencia', 'esperado <modulo>/<slug>'],
    ['resiliencia/retries/extra', 'esperado <modulo>/<slug>'],
  ])('refuses the invalid target %s with exit 1', async (target, message) => {
    expect(await runNewLesson([target], room.io)).toBe(1);
    expect(room.out.stderr).toContain(message);
    expect(room.out.stdout).toBe('');
  });

  it('accepts the file path an editor shows', async () => {
    expect(await runNewLesson(['content/lessons/resiliencia/bulkhead.mdx'], room.io)).toBe(0);
    expect(existsSync(lessonPath('resiliencia/bulkhead'))).toBe(true);
  });

  it.each([
    [[], 'recebido nenhuma'],
    [['resiliencia/a', 'resiliencia/b'], 'esperado exatamente uma aula'],
    [['resiliencia/bulkhead', '--level', 'basico'], '--level inválido: "basico"'],
    [['resiliencia/bulkhead', '--nivel', 'avancado'], 'argumento inválido'],
  ])('exits 2 with the usage for %j', async (argv, message) => {
    expect(await runNewLesson(argv, room.io)).toBe(2);
    expect(room.out.stderr).toContain(message);
    expect(room.out.stderr).toContain('uso: npm run new --');
    expect(existsSync(lessonPath('resiliencia/bulkhead'))).toBe(false);
  });

  it('refuses a title the schema rejects, with the schema message', async () => {
    expect(await runNewLesson(['resiliencia/bulkhead', '--title', 'ab'], room.io)).toBe(1);
    expect(room.out.stderr).toContain('título inválido');
    expect(room.out.stderr).toContain('Ajuste o valor de --title.');
    expect(existsSync(lessonPath('resiliencia/bulkhead'))).toBe(false);
  });
});

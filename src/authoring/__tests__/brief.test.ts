import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLintConfig } from '../../lint/config.ts';
import { fileChecks } from '../../lint/file-checks.ts';
import { rules } from '../../lint/rules/index.ts';
import { lessonSchema } from '../../schemas/lesson.ts';
import { assembleBrief, type Brief, briefDocument } from '../brief.ts';
import { frontmatterFields, lessonContract } from '../lesson-contract.ts';
import { parseLessonTarget, type Room, readRoom } from '../room.ts';
import { type TempRoom, tempRoom } from './temp-room.ts';

let temp: TempRoom;
let room: Room;
let brief: Brief;
const target = parseLessonTarget('resiliencia/retries');
if ('problem' in target) throw new Error(target.problem);

beforeAll(async () => {
  temp = await tempRoom();
  room = await readRoom(temp.root);
  brief = assembleBrief({ room, target, title: 'Retries com backoff', order: 2, updated: '2026-11-23' });
});
afterAll(() => temp.remove());

describe('writing agent brief', () => {
  it('names every rule and check of the linter', () => {
    for (const id of [...rules.map((rule) => rule.id), ...fileChecks.map((check) => check.id)]) {
      expect(brief.system).toContain(`\`${id}\``);
    }
    for (const rule of rules) expect(brief.system).toContain(rule.summary);
  });

  it('lists every required section as an H2, in order', () => {
    const positions = defaultLintConfig.requiredSections.map((title) => brief.system.indexOf(`\`## ${title}\``));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('describes every frontmatter field with the limits read from the schema', () => {
    const fields = frontmatterFields();
    expect(fields.map((line) => /^- `(\w+)`/.exec(line)?.[1])).toEqual(Object.keys(lessonSchema.shape));
    expect(fields.find((line) => line.startsWith('- `title`'))).toContain('de 3 a 90 caracteres');
    expect(fields.find((line) => line.startsWith('- `description`'))).toContain('de 50 a 200 caracteres');
    expect(fields.find((line) => line.startsWith('- `tags`'))).toContain('de 1 a 8 itens');
    expect(fields.find((line) => line.startsWith('- `level`'))).toContain('iniciante, intermediario, avancado');
    expect(fields.find((line) => line.startsWith('- `reviewer`'))).toContain('opcional');
  });

  it('follows the linter config instead of repeating its numbers', () => {
    const contract = lessonContract({ ...defaultLintConfig, minSectionWords: 77, minCommonErrors: 6 });
    expect(contract).toContain('pelo menos 77 palavras');
    expect(contract).toContain('pelo menos 6 erros');
  });

  it("gives the module's lessons with ids, titles, descriptions and links", () => {
    expect(brief.user).toContain('`resiliencia/timeouts` — "Timeouts em chamadas HTTP"');
    expect(brief.user).toContain('Por que toda chamada de rede precisa de um prazo');
    expect(brief.user).toContain('link: /resiliencia/timeouts/');
    expect(brief.user).toContain('Módulo: "Resiliência e observabilidade"');
  });

  it('gives the glossary ids and terms to link', () => {
    expect(brief.user).toContain('- `timeout`: Timeout (também: prazo de resposta)');
    expect(brief.user).toContain('- `backoff-exponencial`: Backoff exponencial');
    expect(brief.user).toContain('<Term id="id">texto</Term>');
  });

  it('states the exact output format: one MDX document, agent draft frontmatter', () => {
    expect(brief.user).toContain('um único documento MDX');
    expect(brief.user).toMatch(/^status: draft$/m);
    expect(brief.user).toMatch(/^origin: agent$/m);
    expect(brief.user).toMatch(/^order: 2$/m);
    expect(brief.user).toMatch(/^updated: 2026-11-23$/m);
    expect(brief.user).toContain('title: "Retries com backoff"');
    expect(brief.user).toContain('não inclua o campo reviewer');
  });

  it('says so when the module has no lesson yet', async () => {
    const other = parseLessonTarget('protocolos/websockets');
    if ('problem' in other) throw new Error(other.problem);
    const first = assembleBrief({ room, target: other, order: 1, updated: '2026-11-23' });
    expect(first.user).toContain('Nenhuma ainda: esta é a primeira aula do módulo.');
    // Published lessons of other modules stay linkable.
    expect(first.user).toContain('`resiliencia/timeouts`');
  });

  it('writes both messages, unchanged, to the brief file', () => {
    const document = briefDocument(brief, target);
    expect(document).toContain(brief.system);
    expect(document).toContain(brief.user);
  });
});

import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintLessons } from '../../lint/engine.ts';
import { countDiagnostics, formatPretty } from '../../lint/format.ts';
import type { Diagnostic } from '../diagnostics.ts';

interface Matcher {
  severity: 'error' | 'warning';
  pattern: { regexp: string; file: number; line: number; column: number; message: number; code: number };
}
interface Task {
  label: string;
  problemMatcher: Matcher[];
}

const tasksFile = fileURLToPath(new URL('../../../.vscode/tasks.json', import.meta.url));
const tasks = (JSON.parse(readFileSync(tasksFile, 'utf8')) as { tasks: Task[] }).tasks;
const fixture = (rule: string) => readFileSync(fileURLToPath(new URL(`../../lint/rules/__fixtures__/${rule}/not-ok.mdx`, import.meta.url)), 'utf8');

let root: string;
let output: string;
let diagnostics: Diagnostic[];

async function put(relative: string, content: string) {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

/** What VS Code's problem matchers would put in the Problems panel for one line of output. */
function matchLine(matchers: Matcher[], line: string) {
  return matchers.flatMap(({ severity, pattern }) => {
    const match = new RegExp(pattern.regexp).exec(line);
    if (!match) return [];
    return [
      {
        file: match[pattern.file],
        line: Number(match[pattern.line]),
        column: Number(match[pattern.column]),
        severity,
        message: match[pattern.message],
        ruleId: match[pattern.code],
      },
    ];
  });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'vscode-tasks-'));
  await put(
    'content/modules.yaml',
    '- id: protocolos\n  title: Protocolos e comunicação\n  summary: Como clientes e servidores conversam, do byte na rede à semântica de cada mensagem trocada.\n  order: 1\n- id: resiliencia\n  title: Resiliência e observabilidade\n  summary: Timeouts, retries com backoff, circuit breakers, logs estruturados, métricas e tracing em produção.\n  order: 2\n',
  );
  // Real lessons that break rules of both severities: the output is the linter's own, not a hand-written sample.
  await put('content/lessons/resiliencia/timeouts.mdx', fixture('checklist-coverage'));
  await put('content/lessons/protocolos/http.mdx', fixture('concreteness').replace(/^order: \d+$/m, 'order: 1'));
  const result = await lintLessons({ root });
  diagnostics = result.diagnostics;
  // The task runs without a terminal, so the CLI prints the uncoloured pretty format.
  output = formatPretty(diagnostics, countDiagnostics(diagnostics, result.files.length), false);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('.vscode/tasks.json problem matchers', () => {
  it('the sample output holds errors and warnings', () => {
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(diagnostics.some((d) => d.severity === 'warning')).toBe(true);
  });

  for (const task of tasks) {
    it(`"${task.label}" turns each diagnostic line into exactly one problem with its position, severity and rule`, () => {
      const lines = output.split('\n');
      const problems = lines.map((line) => matchLine(task.problemMatcher, line));
      expect(problems.filter((found) => found.length > 0)).toEqual(diagnostics.map((d) => [d]));
    });
  }
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../lint-lessons.ts', import.meta.url));
const outside = mkdtempSync(path.join(tmpdir(), 'lint-cli-'));
const strayFile = path.join(outside, 'notas.mdx');
writeFileSync(strayFile, '# Notas\n');
const emptyDir = mkdtempSync(path.join(tmpdir(), 'lint-cli-empty-'));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  rmSync(emptyDir, { recursive: true, force: true });
});

// Each case starts a Node process that loads mermaid and TypeScript: about 1–2 s on a busy 2-core machine.
describe('lint:lessons CLI', { timeout: 30_000 }, () => {
  it.each([
    [['--format', 'xml'], /formato desconhecido: "xml"/],
    [['--max-warnings=-1'], /--max-warnings inválido/],
    [['--max-warnings', 'muitos'], /--max-warnings inválido/],
    [['--nao-existe'], /argumento inválido/],
    [['content/lessons/modulo/inexistente.mdx'], /caminho inexistente/],
  ])('exits 2 with a clear message for %j', (args, message) => {
    const { code, stderr, stdout } = run(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('uso: npm run lint:lessons');
    expect(stdout).toBe('');
  });

  it('exits 1 and prints file:line:col  severity  message  rule-id for a problem', () => {
    const { code, stdout } = run(strayFile);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\S*notas\.mdx:1:1 {2}erro {2}arquivo fora das aulas: .+ {2}lesson-file$/m);
    expect(stdout).toMatch(/1 erro e 0 avisos em 1 arquivo verificado\./);
  });

  it('exits 0 when there is nothing wrong', () => {
    const { code, stdout } = run(emptyDir);
    expect(code).toBe(0);
    expect(stdout).toContain('Nenhum problema: 0 arquivos verificados.');
  });

  it('prints the same findings with the lint cache and with --no-cache', () => {
    const lesson = 'content/lessons/apis/rest.mdx';
    const cached = run(lesson, strayFile, '--format', 'json');
    const fromScratch = run(lesson, strayFile, '--format', 'json', '--no-cache');
    expect(cached.code).toBe(1);
    expect(fromScratch).toEqual(cached);
  });

  it('prints JSON, GitHub annotations and SARIF', () => {
    const json = JSON.parse(run(strayFile, '--format', 'json').stdout) as { diagnostics: { ruleId: string }[]; summary: { errors: number } };
    expect(json.summary.errors).toBe(1);
    expect(json.diagnostics[0]!.ruleId).toBe('lesson-file');

    expect(run(strayFile, '--format', 'github').stdout).toMatch(/^::error file=.*notas\.mdx,line=1,col=1,title=lesson-file::arquivo fora das aulas/m);

    const sarif = JSON.parse(run(strayFile, '--format', 'sarif').stdout) as { version: string; runs: { results: { ruleId: string; level: string }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results[0]).toMatchObject({ ruleId: 'lesson-file', level: 'error' });
    expect(sarif.runs[0]!.tool.driver.rules.map((rule) => rule.id)).toContain('required-sections');
  });
});

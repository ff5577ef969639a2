import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

function run(script: string, ...args: string[]) {
  const file = fileURLToPath(new URL(`../${script}`, import.meta.url));
  // No model configured, so a draft command that got this far could only write a brief; these cases stop before that.
  const env = { ...process.env, THEMELION_LLM_URL: '', THEMELION_LLM_MODEL: '' };
  const result = spawnSync(process.execPath, [file, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The commands themselves are tested in src/authoring/__tests__ against a temporary project; these only check the
// wiring of the entry points: arguments reach the command, messages reach stderr and the exit code reaches the shell.
describe('authoring command entry points', { timeout: 30_000 }, () => {
  it('new: exits 2 with the usage when misused', () => {
    const { code, stderr, stdout } = run('new-lesson.ts');
    expect(code).toBe(2);
    expect(stderr).toContain('uso: npm run new --');
    expect(stdout).toBe('');
  });

  it('new: exits 1 for a module that content/modules.yaml does not list', () => {
    const { code, stderr } = run('new-lesson.ts', 'modulo-que-nao-existe/aula');
    expect(code).toBe(1);
    expect(stderr).toContain('módulo desconhecido: "modulo-que-nao-existe"');
  });

  it('draft: exits 2 with the usage for an unknown option', () => {
    const { code, stderr } = run('draft-lesson.ts', 'apis/x', '--forca');
    expect(code).toBe(2);
    expect(stderr).toContain('uso: npm run draft --');
  });

  it('draft: exits 1 for an invalid slug', () => {
    const { code, stderr } = run('draft-lesson.ts', 'apis/Nome_Errado');
    expect(code).toBe(1);
    expect(stderr).toContain('slug inválido: recebido "Nome_Errado"');
  });
});

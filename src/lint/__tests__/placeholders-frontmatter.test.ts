import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintLessonSource } from '../lint-source.ts';
import { testFacts } from './test-facts.ts';

const ok = readFileSync(fileURLToPath(new URL('../rules/__fixtures__/placeholders/ok.mdx', import.meta.url)), 'utf8');
const lint = (source: string) =>
  lintLessonSource({ file: 'x.mdx', source, lessonId: 'resiliencia/timeouts', facts: testFacts }).then(({ diagnostics }) =>
    diagnostics.filter((diagnostic) => diagnostic.ruleId === 'placeholders'),
  );

describe('placeholders in the frontmatter', () => {
  it('flags a scaffold hint left in the description, on its line', async () => {
    const source = ok.replace(/^description: .*$/m, 'description: "TODO: resuma em uma ou duas frases o problema que esta aula resolve."');
    const [diagnostic] = await lint(source);
    expect(diagnostic).toMatchObject({ line: 3, severity: 'error' });
    expect(diagnostic!.message).toContain('description contém "TODO"');
  });

  it('accepts the finished frontmatter', async () => {
    expect(await lint(ok)).toEqual([]);
  });
});

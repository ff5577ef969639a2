import { describe, expect, it } from 'vitest';
import { parseLessonPath } from '../lesson-path';

describe('parseLessonPath', () => {
  it('reads module and slug from <module>/<slug>.mdx', () => {
    expect(parseLessonPath('apis/rate-limiting.mdx')).toEqual({ id: 'apis/rate-limiting', module: 'apis', slug: 'rate-limiting' });
  });
  it('rejects files outside a module folder or nested deeper', () => {
    expect(parseLessonPath('http.mdx')).toHaveProperty('problem', expect.stringContaining('content/lessons/<modulo>/<slug>.mdx'));
    expect(parseLessonPath('apis/v2/rest.mdx')).toHaveProperty('problem');
  });
  it('rejects other extensions', () => {
    expect(parseLessonPath('apis/rest.md')).toHaveProperty('problem', expect.stringContaining('"apis/rest.md"'));
  });
  it('rejects names that are not kebab-case', () => {
    expect(parseLessonPath('apis/Idempotência.mdx')).toHaveProperty('problem', expect.stringContaining('nome do arquivo inválido'));
    expect(parseLessonPath('APIs/rest.mdx')).toHaveProperty('problem', expect.stringContaining('pasta do módulo inválido'));
  });
});

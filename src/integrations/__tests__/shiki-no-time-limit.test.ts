import { codeToHtml } from 'shiki';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { transformerNoTimeLimit } from '../shiki-no-time-limit.ts';

const code = 'const timeout = AbortSignal.timeout(5_000);\nawait fetch(url, { signal: timeout });\n';
const render = (transformers = [transformerNoTimeLimit()]) =>
  codeToHtml(code, { lang: 'ts', themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: false, transformers });

/** Every call to Date.now() is a second later: the tokenizer sees each line take longer than its 500 ms deadline. */
function slowClock() {
  let now = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
}

describe('transformerNoTimeLimit', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives the same colours however slow the machine is', async () => {
    const expected = await render();
    slowClock();
    expect(await render()).toBe(expected);
  });

  it('is needed: without it a slow line loses its colours', async () => {
    const expected = await render();
    slowClock();
    expect(await render([])).not.toBe(expected);
  });
});

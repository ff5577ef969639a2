import { cpSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheFileName, defaultLintCacheDir, digestLinterSources, lintVersion, readLintCache, writeLintCache } from '../cache.ts';
import { defaultLintConfig } from '../config.ts';
import { type LintOptions, lintLessons } from '../engine.ts';
import { modulesYaml, putFile } from './temp-project.ts';

const fixturesDir = fileURLToPath(new URL('../rules/__fixtures__/', import.meta.url));
const good = readFileSync(path.join(fixturesDir, 'sequence-diagram/ok.mdx'), 'utf8');
const notOk = readFileSync(path.join(fixturesDir, 'concreteness/not-ok.mdx'), 'utf8');
const roots: string[] = [];
let root: string;

const put = (relative: string, content: string | Buffer) => putFile(root, relative, content);

const cacheFile = () => path.join(root, defaultLintCacheDir, cacheFileName);
const withCache = (options: Partial<LintOptions> = {}) => lintLessons({ root, cache: true, ...options });
const fromScratch = (options: Partial<LintOptions> = {}) => lintLessons({ root, ...options });

/** Same findings as linting from scratch; returns how many came from the cache. */
async function expectSameAsFromScratch(options: Partial<LintOptions> = {}): Promise<number> {
  const cached = await withCache(options);
  const scratch = await fromScratch(options);
  expect(cached.diagnostics).toEqual(scratch.diagnostics);
  expect(cached.files).toEqual(scratch.files);
  return cached.cached;
}

// A small collection: lessons linking to each other's headings, one with findings, one that does not parse.
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lesson-lint-cache-'));
  roots.push(root);
  await put('content/modules.yaml', modulesYaml);
  await put('content/lessons/protocolos/http.mdx', good.replace('prerequisites: [protocolos/http]', 'prerequisites: []'));
  await put('content/lessons/resiliencia/timeouts.mdx', good.replace('order: 1', 'order: 2'));
  await put('content/lessons/resiliencia/retries.mdx', notOk.replace('order: 1', 'order: 3').replace('/protocolos/http/#como-funciona', '/resiliencia/timeouts/#como-funciona'));
  await put('content/lessons/resiliencia/quebrada.mdx', good.replace('order: 1', 'order: 4').replace('Um timeout é', 'Um {timeout é'));
});

afterAll(async () => {
  await Promise.all(roots.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('lint cache', { timeout: 60_000 }, () => {
  it('returns the same diagnostics from the cache, without running the rules again', async () => {
    const first = await withCache();
    expect(first.cached).toBe(0);
    expect(first.diagnostics.length).toBeGreaterThan(0);
    const second = await withCache();
    expect(second.cached).toBe(4);
    expect(second).toEqual({ ...first, cached: 4 });
    expect(await fromScratch()).toEqual({ ...first, cached: 0 });
  });

  it('lints a changed file again, and only that one', async () => {
    await withCache();
    await put('content/lessons/resiliencia/timeouts.mdx', good.replace('order: 1', 'order: 2').replace('## Quando usar', '## Quando usar\n\nTODO: medir.\n'));
    expect(await expectSameAsFromScratch()).toBe(3);
    const { diagnostics } = await withCache();
    expect(diagnostics.some((d) => d.file === 'content/lessons/resiliencia/timeouts.mdx' && d.ruleId === 'placeholders')).toBe(true);
  });

  it('lints a lesson again when a heading it links to is deleted from another lesson', async () => {
    // timeouts.mdx links to /protocolos/http/#como-funciona; retries.mdx links to timeouts.mdx instead.
    expect(good).toContain('/protocolos/http/#como-funciona');
    expect(await expectSameAsFromScratch()).toBe(0);
    await put('content/lessons/protocolos/http.mdx', good.replace('prerequisites: [protocolos/http]', 'prerequisites: []').replace('## Como funciona', '## Como opera'));
    const { diagnostics, cached } = await withCache();
    expect(diagnostics.some((d) => d.file === 'content/lessons/resiliencia/timeouts.mdx' && d.message.includes('#como-funciona'))).toBe(true);
    // http.mdx changed and timeouts.mdx depends on it; retries.mdx and quebrada.mdx are reused.
    expect(cached).toBe(2);
    expect(await expectSameAsFromScratch()).toBe(4);
  });

  it('checks the anchors of a lesson that was only read for the collection checks, when linting one file', async () => {
    const one = { paths: ['content/lessons/resiliencia/timeouts.mdx'] };
    expect(await expectSameAsFromScratch(one)).toBe(0);
    await put('content/lessons/protocolos/http.mdx', good.replace('prerequisites: [protocolos/http]', 'prerequisites: []').replace('## Como funciona', '## Como opera'));
    const { diagnostics, cached } = await withCache(one);
    expect(cached).toBe(0);
    expect(diagnostics.map((d) => d.ruleId)).toContain('links');
    expect(await expectSameAsFromScratch(one)).toBe(1);
  });

  it('lints every lesson again when a lesson is added or deleted, or the modules change', async () => {
    await withCache();
    await put('content/lessons/protocolos/grpc.mdx', good.replace('prerequisites: [protocolos/http]', 'prerequisites: []').replace('order: 1', 'order: 2'));
    expect(await expectSameAsFromScratch()).toBe(0);
    await rm(path.join(root, 'content/lessons/protocolos/http.mdx'));
    expect(await expectSameAsFromScratch()).toBe(0);
    expect((await withCache()).diagnostics.some((d) => d.message.includes('/protocolos/http/'))).toBe(true);
    await put('content/modules.yaml', modulesYaml.replace('order: 2', 'order: 3'));
    expect(await expectSameAsFromScratch()).toBe(4);
    await put('content/modules.yaml', modulesYaml.replace('id: resiliencia', 'id: resiliencia-e-observabilidade'));
    expect(await expectSameAsFromScratch()).toBe(0);
  });

  it('lints every lesson again when the glossary ids change, so a removed term is reported where it is used', async () => {
    const glossary = (ids: string[]) =>
      ids.map((id) => `- id: ${id}\n  term: ${id}\n  definition: Definição de ${id} com texto suficiente para o schema do glossário.\n`).join('');
    await put('content/glossary.yaml', glossary(['timeout', 'pool-de-conexoes']));
    await put('content/lessons/resiliencia/timeouts.mdx', good.replace('order: 1', 'order: 2').replace('Um timeout é', 'Um <Term id="timeout">timeout</Term> é'));
    expect((await withCache()).diagnostics.filter((d) => d.ruleId === 'glossary-terms')).toEqual([]);
    await put('content/glossary.yaml', glossary(['pool-de-conexoes']));
    expect(await expectSameAsFromScratch()).toBe(0);
    const found = (await withCache()).diagnostics.filter((d) => d.ruleId === 'glossary-terms');
    expect(found.map((d) => [d.file, d.message.includes('<Term id="timeout">')])).toEqual([['content/lessons/resiliencia/timeouts.mdx', true]]);
  });

  it('ignores results stored by another linter version or with other rule settings', async () => {
    await withCache();
    const entries = readLintCache(cacheFile(), lintVersion(defaultLintConfig));
    expect(entries.size).toBe(4);
    // Results that would be wrong if used: every diagnostic dropped.
    for (const entry of entries.values()) if (entry.lint) entry.lint.diagnostics = [];
    writeLintCache(cacheFile(), 'outra-versao', entries);
    expect(await expectSameAsFromScratch()).toBe(0);

    const stricter = { ...defaultLintConfig, minUnitNumbers: 50 };
    expect(lintVersion(stricter)).not.toBe(lintVersion(defaultLintConfig));
    const strict = await withCache({ config: stricter });
    expect(strict.cached).toBe(0);
    expect(strict.diagnostics).toEqual((await fromScratch({ config: stricter })).diagnostics);
  });

  it('changes the linter version when a rule source, a shared utility or the lockfile changes, not when a test does', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'lesson-lint-sources-'));
    roots.push(copy);
    const src = fileURLToPath(new URL('../../', import.meta.url));
    for (const folder of ['lint', 'utils', 'schemas']) cpSync(path.join(src, folder), path.join(copy, 'src', folder), { recursive: true });
    const lockFile = path.join(copy, 'package-lock.json');
    await writeFile(lockFile, '{"packages":{"node_modules/mermaid":{"version":"12.3.0"}}}');
    const version = () => digestLinterSources(path.join(copy, 'src'), lockFile);
    const original = version();
    expect(version()).toBe(original);

    const edit = async (relative: string, change: (text: string) => string) => {
      const file = path.join(copy, relative);
      await writeFile(file, change(await readFile(file, 'utf8')));
    };
    await edit('src/lint/__tests__/cache.test.ts', (text) => `${text}\n// comentário\n`);
    expect(version()).toBe(original);
    await edit('src/lint/rules/links.ts', (text) => text.replace('âncora inexistente', 'âncora desconhecida'));
    const afterRule = version();
    expect(afterRule).not.toBe(original);
    await edit('src/utils/frontmatter.ts', (text) => `${text}\n`);
    const afterUtility = version();
    expect(afterUtility).not.toBe(afterRule);
    await writeFile(lockFile, '{"packages":{"node_modules/mermaid":{"version":"12.4.0"}}}');
    expect(version()).not.toBe(afterUtility);
  });

  it('ignores a corrupt, truncated or unreadable cache file: never a crash, never a stale result', async () => {
    await withCache();
    const bytes = await readFile(cacheFile());
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10] = flipped[flipped.length - 10]! ^ 0xff;
    for (const broken of [Buffer.from('não é um cache'), bytes.subarray(0, bytes.length - 7), flipped, Buffer.alloc(0)]) {
      await writeFile(cacheFile(), broken);
      expect(await expectSameAsFromScratch()).toBe(0);
    }
    // A folder where the file should be: it can be neither read nor replaced.
    await rm(cacheFile());
    await mkdir(cacheFile());
    expect(await expectSameAsFromScratch()).toBe(0);
  });

  it('is not used with custom rules, whose code it cannot version', async () => {
    await withCache();
    const result = await withCache({ rules: [] });
    expect(result.cached).toBe(0);
    expect(result.diagnostics.every((d) => d.ruleId !== 'concreteness')).toBe(true);
  });
});

import { existsSync, lstatSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintLessons } from '../../lint/engine.ts';
import { checkGlossary } from '../glossary.ts';
import { createSyntheticSite, type SyntheticSite } from '../synthetic-site.ts';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
let site: SyntheticSite;

beforeAll(async () => {
  site = await createSyntheticSite(projectRoot, 20);
});

afterAll(async () => {
  await rm(site.dir, { recursive: true, force: true });
});

describe('createSyntheticSite', () => {
  it('writes lessons the build accepts: schema, collection checks and every lint rule', async () => {
    const { diagnostics, files } = await lintLessons({ root: site.dir, workers: 0 });

    expect(files).toHaveLength(20);
    expect(diagnostics).toEqual([]);
  });

  it('points every glossary term at a generated lesson', async () => {
    const { entries, diagnostics } = await checkGlossary(path.join(site.dir, 'content/glossary.yaml'), new Set(site.lessonIds));

    expect(diagnostics).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.lessons.every((id) => site.lessonIds.includes(id)))).toBe(true);
  });

  it('spreads the lessons over every module of the project, with unique orders', async () => {
    const modules = (await readFile(path.join(projectRoot, 'content/modules.yaml'), 'utf8')).match(/^- id: .+$/gm) ?? [];
    const used = new Set(site.lessonIds.map((id) => id.split('/')[0]));

    expect(used.size).toBe(modules.length);
  });

  it('links the packages and leaves the build caches out, so they start empty', () => {
    expect(lstatSync(path.join(site.dir, 'node_modules/astro')).isSymbolicLink()).toBe(true);
    for (const cache of ['.cache', '.astro', '.vite']) expect(existsSync(path.join(site.dir, 'node_modules', cache))).toBe(false);
  });
});

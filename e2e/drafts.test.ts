import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { toDraftLesson } from '../src/authoring/draft-answer.ts';

/**
 * Drafts never reach learners: a real `astro build` of a tiny project — this site's code and config, the
 * room's modules and glossary, one published lesson and one agent draft — must leave no trace of the draft
 * in any page, the sitemap or the search index. The fixture builds into its own temp folder (about 15 s) and
 * never reads or writes the project's dist/ or caches.
 */
const projectRoot = process.cwd();
const fixtures = path.join(projectRoot, 'src/authoring/__tests__/fixtures');
const published = { id: 'resiliencia/timeouts', title: 'Timeouts em chamadas HTTP' };
const draft = { id: 'resiliencia/retries', title: 'Retries com backoff: rascunho do agente', tag: 'tag-so-do-rascunho' };

/** Caches Astro and the diagram renderer write under node_modules/ stay in the fixture, away from the real project's. */
const projectCaches = new Set(['.astro', '.cache', '.vite', '.vite-temp']);

let root: string;
let files: { path: string; text: string }[];

async function linkNodeModules(target: string): Promise<void> {
  await mkdir(target);
  for (const entry of await readdir(path.join(projectRoot, 'node_modules'))) {
    if (!projectCaches.has(entry)) await symlink(path.join(projectRoot, 'node_modules', entry), path.join(target, entry));
  }
}

/** The real glossary, so every term the site's own pages use exists; lesson links point at the fixture lessons. */
async function fixtureGlossary(): Promise<string> {
  const doc = parseDocument(await readFile(path.join(projectRoot, 'content/glossary.yaml'), 'utf8'));
  const entries = doc.toJS() as { id: string; lessons?: string[] }[];
  entries.forEach((entry, index) => doc.setIn([index, 'lessons'], entry.id === 'timeout' ? [published.id, draft.id] : []));
  return doc.toString();
}

/**
 * Vitest exposes import.meta.env through process.env (NODE_ENV=test, DEV, MODE…). They are handed to the
 * build on purpose: they once made a production build publish drafts, and must not any more.
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
}

function build(cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd,
      // No Chromium: diagrams fall back to the reader's browser at once instead of drawing for seconds.
      env: { ...buildEnvironment(), DEV: '1', CHROMIUM_PATH: path.join(cwd, 'sem-chromium'), BASE_PATH: '/', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function readBuilt(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts: { path: string; text: string }[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, file);
    if (/\.(html|xml|txt)$/.test(entry.name)) texts.push({ path: relative, text: await readFile(file, 'utf8') });
    // Pagefind fragments are gzip'd JSON: one per indexed page, with its URL, title and text.
    else if (entry.name.endsWith('.pf_fragment')) texts.push({ path: relative, text: gunzipSync(await readFile(file)).toString('utf8') });
  }
  return texts;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'drafts-build-'));
  for (const item of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(path.join(projectRoot, item), path.join(root, item), { recursive: true });
  }
  await linkNodeModules(path.join(root, 'node_modules'));
  const lessons = path.join(root, 'content/lessons/resiliencia');
  await mkdir(lessons, { recursive: true });
  await cp(path.join(projectRoot, 'content/modules.yaml'), path.join(root, 'content/modules.yaml'));
  await writeFile(path.join(root, 'content/glossary.yaml'), await fixtureGlossary());
  await cp(path.join(fixtures, 'room/content/lessons/resiliencia/timeouts.mdx'), path.join(lessons, 'timeouts.mdx'));
  // The draft is what `npm run draft` writes for the model's answer, with a title, tag and level no other page has.
  const answer = (await readFile(path.join(fixtures, 'resposta-do-modelo.mdx'), 'utf8'))
    .replace('title: "Retries com backoff exponencial"', `title: "${draft.title}"`)
    .replace('tags: [retries, resiliencia]', `tags: [${draft.tag}]`);
  const result = toDraftLesson(answer);
  if ('problem' in result) throw new Error(result.problem);
  if (!result.source.includes(draft.title) || !result.source.includes(draft.tag)) throw new Error('a fixture do rascunho mudou: título ou tag não foram trocados');
  await writeFile(path.join(lessons, 'retries.mdx'), result.source);

  const { code, output } = await build(root);
  if (code !== 0) throw new Error(`astro build da fixture falhou (código ${code}):\n${output.slice(-4000)}`);
  files = await readBuilt(path.join(root, 'dist'));
}, 180_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('agent drafts in a production build', () => {
  it('builds the published lesson, lists it, maps it and indexes it', () => {
    expect(existsSync(path.join(root, 'dist', published.id, 'index.html'))).toBe(true);
    const sitemap = files.filter((file) => /^sitemap.*\.xml$/.test(file.path));
    expect(sitemap.length).toBeGreaterThan(0);
    expect(sitemap.some((file) => file.text.includes(`/${published.id}/`))).toBe(true);
    expect(files.some((file) => file.path.endsWith('.pf_fragment') && file.text.includes(`"/${published.id}/"`))).toBe(true);
    expect(files.find((file) => file.path === 'aulas/index.html')?.text).toContain(published.title);
  });

  it('has no page for the draft', () => {
    expect(existsSync(path.join(root, 'dist', draft.id))).toBe(false);
    expect(existsSync(path.join(root, 'dist/tags', draft.tag))).toBe(false);
  });

  it('leaves no trace of the draft in any page, the sitemap or the search index', () => {
    const checked = files.filter((file) => /\.(html|xml|pf_fragment)$/.test(file.path));
    expect(checked.filter((file) => file.path.endsWith('.pf_fragment')).length).toBeGreaterThan(0);
    for (const needle of [`/${draft.id}/`, draft.title, draft.tag]) {
      expect(checked.filter((file) => file.text.includes(needle)).map((file) => file.path), needle).toEqual([]);
    }
  });
});

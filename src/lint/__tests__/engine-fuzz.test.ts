import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultLintConfig } from '../config.ts';
import { lintLessonSource } from '../engine.ts';
import { testFacts } from './test-facts.ts';

const lesson = readFileSync(fileURLToPath(new URL('../rules/__fixtures__/sequence-diagram/ok.mdx', import.meta.url)), 'utf8');
const required = defaultLintConfig.requiredSections;

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The lesson as frontmatter plus one chunk per H2 section (split on lines, not parsed: this only builds inputs). */
function splitSections(source: string): { head: string; sections: { title: string; text: string }[] } {
  const parts = source.split(/^(?=## )/m);
  return {
    head: parts[0]!,
    sections: parts.slice(1).map((text) => ({ title: text.slice(3, text.indexOf('\n')).trim(), text })),
  };
}

/** Some error, whichever rule finds it. */
const anyRule = '*';

type Mutation = { name: string; apply: (pick: () => number) => { source: string; expectRule?: string } };

const mutations: Mutation[] = [
  {
    name: 'remove a required section',
    apply: (pick) => {
      const { head, sections } = splitSections(lesson);
      const index = Math.floor(pick() * sections.length);
      return { source: head + sections.filter((_, i) => i !== index).map((s) => s.text).join(''), expectRule: 'required-sections' };
    },
  },
  {
    name: 'swap two sections',
    apply: (pick) => {
      const { head, sections } = splitSections(lesson);
      const a = Math.floor(pick() * sections.length);
      const b = (a + 1 + Math.floor(pick() * (sections.length - 1))) % sections.length;
      [sections[a], sections[b]] = [sections[b]!, sections[a]!];
      if (!sections[a]!.text.endsWith('\n\n')) sections[a]!.text += '\n';
      return { source: head + sections.map((s) => s.text).join(''), expectRule: 'required-sections' };
    },
  },
  {
    name: 'rename a heading',
    apply: (pick) => {
      const title = required[Math.floor(pick() * required.length)]!;
      const variants = [title.toUpperCase(), title.normalize('NFD').replace(/\p{M}/gu, ''), `${title}:`, title.replace(' ', '  '), `${title} extra`].filter(
        (variant) => variant !== title,
      );
      const renamed = variants[Math.floor(pick() * variants.length)]!;
      return { source: lesson.replace(`## ${title}\n`, `## ${renamed}\n`), expectRule: 'required-sections' };
    },
  },
  {
    name: 'truncate the file',
    apply: (pick) => {
      const cut = Math.floor(pick() * lesson.length);
      const source = lesson.slice(0, cut);
      const keepsAll = required.every((title) => source.includes(`## ${title}\n`)) && source.includes('- Esquecer que um atacante');
      return keepsAll ? { source } : { source, expectRule: 'required-sections' };
    },
  },
  {
    name: 'break a fence',
    apply: (pick) => {
      const fences = [...lesson.matchAll(/^```$/gm)].map((match) => match.index);
      const at = fences[Math.floor(pick() * fences.length)]!;
      // Without its closing fence, a block swallows what follows up to the next bare fence: sections,
      // or the next example (then "Na prática" loses a language and the code no longer parses).
      return { source: lesson.slice(0, at) + lesson.slice(at + 3), expectRule: anyRule };
    },
  },
  {
    name: 'delete random lines',
    apply: (pick) => {
      const lines = lesson.split('\n');
      const count = 1 + Math.floor(pick() * 8);
      for (let i = 0; i < count; i += 1) lines.splice(Math.floor(pick() * lines.length), 1);
      return { source: lines.join('\n') };
    },
  },
];

describe('lint on randomly mutated lessons', () => {
  it('never crashes and always reports a broken contract', async () => {
    const pick = random(20261123);
    let checked = 0;
    for (let round = 0; round < 50; round += 1) {
      for (const mutation of mutations) {
        const { source, expectRule } = mutation.apply(pick);
        const { diagnostics } = await lintLessonSource({ file: 'mutante.mdx', source, lessonId: 'resiliencia/timeouts', facts: testFacts });
        const label = `${mutation.name}, round ${round}`;
        expect(diagnostics.filter((d) => d.ruleId === 'internal'), label).toEqual([]);
        for (const d of diagnostics) {
          expect(d.line, label).toBeGreaterThanOrEqual(1);
          expect(d.column, label).toBeGreaterThanOrEqual(1);
        }
        if (expectRule) {
          const errors = diagnostics.filter((d) => d.severity === 'error' && (expectRule === anyRule || d.ruleId === expectRule || d.ruleId === 'mdx-syntax'));
          expect(errors.length, label).toBeGreaterThan(0);
        }
        checked += 1;
      }
    }
    expect(checked).toBe(300);
  }, 120_000);
});

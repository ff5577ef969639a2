import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { lintLessonSource } from '../engine.ts';
import { parseLesson } from '../parse.ts';
import { rules } from '../rules/index.ts';
import { testFacts } from './test-facts.ts';

const fixturesDir = fileURLToPath(new URL('../rules/__fixtures__/', import.meta.url));

/**
 * Lines a not-ok fixture expects a finding on: each `{/* lint-expect: <rule-id> *\/}` marks the block
 * right after it (a heading, paragraph, table, list or code fence).
 */
function expectedRanges(tree: Root, ruleId: string): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  tree.children.forEach((node: RootContent, index) => {
    if (node.type !== 'mdxFlowExpression' || node.value.replace(/[/*\s]+/g, ' ').trim() !== `lint-expect: ${ruleId}`) return;
    const next = tree.children[index + 1];
    if (next?.position) ranges.push({ from: next.position.start.line, to: next.position.end.line });
  });
  return ranges;
}

describe('rule fixtures', () => {
  it('every rule has ok and not-ok fixtures, and every fixture folder belongs to a rule', () => {
    const folders = readdirSync(fixturesDir).sort();
    expect(folders).toEqual(rules.map((rule) => rule.id).sort());
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      const read = (kind: string) => {
        const file = path.join(fixturesDir, rule.id, `${kind}.mdx`);
        return { file: path.relative(process.cwd(), file), source: readFileSync(file, 'utf8') };
      };

      it('ok.mdx produces no diagnostic of this rule', async () => {
        const { file, source } = read('ok');
        const { diagnostics } = await lintLessonSource({ file, source, lessonId: 'resiliencia/timeouts', facts: testFacts });
        expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === rule.id)).toEqual([]);
        expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'internal' || diagnostic.ruleId === 'mdx-syntax')).toEqual([]);
      });

      it('not-ok.mdx produces a diagnostic of this rule on the marked block', async () => {
        const { file, source } = read('not-ok');
        const parsed = parseLesson(source);
        if (!('tree' in parsed)) throw new Error(`fixture does not parse: ${parsed.error.reason}`);
        const ranges = expectedRanges(parsed.tree, rule.id);
        expect(ranges.length).toBeGreaterThan(0);
        const { diagnostics } = await lintLessonSource({ file, source, lessonId: 'resiliencia/timeouts', facts: testFacts });
        const own = diagnostics.filter((diagnostic) => diagnostic.ruleId === rule.id);
        for (const { from, to } of ranges) {
          expect(own.some((diagnostic) => diagnostic.line >= from && diagnostic.line <= to), `${rule.id} on lines ${from}-${to}`).toBe(true);
        }
        for (const diagnostic of own) {
          expect(diagnostic.file).toBe(file);
          expect(diagnostic.message).toMatch(/esperad[oa]/);
        }
      });
    });
  }
});

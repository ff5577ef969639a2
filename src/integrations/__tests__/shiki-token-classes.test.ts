import type { Element, Root } from 'hast';
import { codeToHast, codeToHtml } from 'shiki';
import parseStyle from 'style-to-object';
import { visitParents } from 'unist-util-visit-parents';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CodePalette, codeThemes, loadCodePalette, paletteCss } from '../../utils/code-palette.ts';
import { transformerTokenClasses } from '../shiki-token-classes.ts';

let palette: CodePalette;
beforeAll(async () => {
  palette = await loadCodePalette();
});

const samples: Record<string, string> = {
  ts: [
    'import { setTimeout as sleep } from "node:timers/promises";',
    '/** Retries with a budget. */',
    'export async function fetchWithRetry(url: string, attempts = 3): Promise<Response> {',
    '  for (let i = 0; i < attempts; i++) {',
    '    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });',
    '    if (res.status !== 503) return res;',
    '    await sleep(2 ** i * 100);',
    '  }',
    '  throw new Error(`gave up after ${attempts} attempts`);',
    '}',
  ].join('\n'),
  python: 'import httpx\n\n@retry(times=3)\ndef get(url: str) -> dict:\n    """Fetch JSON."""\n    return httpx.get(url, timeout=2.0).json()  # 2 s',
  http: 'PUT /v1/items/42 HTTP/1.1\nHost: api.example.com\nIf-Match: "v1"\n\n{"name": "x"}',
  sql: "SELECT id, name FROM users WHERE email = $1 AND deleted_at IS NULL LIMIT 1; -- index on email",
  yaml: 'openapi: 3.1.0\npaths:\n  /items/{id}:\n    get:\n      responses:\n        "200": { description: ok }',
  md: '# Title\n\n*italic* and **bold** and ~~gone~~ and [link](https://example.com)',
};

// Shiki stops tokenizing a line after 500 ms by default; on a busy machine the first call (grammar compilation
// included) can hit that and leave the rest of a line plain, which would make the two renders differ.
const render = (code: string, lang: string, transformers = [transformerTokenClasses(palette)]) =>
  codeToHast(code, { lang, themes: codeThemes, defaultColor: false, transformers, tokenizeTimeLimit: 0 });

type Look = Record<string, string>;

/** What each character of the code looks like in both themes: the CSS declarations that reach it. */
function characterLooks(tree: Root, resolveClasses: boolean): Look[] {
  const rules = new Map<string, Look>();
  for (const match of paletteCss(palette).matchAll(/\.astro-code \.([a-z0-9]+)\{([^}]*)\}/g)) {
    rules.set(match[1]!, parseStyle(match[2]!) ?? {});
  }
  const looks: Look[] = [];
  visitParents(tree, 'text', (node, ancestors) => {
    if (!ancestors.some((parent) => parent.type === 'element' && parent.tagName === 'code')) return;
    const look: Look = {};
    for (const ancestor of ancestors as Element[]) {
      if (ancestor.type !== 'element' || ancestor.tagName === 'pre') continue;
      if (resolveClasses) {
        for (const name of (ancestor.properties['className'] as string[] | undefined) ?? []) Object.assign(look, rules.get(name));
      }
      const style = ancestor.properties['style'];
      if (typeof style === 'string') Object.assign(look, parseStyle(style));
    }
    for (const [property, value] of Object.entries(look)) {
      if (!(property in look)) continue;
      look[property] = value.toLowerCase();
      // A font style both themes share is what the class sets directly.
      const shared = /^--shiki-light-(.+)$/.exec(property)?.[1];
      if (shared && look[`--shiki-dark-${shared}`] === value) {
        look[shared] = value;
        delete look[property];
        delete look[`--shiki-dark-${shared}`];
      }
      // The block's own colours are what a character without a token colour inherits.
      if (property === '--shiki-light' && look[property] === palette.light.fg) delete look[property];
      if (property === '--shiki-dark' && look[property] === palette.dark.fg) delete look[property];
    }
    for (const character of node.value) looks.push({ ...look, character });
  });
  return looks;
}

describe('transformerTokenClasses', () => {
  it.each(Object.keys(samples))('keeps every character of %s looking the same in both themes', async (lang) => {
    const before = characterLooks(await render(samples[lang]!, lang, []), false);
    const after = characterLooks(await render(samples[lang]!, lang), true);
    const diff = after.flatMap((look, index) => (JSON.stringify(look) === JSON.stringify(before[index]) ? [] : [[index, before[index], look]]));
    expect(diff).toEqual([]);
    expect(before.some((look) => Object.keys(look).length > 1)).toBe(true);
  });

  it('writes no token colours inline and leaves no span that only repeats the block colours', async () => {
    const html = await codeToHtml(samples['ts']!, {
      lang: 'ts',
      themes: codeThemes,
      defaultColor: false,
      transformers: [transformerTokenClasses(palette)],
    });
    expect(html).not.toContain('--shiki-');
    expect(html).not.toMatch(/<span>|<span class="line"><span class="line">/);
    expect(html).toMatch(/<span class="l[0-9a-z] d[0-9a-z]">/);
  });

  it('merges neighbouring tokens that end up with the same classes', async () => {
    const tree = await render('const a = "x" + "y";', 'ts');
    const classLists: string[] = [];
    visitParents(tree, 'element', (node) => {
      if (node.tagName === 'span' && node.properties['className']) classLists.push(String(node.properties['className']));
    });
    classLists.forEach((list, index) => {
      if (index > 0 && list !== 'line') expect(list).not.toBe(classLists[index - 1]);
    });
  });

  it('keeps a colour outside the palette inline instead of dropping it', async () => {
    const html = await codeToHtml('\u001b[31mred\u001b[0m plain', {
      lang: 'ansi',
      themes: codeThemes,
      defaultColor: false,
      transformers: [transformerTokenClasses(palette)],
    });
    expect(html).toMatch(/style="--shiki-light:#[0-9a-f]{6};--shiki-dark:#[0-9a-f]{6}"|class="l[0-9a-z] d[0-9a-z]"/i);
    expect(html).toContain('red');
  });
});

describe('paletteCss', () => {
  it('gives the block both themes’ colours and a rule for every class a token can get', () => {
    const css = paletteCss(palette);
    expect(css).toContain(`--shiki-light:${palette.light.fg};--shiki-dark:${palette.dark.fg}`);
    expect(css.match(/\.l[0-9a-z]\{/g)).toHaveLength(palette.light.colors.length);
    expect(css.match(/\.d[0-9a-z]\{/g)).toHaveLength(palette.dark.colors.length);
    expect(css).toContain('.astro-code .i{font-style:italic}');
  });
});

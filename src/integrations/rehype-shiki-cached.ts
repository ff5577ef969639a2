import { type CreateShikiHighlighterOptions, createShikiHighlighter, type ShikiHighlighter } from '@astrojs/markdown-remark/shiki';
import type { ShikiConfig } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { codeFingerprint, defaultHighlightCacheDir, HighlightCache } from '../utils/highlight-cache.ts';

export interface RehypeShikiCachedOptions {
  /** The shiki settings Astro would get as `markdown.shikiConfig`. */
  shiki: Partial<ShikiConfig>;
  /** Languages left as they are (Astro's `syntaxHighlight.excludeLangs`). */
  excludeLangs?: readonly string[];
  cacheDir?: string;
  /** Project root: package-lock.json and src/ make the cache key; default the working directory, as Astro runs. */
  root?: string;
}

const languagePattern = /\blanguage-(\S+)\b/;

function languageOf(code: Element): string {
  const className = code.properties['className'];
  const classes = typeof className === 'string' ? [className] : Array.isArray(className) ? className : [];
  for (const value of classes) {
    const match = typeof value === 'string' ? languagePattern.exec(value) : null;
    if (match?.[1]) return match[1];
  }
  return 'plaintext';
}

/** The settings Astro's step hands createShikiHighlighter, the others go with each block. */
function highlighterOptions(shiki: Partial<ShikiConfig>): CreateShikiHighlighterOptions {
  const options: CreateShikiHighlighterOptions = {};
  if (shiki.langs) options.langs = shiki.langs;
  if (shiki.theme) options.theme = shiki.theme;
  if (shiki.themes) options.themes = shiki.themes;
  if (shiki.langAlias) options.langAlias = shiki.langAlias;
  return options;
}

interface Block {
  /** The <code> element. */
  element: Element;
  pre: Element;
  parent: { children: unknown[] };
  language: string;
}

/**
 * Astro's shiki step (rehype-shiki of @astrojs/markdown-remark: same highlighter, same options, same blocks) with a
 * cache on disk: tokenizing is the largest single cost of a build, and a block whose code, language, meta and
 * highlighting code did not change comes out the same. Runs first among the rehype plugins, where Astro runs its
 * own, which `syntaxHighlight: false` turns off.
 */
export function rehypeShikiCached(options: RehypeShikiCachedOptions) {
  const { shiki } = options;
  const excluded = new Set(options.excludeLangs ?? []);
  // Made on the first page with code; undefined inside when nothing can key the cache.
  let code: { cache: HighlightCache<Element> | undefined } | undefined;
  let highlighter: Promise<ShikiHighlighter> | undefined;

  return async (tree: Root) => {
    const blocks: Block[] = [];
    // A <pre> whose only child is a <code>, as Astro's step picks them.
    visit(tree, 'element', (pre, _index, parent) => {
      const [element] = pre.children;
      if (pre.tagName !== 'pre' || pre.children.length !== 1 || element?.type !== 'element' || element.tagName !== 'code' || !parent) return;
      const language = languageOf(element);
      if (!excluded.has(language)) blocks.push({ element, pre, parent, language });
    });
    if (blocks.length === 0) return;
    if (!code) {
      const fingerprint = codeFingerprint(options.root ?? process.cwd());
      code = { cache: fingerprint === undefined ? undefined : new HighlightCache(options.cacheDir ?? defaultHighlightCacheDir, fingerprint) };
    }
    const { cache } = code;

    for (const { element, pre, parent, language } of blocks) {
      const meta = (element.data as { meta?: string } | undefined)?.meta ?? element.properties['metastring'] ?? undefined;
      const text = toText(element, { whitespace: 'pre' });
      const key = HighlightCache.key([text, language, meta, shiki.themes, shiki.theme, shiki.langAlias, shiki.defaultColor, shiki.wrap]);
      let replacement = cache?.get(key);
      if (!replacement) {
        highlighter ??= createShikiHighlighter(highlighterOptions(shiki));
        const result = await (await highlighter).codeToHast(text, language, {
          ...(typeof meta === 'string' ? { meta } : {}),
          ...(shiki.wrap !== undefined ? { wrap: shiki.wrap } : {}),
          ...(shiki.defaultColor !== undefined ? { defaultColor: shiki.defaultColor } : {}),
          ...(shiki.transformers ? { transformers: shiki.transformers } : {}),
        });
        replacement = result.children[0] as Element;
        cache?.set(key, replacement);
      }
      parent.children[parent.children.indexOf(pre)] = replacement;
    }
  };
}

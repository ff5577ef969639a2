import type { ShikiConfig, UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import { texts } from '../texts.ts';
import { type CodePalette, codeThemes } from '../utils/code-palette.ts';
import type { DiagramDrawer } from '../utils/diagram-service.ts';
import { codeTransformers } from './code-transformers.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeMermaid } from './rehype-mermaid.ts';
import { rehypeShikiCached } from './rehype-shiki-cached.ts';
import { rehypeStaticHtml } from './rehype-static-html.ts';
import { rehypeTableScroll } from './rehype-table-scroll.ts';
import { remarkReadingTime } from './remark-reading-time.ts';

/*
 * The one description of how lessons become HTML. astro.config.mjs builds Astro's processors from it, and the
 * MDX workers of parallel-mdx.ts build theirs from it too: functions cannot be sent to a worker, so each
 * thread must construct the same plugins itself, and a plugin added anywhere else would be missing in the
 * workers.
 */

export interface PipelineOptions {
  /** The site's base path (astro.config `base`). */
  base: string;
  /** Draws the diagrams; by default the process-wide service of rehype-mermaid. */
  diagrams?: DiagramDrawer;
  /** Receives rehype-mermaid's warning when no browser is available. */
  warn?: (message: string) => void;
  /** Highlighting settings: shikiConfig(await loadCodePalette()). */
  shiki: Partial<ShikiConfig>;
}

/** Astro's own highlighting is off: rehypeShikiCached does the same work, first among the rehype plugins. */
export const syntaxHighlight = false;

/** Highlighting settings; `palette` is loadCodePalette()'s, the same the stylesheet of code-colors.ts is made from. */
export function shikiConfig(palette: CodePalette): Partial<ShikiConfig> {
  return {
    themes: codeThemes,
    defaultColor: false,
    transformers: codeTransformers(palette),
  };
}

/** remark and rehype plugins of every Markdown and MDX file. */
export function markdownPipeline(options: PipelineOptions) {
  return {
    remarkPlugins: [remarkReadingTime],
    rehypePlugins: [
      [rehypeShikiCached, { shiki: options.shiki, excludeLangs: ['math', 'mermaid'] }],
      [rehypeBaseLinks, { base: options.base }],
      [
        rehypeMermaid,
        {
          base: options.base,
          ...(options.diagrams ? { service: options.diagrams } : {}),
          ...(options.warn ? { warn: options.warn } : {}),
        },
      ],
      [rehypeTableScroll, { label: texts.lesson.tableLabel }],
      // Links to other sites must not hand them window.opener nor the reader's URL; they open in the same tab.
      [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
    ],
  } satisfies UnifiedProcessorOptions;
}

/**
 * MDX gets one more rehype plugin: rehypeStaticHtml hands diagrams and code blocks to MDX as finished HTML,
 * in a node type only MDX knows.
 */
export function mdxPipeline(options: PipelineOptions) {
  const { remarkPlugins, rehypePlugins } = markdownPipeline(options);
  return { remarkPlugins, rehypePlugins: [...rehypePlugins, rehypeStaticHtml] } satisfies UnifiedProcessorOptions;
}

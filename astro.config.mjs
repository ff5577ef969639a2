// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { transformerMetaHighlight } from '@shikijs/transformers';
import { defineConfig, envField } from 'astro/config';
import { diagrams } from './src/integrations/diagrams.ts';
import { draftVisibility } from './src/integrations/draft-visibility.ts';
import { lessonLint } from './src/integrations/lesson-lint.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { rehypeBaseLinks } from './src/integrations/rehype-base-links.ts';
import { rehypeMermaid } from './src/integrations/rehype-mermaid.ts';
import { rehypeTableScroll } from './src/integrations/rehype-table-scroll.ts';
import { remarkReadingTime } from './src/integrations/remark-reading-time.ts';
import { transformerCodeFrame } from './src/integrations/shiki-code-frame.ts';
import { texts } from './src/texts.ts';

// Where the site is served from; both can be set per deployment (e.g. a preview under a sub-path).
const site = process.env.SITE_URL ?? 'https://backend.themelion.com.br';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations: [draftVisibility(), lessonLint(), mdx(), sitemap(), diagrams(), pagefindIndex()],
  env: {
    schema: {
      REPO_URL: envField.string({
        context: 'server',
        access: 'public',
        url: true,
        default: 'https://github.com/themelion/sala-backend',
      }),
      REPO_BRANCH: envField.string({ context: 'server', access: 'public', default: 'main' }),
    },
  },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkReadingTime],
      rehypePlugins: [
        [rehypeBaseLinks, { base }],
        [rehypeMermaid, { base }],
        [rehypeTableScroll, { label: texts.lesson.tableLabel }],
      ],
    }),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['math', 'mermaid'] },
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      transformers: [transformerMetaHighlight(), transformerCodeFrame()],
    },
  },
});

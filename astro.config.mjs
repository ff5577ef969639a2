// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig, envField } from 'astro/config';
import { staticHeaders } from './src/integrations/static-headers.ts';
import { codeColors } from './src/integrations/code-colors.ts';
import { diagrams } from './src/integrations/diagrams.ts';
import { draftVisibility } from './src/integrations/draft-visibility.ts';
import { lessonLint } from './src/integrations/lesson-lint.ts';
import { markdownPipeline, shikiConfig, syntaxHighlight } from './src/integrations/markdown-pipeline.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { parallelMdx } from './src/integrations/parallel-mdx.ts';
import { loadCodePalette } from './src/utils/code-palette.ts';

// Where the site is served from; both can be set per deployment (e.g. a preview under a sub-path).
const site = process.env.SITE_URL ?? 'https://backend.themelion.com.br';
const base = process.env.BASE_PATH ?? '/';
const codePalette = await loadCodePalette();
const shiki = shikiConfig(codePalette);

// Lessons compile on worker threads during builds of large sites; their plugins and highlighting are in
// markdown-pipeline.ts, which the workers load too, so change them there.
const lessons = parallelMdx({ base, shiki });

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  vite: {
    build: {
      // Astro inlines every small processed script into each page, and its CSP then lists the hash of every
      // script of the whole site in every page. As files, the theme toggle, copy button and search scripts are
      // fetched once and cached for every later page, and script-src needs no hash but the pre-paint theme script.
      assetsInlineLimit: (filePath) => (filePath.endsWith('.js') ? false : undefined),
    },
  },
  integrations: [
    draftVisibility(),
    lessonLint(),
    mdx({ processor: lessons.processor }),
    lessons.integration,
    sitemap(),
    diagrams(),
    codeColors(codePalette),
    pagefindIndex(),
    staticHeaders(),
  ],
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
    processor: unified(markdownPipeline({ base, shiki })),
    syntaxHighlight,
  },
  // One <meta> CSP per page, and the same policy as a header in dist/_headers (integrations/static-headers.ts), which
  // adds frame-ancestors and covers Pagefind's worker. The only inline script is Base.astro's theme script (it must run
  // before first paint); Astro does not hash is:inline scripts, so its hash is listed here, and e2e/security.test.ts
  // recomputes the hash of every inline script in dist/ and names the new value when that script changes.
  // 'wasm-unsafe-eval': Pagefind compiles its WebAssembly search core. style-src keeps 'unsafe-inline' because each
  // Mermaid SVG carries its own <style> and style attributes, unknown to Astro (code tokens use classes); CSS cannot
  // run script, and no origin but 'self' is allowed anywhere.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: ['sha256-uGYZA55dbx5Re8Wu7pzNaTbjywjTqDkZpv899WF2DeQ='],
      },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
});

import type { AstroIntegration } from 'astro';

/**
 * Drafts and lessons in review are shown only by `astro dev`. The decision comes from the command, not
 * from import.meta.env.DEV: environment variables such as NODE_ENV=test or DEV=1 flip DEV during a
 * production build, which would publish drafts.
 */
export function draftVisibility(): AstroIntegration {
  return {
    name: 'themelion-draft-visibility',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.SHOW_DRAFTS': JSON.stringify(command === 'dev') } } });
      },
    },
  };
}

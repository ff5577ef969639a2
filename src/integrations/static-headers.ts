import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { headerPolicy, headersFile } from '../utils/static-headers.ts';

/** Writes dist/_headers from the site's CSP config, so the header and the pages' <meta> policies cannot drift apart. */
export function staticHeaders(): AstroIntegration {
  let policy = '';
  return {
    name: 'themelion-static-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        policy = headerPolicy(config.security?.csp);
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), headersFile(policy));
      },
    },
  };
}

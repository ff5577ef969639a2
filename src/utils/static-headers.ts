import type { AstroConfig } from 'astro';

type CspConfig = NonNullable<AstroConfig['security']>['csp'];
type SourceConfig = {
  resources?: readonly (string | { resource: string; kind?: string })[] | undefined;
  hashes?: readonly (string | { hash: string; kind?: string })[] | undefined;
};

/**
 * script-src or style-src as Astro writes it into each page's <meta>: the configured resources ('self' when there are
 * none) and the hashes, which browsers ignore next to 'unsafe-inline' (so Astro leaves them out, and so does this).
 */
function sourceDirective(name: 'script-src' | 'style-src', config: SourceConfig | undefined): string {
  const entries = [...(config?.resources ?? []), ...(config?.hashes ?? [])];
  if (entries.some((entry) => typeof entry !== 'string' && (entry.kind ?? 'default') !== 'default')) {
    throw new Error(
      `security.csp em astro.config.mjs: ${name} com "kind" element ou attribute não é suportado pelo _headers gerado; ` +
        'use recursos e hashes simples (strings) ou ensine src/utils/static-headers.ts a escrever as diretivas -elem/-attr.',
    );
  }
  const value = (entry: string | { resource: string } | { hash: string }) =>
    typeof entry === 'string' ? entry : 'resource' in entry ? entry.resource : entry.hash;
  const resources = (config?.resources ?? []).map(value);
  const hashes = resources.includes("'unsafe-inline'") ? [] : (config?.hashes ?? []).map((entry) => `'${value(entry)}'`);
  return [name, ...(resources.length > 0 ? resources : ["'self'"]), ...hashes].join(' ');
}

/**
 * The Content-Security-Policy header for static hosts, built from the same `security.csp` config Astro turns into
 * each page's `<meta>`: the fixed directives, then script-src and style-src with the configured resources and hashes.
 * A header can say what a `<meta>` cannot: frame-ancestors. It also reaches what has no `<meta>` at all, such as
 * Pagefind's worker and the standalone diagram SVGs.
 */
export function headerPolicy(csp: CspConfig): string {
  const config = typeof csp === 'object' ? csp : undefined;
  const directives = [
    ...(config?.directives ?? []),
    sourceDirective('script-src', config?.scriptDirective),
    sourceDirective('style-src', config?.styleDirective),
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** The `_headers` file (Netlify, Cloudflare Pages) for every path of the site. */
export function headersFile(policy: string): string {
  return [
    '# Response headers for static hosts that read this file (Netlify, Cloudflare Pages). Written by the build from',
    "# security.csp in astro.config.mjs, the config Astro also turns into each page's <meta> policy.",
    '/*',
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    '  X-Frame-Options: DENY',
    '',
  ].join('\n');
}

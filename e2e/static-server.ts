import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Text formats a static host compresses; images other than SVG, WebAssembly and Pagefind's pre-gzipped files are sent as they are. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);

export interface StaticServerOptions {
  /**
   * Gzip text responses when the client accepts it, as static hosts (Netlify, Cloudflare Pages) do. Off by
   * default so that the browser tests see the files byte for byte; Lighthouse turns it on, since it times
   * transfers with the bytes that reach the browser.
   */
  compress?: boolean;
}

export interface StaticServer {
  /** Site root URL including the base path, always ending in "/". */
  url: string;
  close: () => Promise<void>;
}

/** Normalises a base path the way Astro's `base` reads it: "/", "/docs/" or "docs" all work. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The build's `_headers` file read with Netlify's own parser, so every response carries the host's headers (the CSP among them). */
async function hostHeaders(root: string): Promise<Header[]> {
  const { headers, errors } = await parseAllHeaders({ headersFiles: [path.join(root, '_headers')], configHeaders: undefined, minimal: false });
  if (errors.length > 0) throw new Error(`${path.join(root, '_headers')} inválido: ${errors.map((error) => error.message).join('; ')}`);
  return headers as Header[];
}

/**
 * Serves a built site the way a static host does: only under the base path, directories answer with
 * their index.html, nothing else is rewritten, and a missing file answers 404 with the site's 404.html
 * (as Netlify, Cloudflare Pages and GitHub Pages do), with the headers of the build's `_headers` file. Listens on
 * 127.0.0.1 on a free port.
 */
export async function startStaticServer(root: string, base = '/', options: StaticServerOptions = {}): Promise<StaticServer> {
  const prefix = normaliseBase(base);
  const rules = await hostHeaders(root);
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    for (const rule of rules) if (rule.forRegExp.test(pathname)) for (const [name, value] of Object.entries(rule.values)) response.setHeader(name, value);
    const notFound = async () => {
      const page = await readFile(path.join(root, '404.html')).catch(() => undefined);
      response.writeHead(404, { 'content-type': page ? contentTypes['.html']! : 'text/plain; charset=utf-8' });
      response.end(page ?? '404');
    };
    if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return notFound();
    const relative = pathname.slice(prefix.length - 1);
    let file = path.join(root, relative);
    if (!file.startsWith(root)) return notFound();
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          response.writeHead(301, { location: `${pathname}/` });
          return response.end();
        }
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      const extension = path.extname(file);
      const headers: OutgoingHttpHeaders = { 'content-type': contentTypes[extension] ?? 'application/octet-stream' };
      const compressed = options.compress === true && compressible.has(extension);
      const gzip = compressed && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (compressed) headers.vary = 'accept-encoding';
      if (gzip) headers['content-encoding'] = 'gzip';
      else headers['content-length'] = info.size;
      response.writeHead(200, headers);
      const body = createReadStream(file);
      (gzip ? body.pipe(createGzip()) : body).pipe(response);
    } catch {
      await notFound();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

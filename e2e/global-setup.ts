import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Root URL of the served dist/, with the base path and a trailing slash. */
    siteUrl: string;
    /** Absolute path of the served build. */
    distDir: string;
  }
}

/** Serves the built site for the browser tests; they test what would be deployed, so they never build it. */
export default async function setup(project: TestProject) {
  const distDir = path.resolve(process.env.DIST_DIR ?? 'dist');
  const missing = ['index.html', 'pagefind/pagefind.js'].filter((file) => !existsSync(path.join(distDir, file)));
  if (missing.length > 0) {
    throw new Error(
      `Build não encontrado: faltam ${missing.map((file) => path.join(distDir, file)).join(' e ')}. ` +
        'Os testes de navegador rodam sobre o site gerado; rode npm run build (com o mesmo BASE_PATH) e depois npm run test:e2e.',
    );
  }
  const server = await startStaticServer(distDir, process.env.BASE_PATH ?? '/');
  project.provide('siteUrl', server.url);
  project.provide('distDir', distDir);
  return server.close;
}

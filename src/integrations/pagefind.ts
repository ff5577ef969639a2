import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Pagefind writes its prebuilt UIs too; the site uses its own UI on the JS API, so they are not published. */
const unusedBundleFiles = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

async function directoryBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries.filter((entry) => entry.isFile()).map((entry) => stat(path.join(entry.parentPath, entry.name)).then((info) => info.size)),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * Builds the Pagefind index from the finished HTML at the end of `astro build`, into <outDir>/pagefind/.
 * Pages choose what is searchable with data-pagefind-body (lesson text, glossary entries); everything
 * else, including site chrome, stays out. The index is one Portuguese index, so stemming and
 * accent folding follow Pagefind's "pt" rules whatever the exact lang tag of a page.
 */
export function pagefindIndex(options: { bundleDir?: string } = {}): AstroIntegration {
  const bundleDir = options.bundleDir ?? 'pagefind';
  return {
    name: 'themelion-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const outputPath = path.join(outDir, bundleDir);
        const fail = (step: string, errors: string[]) => {
          throw new Error(`Pagefind falhou ao ${step}: ${errors.join('; ')}. Confira o HTML gerado em ${outDir} e rode o build de novo.`);
        };
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'pt', excludeSelectors: ['.copy-button'] });
          if (!index) return fail('criar o índice', errors);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) fail('ler as páginas', added.errors);
          if (added.page_count === 0) fail('indexar', ['nenhuma página com data-pagefind-body foi encontrada']);
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) fail('gravar o índice', written.errors);
        } finally {
          await pagefind.close();
        }
        for (const file of await readdir(outputPath)) {
          if (unusedBundleFiles.test(file)) await rm(path.join(outputPath, file));
        }
        const bytes = await directoryBytes(outputPath);
        logger.info(`Índice de busca gravado em ${path.relative(process.cwd(), outputPath) || outputPath} (${(bytes / 1024).toFixed(1)} KiB).`);
      },
    },
  };
}

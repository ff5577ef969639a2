import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { formatDiagnostic, sortDiagnostics } from '../utils/diagnostics';
import { checkGlossary } from '../utils/glossary';

export interface GlossaryLoaderOptions {
  /** YAML list of terms, relative to the project root. */
  file: string;
  /** Folder with <module>/<slug>.mdx lessons, relative to the project root. */
  lessonsDir: string;
}

async function lessonIdsIn(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return new Set(
    entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).replaceAll('\\', '/').replace(/\.mdx$/, '')),
  );
}

/**
 * Loads the glossary after checking all of it, including that every related lesson exists: a dangling
 * reference stops the build with the file, line and term, instead of a silently missing link.
 */
export function glossaryLoader(options: GlossaryLoaderOptions): Loader {
  return {
    name: 'themelion-glossary',
    load: async ({ config, store, parseData, logger, watcher }) => {
      const root = fileURLToPath(config.root);
      const file = fileURLToPath(new URL(options.file, config.root));
      const lessonsDir = fileURLToPath(new URL(options.lessonsDir, config.root));
      const shown = path.relative(root, file).replaceAll('\\', '/');
      const sync = async () => {
        const { entries, diagnostics } = await checkGlossary(file, await lessonIdsIn(lessonsDir), shown);
        if (diagnostics.length > 0) {
          const summary = `${diagnostics.length} ${diagnostics.length === 1 ? 'problema' : 'problemas'} no glossário:`;
          const lines = sortDiagnostics(diagnostics).map(formatDiagnostic);
          if (!watcher) {
            const error = new AstroError([summary, ...lines].join('\n'), `Corrija ${shown} nas linhas indicadas e rode o build de novo.`);
            // The diagnostics already name file and line; a stack trace into the loader would only bury them.
            error.stack = '';
            throw error;
          }
          logger.error([summary, ...lines].join('\n'));
        }
        store.clear();
        for (const entry of entries) {
          const data = await parseData({ id: entry.id, data: entry, filePath: shown });
          store.set({ id: entry.id, data, filePath: shown });
        }
      };
      await sync();
      if (watcher) {
        watcher.add(file);
        watcher.on('change', (changed) => {
          if (path.resolve(changed) === file) void sync();
        });
      }
    },
  };
}

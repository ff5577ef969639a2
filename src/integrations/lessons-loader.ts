import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { formatDiagnostic, sortDiagnostics } from '../utils/diagnostics';
import { checkLessonCollection } from '../utils/lesson-collection';

export interface LessonsLoaderOptions {
  /** Folder with <module>/<slug>.mdx lessons, relative to the project root. */
  base: string;
  /** YAML list of modules, relative to the project root. */
  modulesFile: string;
}

/**
 * Astro's glob loader stops at the first entry that fails its schema. This loader first checks every
 * lesson file (path, frontmatter, prerequisites, orders) and reports all problems at once, with file
 * and line; a build stops on them, while `astro dev` logs them and keeps serving.
 */
export function lessonsLoader(options: LessonsLoaderOptions): Loader {
  const inner = glob({
    base: options.base,
    pattern: '*/*.mdx',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  });
  return {
    name: 'themelion-lessons',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const { diagnostics } = await checkLessonCollection({
        root,
        lessonsDir: fileURLToPath(new URL(options.base, context.config.root)),
        modulesFile: fileURLToPath(new URL(options.modulesFile, context.config.root)),
      });
      if (diagnostics.length > 0) {
        const lines = sortDiagnostics(diagnostics).map(formatDiagnostic);
        const summary = `${diagnostics.length} ${diagnostics.length === 1 ? 'problema' : 'problemas'} nas aulas:`;
        if (!context.watcher) {
          const error = new AstroError(
            [summary, ...lines].join('\n'),
            'Corrija os arquivos indicados (arquivo:linha:coluna) e rode o build de novo.',
          );
          // The diagnostics already name file and line; a stack trace into the loader would only bury them.
          error.stack = '';
          throw error;
        }
        context.logger.error([summary, ...lines].join('\n'));
      }
      await inner.load(context);
    },
  };
}

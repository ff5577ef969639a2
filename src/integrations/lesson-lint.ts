import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { lintLessons } from '../lint/engine.ts';
import { countDiagnostics, summaryLine } from '../lint/format.ts';
import { type Diagnostic, formatDiagnostic } from '../utils/diagnostics.ts';

export interface LessonLintOptions {
  /** Lessons folder, relative to the project root. */
  lessonsDir?: string;
  /** Module list, relative to the project root. */
  modulesFile?: string;
  /**
   * Reuse the findings of earlier runs for lessons that did not change (nor did the lessons they link
   * to), kept in node_modules/.cache/themelion-lint/; default true. The same cache as `npm run lint:lessons`.
   */
  cache?: boolean;
}

function log(logger: AstroIntegrationLogger, diagnostics: Diagnostic[], files: number): void {
  if (diagnostics.length === 0) return;
  const text = [...diagnostics.map(formatDiagnostic), summaryLine(countDiagnostics(diagnostics, files))].join('\n');
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) logger.error(text);
  else logger.warn(text);
}

/**
 * Runs the lesson linter (the same rules as `npm run lint:lessons`) inside Astro: `astro build` stops on
 * any error with every diagnostic listed; `astro dev` logs them and re-lints a lesson when it is saved,
 * without stopping the server.
 */
export function lessonLint(options: LessonLintOptions = {}): AstroIntegration {
  let root = '';
  let lessonsDir = '';
  const lint = (paths?: string[]) =>
    lintLessons({
      root,
      lessonsDir,
      modulesFile: path.resolve(root, options.modulesFile ?? 'content/modules.yaml'),
      cache: options.cache ?? true,
      ...(paths ? { paths } : {}),
    });

  return {
    name: 'themelion-lesson-lint',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        lessonsDir = path.resolve(root, options.lessonsDir ?? 'content/lessons');
        if (command !== 'build' && command !== 'dev') return;
        const { diagnostics, files } = await lint();
        const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
        if (command === 'build' && errors.length > 0) {
          const error = new AstroError(
            [summaryLine(countDiagnostics(diagnostics, files.length)), ...diagnostics.map(formatDiagnostic)].join('\n'),
            'Corrija as aulas indicadas (arquivo:linha:coluna) — npm run lint:lessons mostra o mesmo — e rode o build de novo.',
          );
          // The diagnostics already name file and line; a stack trace into the linter would only bury them.
          error.stack = '';
          throw error;
        }
        log(logger, diagnostics, files.length);
      },
      'astro:server:setup': ({ server, logger }) => {
        let queue: Promise<void> = Promise.resolve();
        const relint = (file: string) => {
          const relative = path.relative(lessonsDir, file);
          if (relative.startsWith('..') || path.isAbsolute(relative) || !file.endsWith('.mdx')) return;
          // One lint at a time: saves in quick succession are checked in order, none is dropped.
          queue = queue
            .then(async () => {
              const { diagnostics, files } = await lint([file]);
              if (diagnostics.length === 0) logger.info(`${path.relative(root, file)}: nenhum problema.`);
              log(logger, diagnostics, files.length);
            })
            .catch((caught: unknown) => {
              logger.error(`não foi possível verificar ${path.relative(root, file)}: ${caught instanceof Error ? caught.message : String(caught)}`);
            });
        };
        server.watcher.on('change', relint);
        server.watcher.on('add', relint);
      },
    },
  };
}

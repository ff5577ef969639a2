/**
 * npm run new -- <module>/<slug> [--title "…"] [--level …]: creates a lesson scaffold that the linter refuses
 * until every hint is replaced. Exit 0: created; 1: refused (invalid slug, unknown module, existing lesson); 2: misused.
 */
import { fileURLToPath } from 'node:url';
import { runNewLesson } from '../src/authoring/new-lesson-command.ts';

process.exitCode = await runNewLesson(process.argv.slice(2), {
  root: fileURLToPath(new URL('..', import.meta.url)),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});

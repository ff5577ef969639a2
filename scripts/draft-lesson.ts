/**
 * npm run draft -- <module>/<slug> [--title "…"] [--force]: writes the writing agent's brief to .drafts/ and,
 * when THEMELION_LLM_URL and THEMELION_LLM_MODEL are set, asks the model for the lesson and lints the draft.
 * Exit 0: done; 1: refused or failed (nothing written), or the draft has lint errors; 2: misused or misconfigured.
 */
import { fileURLToPath } from 'node:url';
import { runDraftLesson } from '../src/authoring/draft-lesson-command.ts';

process.exitCode = await runDraftLesson(process.argv.slice(2), {
  root: fileURLToPath(new URL('..', import.meta.url)),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});

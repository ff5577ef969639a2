/** Worker thread entry: lints the batches of files the pool sends, with the run's shared facts. */
import { parentPort, workerData } from 'node:worker_threads';
import { createFileContext, type FileOutcome, type FileTask, type LintSetup, runFileTask } from './file-task.ts';

const context = createFileContext(workerData as LintSetup);
const port = parentPort!;

port.on('message', async (batch: [number, FileTask][]) => {
  const results: [number, FileOutcome][] = [];
  for (const [index, task] of batch) results.push([index, await runFileTask(task, context)]);
  port.postMessage(results);
});

/** Worker thread entry: lints the batches of files the pool sends, with the run's shared facts. */
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { FileOutcome, FileTask } from './file-task.ts';
import type { WorkerData } from './pool.ts';

const { setup, compileCacheDir } = workerData as WorkerData;
// Each thread has its own module loader: V8's compile cache is switched on here, before the linter's modules load.
if (compileCacheDir) module.enableCompileCache(compileCacheDir);
const { createFileContext, runFileTask } = await import('./file-task.ts');

const context = createFileContext(setup);
const port = parentPort!;

port.on('message', async (batch: [number, FileTask][]) => {
  const results: [number, FileOutcome][] = [];
  for (const [index, task] of batch) results.push([index, await runFileTask(task, context)]);
  port.postMessage(results);
});

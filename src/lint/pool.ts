import { Worker } from 'node:worker_threads';
import { createFileContext, type FileOutcome, type FileTask, type LintSetup, runFileTask } from './file-task.ts';
import type { Rule } from './types.ts';

/** Files a worker takes at a time: enough to keep message overhead small, few enough to balance the tail. */
const batchSize = 8;

/**
 * Runs every file task and returns the outcomes in task order, whatever thread ran them. The calling
 * thread works through the queue too — it has the parsers loaded already, while each worker spends its
 * first moments loading them. A worker that dies hands its unfinished files back to the calling thread.
 */
export async function runFileTasks(tasks: readonly FileTask[], setup: LintSetup, workerCount: number, rules?: readonly Rule[]): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array(tasks.length);
  let next = 0;
  const take = (count: number) => {
    const batch: number[] = [];
    while (batch.length < count && next < tasks.length) batch.push(next++);
    return batch;
  };
  const orphaned: number[] = [];

  const workers = Array.from({ length: Math.min(workerCount, Math.ceil(tasks.length / batchSize)) }, () =>
    new Worker(new URL('./lint-worker.ts', import.meta.url), { workerData: setup }),
  );
  const drive = (worker: Worker) =>
    new Promise<void>((resolve) => {
      let pending: number[] = [];
      const send = () => {
        pending = take(batchSize);
        if (pending.length === 0) resolve();
        else worker.postMessage(pending.map((index) => [index, tasks[index]]));
      };
      const fail = () => {
        orphaned.push(...pending);
        pending = [];
        resolve();
      };
      worker.on('message', (done: [number, FileOutcome][]) => {
        for (const [index, outcome] of done) results[index] = outcome;
        send();
      });
      worker.once('error', fail);
      worker.once('exit', fail);
      send();
    });
  const driven = workers.map(drive);

  const local = createFileContext(setup, rules);
  for (let [index] = take(1); index !== undefined; [index] = take(1)) results[index] = await runFileTask(tasks[index]!, local);
  await Promise.all(driven);
  await Promise.all(workers.map((worker) => worker.terminate()));
  for (const index of orphaned) results[index] = await runFileTask(tasks[index]!, local);
  return results;
}

import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { createFileContext, type FileOutcome, type FileTask, type LintSetup, runFileTask } from './file-task.ts';
import type { Rule } from './types.ts';

/** What a lint worker thread starts with. */
export interface WorkerData {
  setup: LintSetup;
  /** Where V8 keeps compiled code between runs (module.enableCompileCache); undefined: no compile cache. */
  compileCacheDir: string | undefined;
}

/** Files a worker takes at a time: enough to keep message overhead small, few enough to balance the tail. */
const batchSize = 8;

/**
 * Runs every file task and returns the outcomes in task order, whatever thread ran them. The calling
 * thread works through the queue too, so files are linted while the workers are still loading the
 * parsers. A worker that dies hands its unfinished files back to the calling thread.
 */
export async function runFileTasks(
  tasks: readonly FileTask[],
  setup: LintSetup,
  workerCount: number,
  rules?: readonly Rule[],
  compileCacheDir?: string,
): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array(tasks.length);
  let next = 0;
  const take = (count: number) => {
    const batch: number[] = [];
    while (batch.length < count && next < tasks.length) batch.push(next++);
    return batch;
  };
  const orphaned: number[] = [];

  const workers = Array.from({ length: Math.min(workerCount, Math.ceil(tasks.length / batchSize)) }, () =>
    new Worker(new URL('./lint-worker.ts', import.meta.url), { workerData: { setup, compileCacheDir } satisfies WorkerData }),
  );
  // Two batches in flight per worker, so it starts the next one while the calling thread, busy with a
  // file of its own, has not yet read the answer to the last.
  const drive = (worker: Worker) =>
    new Promise<void>((resolve) => {
      const inFlight = new Set<number>();
      const send = () => {
        const batch = take(batchSize);
        if (batch.length === 0) {
          if (inFlight.size === 0) resolve();
          return;
        }
        for (const index of batch) inFlight.add(index);
        worker.postMessage(batch.map((index) => [index, tasks[index]]));
      };
      const fail = () => {
        orphaned.push(...inFlight);
        inFlight.clear();
        resolve();
      };
      worker.on('message', (done: [number, FileOutcome][]) => {
        for (const [index, outcome] of done) {
          results[index] = outcome;
          inFlight.delete(index);
        }
        send();
      });
      worker.once('error', fail);
      worker.once('exit', fail);
      send();
      send();
    });
  const driven = workers.map(drive);

  const local = createFileContext(setup, rules);
  for (let [index] = take(1); index !== undefined; [index] = take(1)) {
    results[index] = await runFileTask(tasks[index]!, local);
    // Linting a file awaits only promises that are already settled, so without this the workers'
    // answers (and their next batches) would wait until the calling thread ran out of files.
    if (workers.length > 0) await setImmediate();
  }
  await Promise.all(driven);
  await Promise.all(workers.map((worker) => worker.terminate()));
  for (const index of orphaned) results[index] = await runFileTask(tasks[index]!, local);
  return results;
}

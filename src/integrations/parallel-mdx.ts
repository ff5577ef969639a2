import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ShikiConfig, unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { MarkdownProcessor, MdxRenderer, MdxRenderResult } from 'astro/markdown';
import { texts } from '../texts.ts';
import { sharedDiagramService } from '../utils/diagram-service.ts';
import { mdxPipeline } from './markdown-pipeline.ts';
import type { FromWorker, SerializedError, ToWorker, WorkerSetup } from './mdx-worker.ts';

export interface ParallelMdxOptions {
  /** The site's base path (astro.config `base`). */
  base: string;
  /** Highlighting settings of the main thread's pipeline; workers build their own from markdown-pipeline.ts. */
  shiki: Partial<ShikiConfig>;
  /** Worker threads; default one per available core, at most four (each holds its own parsers and highlighter). */
  workers?: number;
  /** Lessons folder, relative to the project root; its MDX files are counted against `parallelAbove`. */
  lessonsDir?: string;
  /** Lessons from which a build uses workers; default `parallelAbove`. */
  parallelAbove?: number;
}

/**
 * Lessons from which workers pay off. Each worker spends some 2 s of CPU loading the parsers and the
 * highlighter, and holds 250–400 MB. Measured on 2 cores (npm run bench:build corpora, warm): no gain at
 * 200 lessons, 5–10% of the build time at 500, 15% at 1,000.
 */
export const parallelAbove = 400;

async function countMdx(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.mdx')).length;
}

function revive(error: SerializedError): Error {
  const revived =
    error.type === 'AstroUserError' ? new AstroError(error.message, error.hint) : Object.assign(new Error(error.message), { name: error.name });
  revived.stack = error.stack ?? '';
  if (error.line !== undefined) Object.assign(revived, { line: error.line, column: error.column });
  return revived;
}

interface Job {
  resolve(result: MdxRenderResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker and not answered yet. */
  jobs: Map<number, Job>;
  /** Why the worker stopped, if it did: it gets no more jobs. */
  lost?: Error;
}

/**
 * Worker threads that compile MDX with the same pipeline as the main thread. Diagrams are still drawn by the
 * main thread's service (one browser, one cache, one list of files to publish): workers ask for each drawing.
 */
class MdxPool {
  #slots: Slot[];
  #nextJob = 0;
  #warned = new Set<string>();
  #closing = false;
  /** Settles when every worker has loaded the pipeline, with the first error of a worker that could not. */
  #started: Promise<Error | undefined>;

  constructor(count: number, setup: WorkerSetup) {
    const diagrams = () => sharedDiagramService({ fallbackTitle: texts.diagram.untitled });
    const started: Promise<Error | undefined>[] = [];
    this.#slots = Array.from({ length: count }, () => {
      const slot: Slot = { worker: new Worker(new URL('./mdx-worker.ts', import.meta.url), { workerData: setup }), jobs: new Map() };
      const { worker } = slot;
      // A build that fails must still exit; the pool is closed when the build ends well.
      worker.unref();
      const send = (message: ToWorker) => worker.postMessage(message);
      started.push(
        new Promise((resolve) => {
          const lose = (error: Error) => {
            resolve(error);
            if (this.#closing || slot.lost) return;
            slot.lost = error;
            for (const job of slot.jobs.values()) job.reject(error);
            slot.jobs.clear();
          };
          worker.on('error', lose);
          worker.on('exit', (code) => lose(new Error(`a thread que compila as aulas MDX parou (código ${code}) antes de terminar`)));
          worker.on('message', (message: FromWorker) => {
            if (message.type === 'ready') resolve(undefined);
            else if (message.type === 'init-failed') lose(revive(message.error));
            else if (message.type === 'draw') {
              diagrams()
                .draw(message.source)
                .then(
                  (outcome) => send({ type: 'drawn', id: message.id, outcome }),
                  (error: unknown) => send({ type: 'draw-failed', id: message.id, error: String(error) }),
                );
            } else if (message.type === 'publish') diagrams().publish(message.file, message.svg);
            else if (message.type === 'warn') {
              // Each worker warns once; the reader needs it once.
              if (!this.#warned.has(message.message)) console.warn(message.message);
              this.#warned.add(message.message);
            } else {
              const job = slot.jobs.get(message.id);
              slot.jobs.delete(message.id);
              if (message.type === 'compiled') job?.resolve(message.result);
              else job?.reject(revive(message.error));
            }
          });
        }),
      );
      return slot;
    });
    this.#started = Promise.all(started).then((errors) => errors.find((error) => error !== undefined));
  }

  async process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<MdxRenderResult> {
    const failure = await this.#started;
    if (failure) throw failure;
    const alive = this.#slots.filter((slot) => !slot.lost);
    if (alive.length === 0) throw this.#slots[0]!.lost!;
    const slot = alive.reduce((least, candidate) => (candidate.jobs.size < least.jobs.size ? candidate : least));
    const id = this.#nextJob++;
    return new Promise<MdxRenderResult>((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ type: 'compile', id, content, filePath, frontmatter } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#slots.map(({ worker }) => worker.terminate()));
  }
}

/**
 * MDX compiled on worker threads during `astro build` of a site with many lessons. Astro compiles every lesson
 * on the main thread, one at a time, and for a large site that is most of the build; with the work spread over
 * the cores, Vite bundles while the lessons compile. Small sites, the dev server and anything that is not a
 * build compile in the main thread.
 * The returned processor goes to mdx({ processor }) and the integration next to it, which starts and stops
 * the workers with the build.
 */
export function parallelMdx(options: ParallelMdxOptions): { processor: MarkdownProcessor; integration: AstroIntegration } {
  const inner = unified(mdxPipeline({ base: options.base, shiki: options.shiki }));
  const count = options.workers ?? Math.min(4, availableParallelism());
  let useWorkers = false;
  let pool: MdxPool | undefined;

  const processor: MarkdownProcessor = {
    name: inner.name,
    options: inner.options,
    createRenderer: (shared) => inner.createRenderer(shared),
    async createMdxRenderer(shared, mdx): Promise<MdxRenderer> {
      if (!useWorkers || count < 1) return inner.createMdxRenderer!(shared, mdx);
      // Functions (shiki transformers, plugins) cannot cross to a worker: it builds them from markdown-pipeline.ts.
      const { shikiConfig: _transformers, syntaxHighlight: _highlighting, ...markdown } = shared;
      const { srcDir, ...rest } = mdx;
      const setup: WorkerSetup = {
        base: options.base,
        shared: markdown,
        mdx: srcDir === undefined ? rest : { ...rest, srcDir: srcDir.href },
      };
      return {
        process(content, filePath, frontmatter) {
          pool ??= new MdxPool(count, setup);
          return pool.process(content, filePath, frontmatter);
        },
      };
    },
  };

  const close = async () => {
    const closing = pool;
    pool = undefined;
    await closing?.close();
  };

  const integration: AstroIntegration = {
    name: 'themelion-parallel-mdx',
    hooks: {
      'astro:config:setup': async ({ command, config }) => {
        const lessonsDir = path.resolve(fileURLToPath(config.root), options.lessonsDir ?? 'content/lessons');
        useWorkers = command === 'build' && (await countMdx(lessonsDir)) >= (options.parallelAbove ?? parallelAbove);
      },
      // Every lesson is compiled once the server bundle is written; the workers' memory is better spent rendering.
      'astro:build:ssr': close,
      'astro:build:done': close,
    },
  };

  return { processor, integration };
}

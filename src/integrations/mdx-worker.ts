/**
 * Worker thread of parallel-mdx.ts: compiles the MDX files it is sent with the pipeline of markdown-pipeline.ts,
 * asking the main thread to draw each diagram.
 */
import { registerHooks } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { AstroMarkdownOptions, MdxRendererOptions, MdxRenderResult } from 'astro/markdown';
import type { DiagramDrawer, DrawOutcome } from '../utils/diagram-service.ts';

/** What a worker needs from the main thread; the rest of the markdown options it builds from markdown-pipeline.ts. */
export interface WorkerSetup {
  base: string;
  /** The markdown options but highlighting, whose shiki transformers are functions. */
  shared: Omit<AstroMarkdownOptions, 'shikiConfig' | 'syntaxHighlight'>;
  /** srcDir as a URL string: URL objects cannot be sent to a worker. */
  mdx: Omit<MdxRendererOptions, 'srcDir'> & { srcDir?: string };
}

export interface SerializedError {
  type?: string;
  name: string;
  message: string;
  hint?: string;
  stack?: string;
  line?: number;
  column?: number;
}

export type ToWorker =
  | { type: 'compile'; id: number; content: string; filePath: string; frontmatter: Record<string, unknown> }
  | { type: 'drawn'; id: number; outcome: DrawOutcome }
  | { type: 'draw-failed'; id: number; error: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'init-failed'; error: SerializedError }
  | { type: 'compiled'; id: number; result: MdxRenderResult }
  | { type: 'failed'; id: number; error: SerializedError }
  | { type: 'draw'; id: number; source: string }
  | { type: 'publish'; file: string; svg: string }
  | { type: 'warn'; message: string };

function serialize(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { type, hint, line, column } = error as { type?: unknown; hint?: unknown; line?: unknown; column?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof hint === 'string' ? { hint } : {}),
    ...(error.stack !== undefined ? { stack: error.stack } : {}),
    ...(typeof line === 'number' ? { line } : {}),
    ...(typeof column === 'number' ? { column } : {}),
  };
}

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

// Vite, which loads these modules in the main thread, accepts relative imports without an extension; Node
// does not, so such an import is retried as the .ts file Vite would have picked.
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!specifier.startsWith('.') || /\.[cm]?[jt]sx?$/.test(specifier)) throw error;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});

const draws = new Map<number, { resolve(outcome: DrawOutcome): void; reject(error: Error): void }>();
let nextDraw = 0;
const diagrams: DiagramDrawer = {
  draw(source) {
    const id = nextDraw++;
    post({ type: 'draw', id, source });
    return new Promise((resolve, reject) => draws.set(id, { resolve, reject }));
  },
  publish(file, svg) {
    post({ type: 'publish', file, svg });
  },
};

try {
  // Loaded after the resolve hook, which they need.
  const { unified } = await import('@astrojs/markdown-remark');
  const { mdxPipeline, shikiConfig, syntaxHighlight } = await import('./markdown-pipeline.ts');
  const { loadCodePalette } = await import('../utils/code-palette.ts');
  const setup = workerData as WorkerSetup;
  const { srcDir, ...mdx } = setup.mdx;
  const shiki = shikiConfig(await loadCodePalette());
  const processor = unified(mdxPipeline({ base: setup.base, shiki, diagrams, warn: (message) => post({ type: 'warn', message }) }));
  const renderer = await processor.createMdxRenderer!(
    { ...setup.shared, syntaxHighlight },
    srcDir === undefined ? mdx : { ...mdx, srcDir: new URL(srcDir) },
  );
  port.on('message', (message: ToWorker) => {
    if (message.type === 'compile') {
      renderer.process(message.content, message.filePath, message.frontmatter).then(
        (result) => post({ type: 'compiled', id: message.id, result }),
        (error: unknown) => post({ type: 'failed', id: message.id, error: serialize(error) }),
      );
      return;
    }
    const draw = draws.get(message.id);
    draws.delete(message.id);
    if (message.type === 'drawn') draw?.resolve(message.outcome);
    else draw?.reject(new Error(message.error));
  });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'init-failed', error: serialize(error) });
}

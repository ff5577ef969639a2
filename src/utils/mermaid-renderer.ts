import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// A static import on purpose: Astro loads this module through the config's module runner, which is closed by
// the time pages render, so a dynamic import() here would fail in the middle of the build.
import { chromium as launcher, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The usual places of a system Chromium (Debian's package first); CHROMIUM_PATH overrides them all. */
const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export type ChromiumLookup = { path: string } | { path?: undefined; reason: string };

export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const configured = env['CHROMIUM_PATH'];
  if (configured !== undefined && configured !== '') {
    // An explicit path that does not exist is a decision, not a hint: do not silently use another browser.
    return existsSync(configured)
      ? { path: configured }
      : { reason: `CHROMIUM_PATH aponta para "${configured}", que não existe` };
  }
  const found = chromiumCandidates.find((candidate) => existsSync(candidate));
  return found
    ? { path: found }
    : { reason: `nenhum Chromium encontrado (CHROMIUM_PATH vazio; procurado em ${chromiumCandidates.join(', ')})` };
}

export const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function mermaidVersion(): string {
  const manifest = JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export interface MermaidSyntaxError {
  message: string;
  /** 1-based line inside the diagram source, when mermaid's parser reports one. */
  line?: number;
}

export type RenderOutcome =
  | { kind: 'svg'; svg: string }
  | { kind: 'syntax-error'; error: MermaidSyntaxError }
  | { kind: 'unavailable'; reason: string };

interface BrowserRenderResult {
  svg?: string;
  message?: string;
  line?: number;
}

/**
 * Draws mermaid diagrams in one headless Chromium page, started on first use and reused for every later
 * diagram: launching Chromium and loading mermaid's 3 MB bundle costs about two seconds, a diagram tens of ms.
 * mermaid's browser bundle is injected from node_modules, so the page never touches the network.
 */
export class MermaidRenderer {
  #config: Record<string, unknown>;
  #env: NodeJS.ProcessEnv;
  #page: Promise<Page | string> | undefined;
  #browser: Browser | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(config: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env) {
    this.#config = config;
    this.#env = env;
  }

  /** Whether a browser is running (for tests and for the build summary). */
  get started(): boolean {
    return this.#browser !== undefined;
  }

  async #start(): Promise<Page | string> {
    const chromium = findChromium(this.#env);
    if (chromium.path === undefined) return chromium.reason;
    try {
      this.#browser = await launcher.launch({ executablePath: chromium.path, args: launchArgs });
      const page = await this.#browser.newPage();
      await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
      await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
      await page.evaluate((config) => {
        const mermaid = (globalThis as unknown as { mermaid: { initialize(config: unknown): void } }).mermaid;
        mermaid.initialize({ ...config, startOnLoad: false });
      }, this.#config);
      return page;
    } catch (error) {
      await this.close();
      return `o Chromium em ${chromium.path} não pôde ser iniciado (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    }
  }

  /** Renders one diagram; calls are queued because mermaid keeps per-render state in the page. */
  render(source: string, id: string): Promise<RenderOutcome> {
    const run = async (): Promise<RenderOutcome> => {
      this.#page ??= this.#start();
      const page = await this.#page;
      if (typeof page === 'string') return { kind: 'unavailable', reason: page };
      const result = await page.evaluate(
        async ({ source, id }): Promise<BrowserRenderResult> => {
          const mermaid = (
            globalThis as unknown as {
              mermaid: {
                parse(text: string): Promise<unknown>;
                render(id: string, text: string): Promise<{ svg: string }>;
              };
            }
          ).mermaid;
          try {
            // parse first: a failed render leaves an error SVG behind, a failed parse reports the line.
            await mermaid.parse(source);
            const { svg } = await mermaid.render(id, source);
            return { svg };
          } catch (error) {
            const details = error as { message?: string; hash?: { loc?: { first_line?: number }; line?: number } };
            const line = details.hash?.loc?.first_line ?? (details.hash?.line === undefined ? undefined : details.hash.line + 1);
            return line === undefined ? { message: String(details.message ?? error) } : { message: String(details.message ?? error), line };
          } finally {
            document.getElementById(id)?.remove();
            document.getElementById(`d${id}`)?.remove();
          }
        },
        { source, id },
      );
      if (result.svg !== undefined) return { kind: 'svg', svg: result.svg };
      const error: MermaidSyntaxError = { message: result.message ?? 'erro desconhecido' };
      if (result.line !== undefined) error.line = result.line;
      return { kind: 'syntax-error', error };
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    this.#page = undefined;
    await browser?.close();
  }
}

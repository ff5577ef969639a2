import { DiagramCache, defaultCacheDir, diagramKey } from './diagram-cache.ts';
import { MermaidRenderer, mermaidVersion, type MermaidSyntaxError } from './mermaid-renderer.ts';
import { placeholderThemeVariables, themeSvg } from './svg-theme.ts';

/** Bump when the SVG post-processing changes, so cached SVGs made by the old code are drawn again. */
const pipelineVersion = 3;

/** The site's sans stack: text is measured with it at build time, so boxes fit the font readers see. */
const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const mermaidConfig = {
  theme: 'base',
  look: 'classic',
  securityLevel: 'strict',
  fontFamily,
  themeVariables: { ...placeholderThemeVariables, fontFamily, fontSize: '16px' },
  sequence: { useMaxWidth: false },
} as const;

export type DrawOutcome =
  | { kind: 'svg'; svg: string; idPrefix: string; fromCache: boolean }
  | { kind: 'syntax-error'; error: MermaidSyntaxError }
  | { kind: 'unavailable'; reason: string };

/** What rehype-mermaid needs from a diagram service; MDX worker threads implement it by asking the main thread. */
export interface DiagramDrawer {
  draw(source: string): Promise<DrawOutcome>;
  /** Records a standalone SVG file (path under the site → content) to publish next to the pages. */
  publish(file: string, svg: string): void;
}

export interface DiagramServiceOptions {
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Accessible name for diagrams without accTitle. */
  fallbackTitle: string;
}

/**
 * Cache first, browser second: a diagram whose source, mermaid version and settings were seen before is read
 * from disk, and only new ones start the (single, shared) browser.
 */
export class DiagramService implements DiagramDrawer {
  readonly stats = { drawn: 0, cached: 0, fallback: 0 };
  /** Standalone SVG files to publish next to the site (file name → content), filled as pages are rendered. */
  readonly standaloneFiles = new Map<string, string>();
  readonly cache: DiagramCache;
  #renderer: MermaidRenderer;
  #mermaidVersion = mermaidVersion();
  #fallbackTitle: string;

  constructor(options: DiagramServiceOptions) {
    this.cache = new DiagramCache(options.cacheDir ?? defaultCacheDir);
    this.#renderer = new MermaidRenderer(mermaidConfig, options.env);
    this.#fallbackTitle = options.fallbackTitle;
  }

  get browserStarted(): boolean {
    return this.#renderer.started;
  }

  async draw(source: string): Promise<DrawOutcome> {
    const key = diagramKey({
      source,
      mermaidVersion: this.#mermaidVersion,
      settings: { mermaidConfig, pipelineVersion, fallbackTitle: this.#fallbackTitle },
    });
    const idPrefix = `dgm-${key.slice(0, 12)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.stats.cached += 1;
      return { kind: 'svg', svg: cached, idPrefix, fromCache: true };
    }
    const outcome = await this.#renderer.render(source, 'mmd');
    if (outcome.kind === 'unavailable') {
      this.stats.fallback += 1;
      return outcome;
    }
    if (outcome.kind === 'syntax-error') return outcome;
    const { svg } = themeSvg(outcome.svg, { idPrefix, fallbackTitle: this.#fallbackTitle });
    this.cache.set(key, svg);
    this.stats.drawn += 1;
    return { kind: 'svg', svg, idPrefix, fromCache: false };
  }

  publish(file: string, svg: string): void {
    this.standaloneFiles.set(file, svg);
  }

  close(): Promise<void> {
    return this.#renderer.close();
  }
}

const sharedKey = Symbol.for('themelion.diagram-service');

/**
 * One service (so one browser) per process. It lives on globalThis because Astro may load the config's
 * modules more than once, and a second copy of this module must not start a second browser.
 */
export function sharedDiagramService(options: DiagramServiceOptions): DiagramService {
  const holder = globalThis as { [sharedKey]?: DiagramService };
  holder[sharedKey] ??= new DiagramService(options);
  return holder[sharedKey];
}

/** The shared service if a page already needed it; never starts one. */
export function existingSharedDiagramService(): DiagramService | undefined {
  return (globalThis as { [sharedKey]?: DiagramService })[sharedKey];
}

export async function closeSharedDiagramService(): Promise<DiagramService | undefined> {
  const service = existingSharedDiagramService();
  await service?.close();
  return service;
}

import DOMPurify from 'dompurify';
import mermaidModule from 'mermaid';

/** What mermaid's own parser says about one diagram. */
export type MermaidOutcome =
  | { ok: true; type: string; accTitle: string; accDescr: string }
  | {
      ok: false;
      /** Detected diagram type, when mermaid recognises the first line. */
      type?: string | undefined;
      /** 1-based line and column inside the diagram source, when the parser names them. */
      line?: number | undefined;
      column?: number | undefined;
      reason: string;
      expected?: string[] | undefined;
    };

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  detectType(text: string): string;
  mermaidAPI: {
    getDiagramFromText(text: string): Promise<{ type: string; db: { getAccTitle?: () => string; getAccDescription?: () => string } }>;
  };
}

interface JisonError {
  message?: unknown;
  hash?: { loc?: { first_line?: number; first_column?: number }; line?: number; expected?: string[]; token?: unknown };
}

let ready: MermaidApi | undefined;

/**
 * mermaid sanitises labels with DOMPurify's default instance, which in Node (no DOM) is created
 * unsupported and lacks addHook/sanitize. Parsing never renders, so the missing methods are given
 * DOMPurify's own unsupported-mode behaviour (no hooks, text returned unchanged) instead of loading a DOM.
 * Only absent methods are added: where a real DOM exists, DOMPurify keeps working untouched.
 * mermaid is imported statically: inside Astro's config loader a later dynamic import would go through
 * a module runner that is already closed.
 */
function loadMermaid(): MermaidApi {
  if (ready) return ready;
  const purify = DOMPurify as unknown as Record<string, unknown>;
  if (!DOMPurify.isSupported) {
    purify['addHook'] ??= () => undefined;
    purify['sanitize'] ??= (dirty: unknown) => String(dirty);
  }
  ready = mermaidModule as unknown as MermaidApi;
  ready.initialize({ startOnLoad: false });
  return ready;
}

/**
 * mermaid drops a leading `---` frontmatter block, `%%` comment lines and leading blank lines before
 * parsing, so its line numbers count only what is left. Returns, for each parsed line, the source line.
 */
export function parsedLineMap(source: string): number[] {
  const lines = source.split('\n');
  let index = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    if (close > 0) index = close + 1;
  }
  const map: number[] = [];
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (/^\s*%%(?!\{)./.test(line)) continue;
    if (map.length === 0 && line.trim() === '') continue;
    map.push(index + 1);
  }
  return map;
}

function describeFailure(source: string, caught: unknown, type: string | undefined): MermaidOutcome {
  const error = caught as JisonError & { name?: unknown };
  const message = String(error.message ?? caught);
  if (error.name === 'UnknownDiagramError') {
    return { ok: false, reason: 'tipo de diagrama não reconhecido pelo mermaid', line: 1, column: 1 };
  }
  const loc = error.hash?.loc;
  const parsedLine = loc?.first_line ?? (typeof error.hash?.line === 'number' ? error.hash.line + 1 : undefined);
  const map = parsedLineMap(source);
  const line = parsedLine === undefined ? undefined : (map[parsedLine - 1] ?? parsedLine);
  const column = loc?.first_column === undefined ? undefined : loc.first_column + 1;
  const expected = error.hash?.expected?.map((token) => token.replace(/^'|'$/g, ''));
  let reason = message.split('\n')[0]!.trim();
  if (message.startsWith('Parse error')) reason = 'sintaxe inválida';
  else if (message.startsWith('Lexical error')) reason = 'texto que o mermaid não reconhece';
  return { ok: false, type, line, column, reason, expected };
}

const cache = new Map<string, Promise<MermaidOutcome>>();
let queue: Promise<unknown> = Promise.resolve();

/**
 * Parses a diagram with mermaid's own parser (the diagram's grammar and database, as mermaid.parse
 * does) and reads accTitle/accDescr from the parsed database. mermaid keeps global parser state, so
 * calls are serialised; identical sources are parsed once per process.
 */
export function parseMermaid(source: string): Promise<MermaidOutcome> {
  const known = cache.get(source);
  if (known) return known;
  const run = queue.then(async (): Promise<MermaidOutcome> => {
    const mermaid = loadMermaid();
    let type: string | undefined;
    try {
      type = mermaid.detectType(source);
    } catch {
      type = undefined;
    }
    try {
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
      return {
        ok: true,
        type: diagram.type,
        accTitle: diagram.db.getAccTitle?.() ?? '',
        accDescr: diagram.db.getAccDescription?.() ?? '',
      };
    } catch (caught) {
      return describeFailure(source, caught, type);
    }
  });
  queue = run;
  cache.set(source, run);
  return run;
}

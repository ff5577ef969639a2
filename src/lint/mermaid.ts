import { createRequire } from 'node:module';
import DOMPurify from 'dompurify';

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

/** The parts of a diagram database this module reads; autoWrap/setWrap exist on the sequence diagram's. */
interface DiagramDb {
  getAccTitle?: () => string;
  getAccDescription?: () => string;
  autoWrap?: () => boolean;
  setWrap?: (wrap: boolean) => void;
}

/** A diagram's jison parser: mermaid points `yy` at a fresh database, then calls parse. */
interface DiagramParser {
  yy?: DiagramDb;
  parse(text: string): unknown;
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  detectType(text: string): string;
  mermaidAPI: {
    getConfig(): { sequence?: { wrap?: boolean } };
    getDiagramFromText(text: string): Promise<{ type: string; db: DiagramDb; getParser(): DiagramParser }>;
  };
}

interface JisonError {
  message?: unknown;
  hash?: { loc?: { first_line?: number; first_column?: number }; line?: number; expected?: string[]; token?: unknown };
}

const require = createRequire(import.meta.url);
let ready: MermaidApi | undefined;
/** What the sequence database's autoWrap() answers under the configuration this module sets. */
let sequenceWrap = false;

/**
 * mermaid sanitises labels with DOMPurify's default instance, which in Node (no DOM) is created
 * unsupported and lacks addHook/sanitize. Parsing never renders, so the missing methods are given
 * DOMPurify's own unsupported-mode behaviour (no hooks, text returned unchanged) instead of loading a DOM.
 * Only absent methods are added: where a real DOM exists, DOMPurify keeps working untouched.
 * mermaid takes most of a second to load, so it is loaded on the first diagram rather than with the
 * linter; through require (Node loads ES modules that way too), not import(): inside Astro's config
 * loader a dynamic import would go through a module runner that is already closed.
 */
function loadMermaid(): MermaidApi {
  if (ready) return ready;
  const purify = DOMPurify as unknown as Record<string, unknown>;
  if (!DOMPurify.isSupported) {
    purify['addHook'] ??= () => undefined;
    purify['sanitize'] ??= (dirty: unknown) => String(dirty);
  }
  ready = (require('mermaid') as { default: MermaidApi }).default;
  ready.initialize({ startOnLoad: false });
  sequenceWrap = ready.mermaidAPI.getConfig().sequence?.wrap ?? false;
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

const hoisted = new WeakSet<DiagramParser>();
/** The sequence `wrap` default while one of this module's parses runs; undefined otherwise. */
let wrapDuringParse: boolean | undefined;

/**
 * The sequence diagram's database decides each participant's and message's `wrap` with autoWrap(),
 * which, unless the diagram set one, reads mermaid's configuration through getConfig() — a deep copy of
 * the whole configuration (about a thousand properties, ~0.5 ms) for every line. This module
 * initialises mermaid once and never changes its configuration (getDiagramFromText applies no diagram
 * directives), so the answer is the same for every line of every diagram: it is read once and given to
 * each fresh database with its own setWrap() before parsing. Same grammar, same database, same values.
 */
function hoistWrapLookup(parser: DiagramParser): void {
  if (hoisted.has(parser)) return;
  hoisted.add(parser);
  const parse = parser.parse;
  parser.parse = function (this: DiagramParser, text: string) {
    const db = this.yy;
    if (wrapDuringParse !== undefined && db?.autoWrap && db.setWrap) db.setWrap(wrapDuringParse);
    return parse.call(this, text);
  };
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
    try {
      wrapDuringParse = sequenceWrap;
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(source).finally(() => {
        wrapDuringParse = undefined;
      });
      hoistWrapLookup(diagram.getParser());
      return {
        ok: true,
        type: diagram.type,
        accTitle: diagram.db.getAccTitle?.() ?? '',
        accDescr: diagram.db.getAccDescription?.() ?? '',
      };
    } catch (caught) {
      // The detected type only matters for a diagram that fails (a valid one names its own); detection is a pure regex pass.
      let type: string | undefined;
      try {
        type = mermaid.detectType(source);
      } catch {
        type = undefined;
      }
      return describeFailure(source, caught, type);
    }
  });
  queue = run;
  cache.set(source, run);
  return run;
}

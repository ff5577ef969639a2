import { createRequire } from 'node:module';
import type ts from 'typescript';
import { LineCounter, parseAllDocuments } from 'yaml';

/** A syntax problem inside a code block, positioned within the block (1-based). */
export interface CodeProblem {
  line: number;
  column: number;
  reason: string;
}

/** Canonical shiki ids whose code the TypeScript parser reads, with the file extension that selects the dialect. */
const scriptExtensions: Record<string, 'ts' | 'tsx' | 'js' | 'jsx'> = { typescript: 'ts', tsx: 'tsx', javascript: 'js', jsx: 'jsx' };

/** Canonical shiki ids whose code the TypeScript parser reads. */
export function isScriptLanguage(language: string): boolean {
  return language in scriptExtensions;
}

const require = createRequire(import.meta.url);
let compiler: typeof ts | undefined;

/**
 * TypeScript's compiler is some 9 MB of JavaScript that takes most of a second to load, so it is loaded
 * on the first TS/JS block rather than with the linter. Through require, not import(): inside Astro's
 * config loader a dynamic import would go through a module runner that is already closed.
 */
function typescript(): typeof ts {
  compiler ??= require('typescript') as typeof ts;
  return compiler;
}

/** The last block parsed: the syntax check and the error-handling check read the same code one after the other. */
let lastParsed: { code: string; language: string; file: ts.SourceFile } | undefined;

function sourceFile(code: string, language: string): ts.SourceFile {
  if (lastParsed?.code === code && lastParsed.language === language) return lastParsed.file;
  const ts = typescript();
  const extension = scriptExtensions[language] ?? 'ts';
  const kind = { ts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, js: ts.ScriptKind.JS, jsx: ts.ScriptKind.JSX }[extension];
  const file = ts.createSourceFile(`bloco.${extension}`, code, ts.ScriptTarget.Latest, false, kind);
  lastParsed = { code, language, file };
  return file;
}

/** Syntax errors TypeScript's parser finds (no type checking: snippets reference code outside them). */
export function scriptProblems(code: string, language: string): CodeProblem[] {
  const ts = typescript();
  const file = sourceFile(code, language);
  // parseDiagnostics is the parser's own list; the public API only offers it through a full Program.
  const diagnostics = (file as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.map((diagnostic) => {
    const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start);
    return { line: line + 1, column: character + 1, reason: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ') };
  });
}

/** Whether TS/JS code handles errors: a try/catch, a `.catch(...)`, or `.then(ok, fail)`. */
function scriptHandlesErrors(code: string, language: string): boolean {
  const ts = typescript();
  const file = sourceFile(code, language);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isTryStatement(node) && node.catchClause) {
      found = true;
      return;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (name === 'catch' || (name === 'then' && node.arguments.length >= 2)) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Error-handling idioms of languages without a parser here, matched on the code's own tokens.
 * Keys are canonical shiki ids.
 */
const errorIdioms: Record<string, RegExp> = {
  python: /^\s*except\b/m,
  go: /\bif\s+err\s*!=\s*nil\b|\berrors\.(?:Is|As)\(|\brecover\(\)/,
  rust: /\bErr\s*\(|\.map_err\(|\.unwrap_or(?:_else|_default)?\(|\?\s*[;)]/,
  ruby: /\brescue\b/,
  elixir: /\{:error\b|\brescue\b/,
  erlang: /\{error,|\bcatch\b/,
  java: /\bcatch\s*\(/,
  kotlin: /\bcatch\s*\(|\brunCatching\b/,
  csharp: /\bcatch\b/,
  scala: /\bcatch\b|\bTry\s*\(/,
  swift: /\bcatch\b/,
  php: /\bcatch\s*\(/,
  dart: /\bcatch\s*\(|\bon\s+\w+\s+catch\b/,
  cpp: /\bcatch\s*\(/,
  c: /\bif\s*\([^)]*(?:<\s*0|==\s*NULL|==\s*-1)/,
};

/** Whether a block shows error handling, judged per language; false for languages it cannot judge. */
export function handlesErrors(code: string, language: string): boolean {
  if (isScriptLanguage(language)) return scriptHandlesErrors(code, language);
  return errorIdioms[language]?.test(code) ?? false;
}

export function jsonProblems(code: string): CodeProblem[] {
  try {
    JSON.parse(code);
    return [];
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    const place = /\(line (\d+) column (\d+)\)/.exec(message);
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '');
    return [{ line: place ? Number(place[1]) : 1, column: place ? Number(place[2]) : 1, reason }];
  }
}

export function yamlProblems(code: string): CodeProblem[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(code, { lineCounter, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  return list.flatMap((document) =>
    document.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return { line, column: col, reason: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') };
    }),
  );
}

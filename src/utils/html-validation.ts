import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import type { Diagnostic } from './diagnostics.ts';

/** Every .html file under a built site, sorted so reports are stable between runs. */
export async function listHtmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function toDiagnostic(file: string, message: Message): Diagnostic {
  return {
    file,
    line: message.line,
    column: message.column,
    // html-validate: 2 = error, 1 = warning.
    severity: message.severity >= 2 ? 'error' : 'warning',
    message: message.message,
    ruleId: message.ruleId,
  };
}

/**
 * Validates the built pages with html-validate, reading .htmlvalidate.json the way its CLI does (nearest to each
 * file, up to the project root), so editors and this check agree.
 */
export async function validateHtmlFiles(files: string[], options: { cwd: string }): Promise<Diagnostic[]> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages) diagnostics.push(toDiagnostic(path.relative(options.cwd, file), message));
    }
  }
  return diagnostics;
}

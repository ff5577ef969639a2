import { readFile } from 'node:fs/promises';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import { type ModuleData, moduleSchema } from '../schemas/module.ts';
import type { Diagnostic } from './diagnostics.ts';

export const modulesRuleId = 'modules';

/**
 * Reads and validates content/modules.yaml. The content layer loads the same file for pages; this
 * copy of the list exists so lesson checks (in the build and in the linter) know the module ids.
 */
export async function readModules(file: string, displayPath = file): Promise<{ modules: ModuleData[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, column: number, message: string) =>
    diagnostics.push({ file: displayPath, line, column, severity: 'error', message, ruleId: modulesRuleId });

  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    report(1, 1, `lista de módulos ausente: não foi possível ler ${displayPath}; esperado um arquivo YAML com os módulos da sala. Restaure o arquivo.`);
    return { modules: [], diagnostics };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    report(line, col, `YAML inválido na lista de módulos: ${error.message.split('\n')[0]}. Confira a indentação desta linha.`);
  }
  if (doc.errors.length > 0) return { modules: [], diagnostics };
  if (!isSeq(doc.contents)) {
    report(1, 1, 'lista de módulos inválida: esperado uma lista YAML (itens começando com "- id: ...").');
    return { modules: [], diagnostics };
  }

  const items = doc.toJS() as unknown[];
  const modules: ModuleData[] = [];
  const ids = new Set<string>();
  const orders = new Set<number>();
  doc.contents.items.forEach((item, index) => {
    const start = (item as { range?: [number, number, number] }).range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(start);
    const result = moduleSchema.safeParse(items[index]);
    if (!result.success) {
      for (const issue of result.error.issues) report(line, col, `${issue.path.join('.') || 'módulo'}: ${issue.message}`);
      return;
    }
    if (ids.has(result.data.id)) report(line, col, `id de módulo repetido: "${result.data.id}"; esperado ids únicos. Renomeie um deles.`);
    if (orders.has(result.data.order)) report(line, col, `ordem de módulo repetida: ${result.data.order}; esperado números únicos. Ajuste a ordem.`);
    ids.add(result.data.id);
    orders.add(result.data.order);
    modules.push(result.data);
  });
  return { modules, diagnostics };
}

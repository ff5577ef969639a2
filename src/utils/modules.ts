import { type ModuleData, moduleSchema } from '../schemas/module.ts';
import type { Diagnostic } from './diagnostics.ts';
import { readYamlList } from './yaml-list.ts';

export const modulesRuleId = 'modules';

/**
 * Reads and validates content/modules.yaml. The content layer loads the same file for pages; this
 * copy of the list exists so lesson checks (in the build and in the linter) know the module ids.
 */
export async function readModules(file: string, displayPath = file): Promise<{ modules: ModuleData[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, column: number, message: string) =>
    diagnostics.push({ file: displayPath, line, column, severity: 'error', message, ruleId: modulesRuleId });

  const list = await readYamlList(file, report, {
    missing: `lista de módulos ausente: não foi possível ler ${displayPath}; esperado um arquivo YAML com os módulos da sala. Restaure o arquivo.`,
    invalidYaml: 'YAML inválido na lista de módulos',
    notList: 'lista de módulos inválida: esperado uma lista YAML (itens começando com "- id: ...").',
  });
  if (!list) return { modules: [], diagnostics };

  const modules: ModuleData[] = [];
  const ids = new Set<string>();
  const orders = new Set<number>();
  list.nodes.forEach((item, index) => {
    const [line, col] = list.at(item);
    const result = moduleSchema.safeParse(list.values[index]);
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

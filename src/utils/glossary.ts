import { isCollection, isMap } from 'yaml';
import { type GlossaryEntry, glossaryEntrySchema } from '../schemas/glossary.ts';
import type { Diagnostic } from './diagnostics.ts';
import { readYamlList } from './yaml-list.ts';

export const glossaryRuleId = 'glossary';

const glossaryFileMessages = (displayPath: string) => ({
  missing: `glossário ausente: não foi possível ler ${displayPath}; esperado um arquivo YAML com a lista de termos. Restaure o arquivo.`,
  invalidYaml: 'YAML inválido no glossário',
  notList: 'glossário inválido: esperado uma lista YAML de termos (itens começando com "- id: ..."). Reescreva o arquivo como lista.',
});

/** The accent-free, lower-case key used to compare terms and aliases ("Idempotência" and "idempotencia" collide). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

/**
 * The ids the glossary declares, for checks elsewhere (the linter's <Term> rule): every item with a string id,
 * valid or not, since the glossary's own problems are reported by checkGlossary. Undefined when the file cannot
 * be read or parsed as YAML.
 */
export async function readGlossaryIds(file: string): Promise<string[] | undefined> {
  const list = await readYamlList(file, () => undefined, glossaryFileMessages(file));
  return list?.nodes.flatMap((item) => {
    const id = isMap(item) ? item.get('id') : undefined;
    return typeof id === 'string' ? [id] : [];
  });
}

/**
 * Reads and validates the glossary: every entry against the schema, ids and names unique, and every
 * related lesson an existing lesson id. All problems are reported at once, each at its YAML line.
 */
export async function checkGlossary(
  file: string,
  lessonIds: ReadonlySet<string>,
  displayPath = file,
): Promise<{ entries: GlossaryEntry[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, column: number, message: string) =>
    diagnostics.push({ file: displayPath, line, column, severity: 'error', message, ruleId: glossaryRuleId });

  const list = await readYamlList(file, report, glossaryFileMessages(displayPath));
  if (!list) return { entries: [], diagnostics };
  const { at } = list;
  const entries: GlossaryEntry[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, string>();

  list.nodes.forEach((item, index) => {
    const fieldNode = (key: string) => (isMap(item) ? item.get(key, true) : undefined) ?? item;
    const nodeAt = (path: readonly unknown[]) => (isCollection(item) ? item.getIn(path, true) : undefined);
    const [line] = at(item);
    const result = glossaryEntrySchema.safeParse(list.values[index]);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [issueLine, issueCol] = at(issue.path.length > 0 ? (nodeAt(issue.path) ?? item) : item);
        report(issueLine, issueCol, `${issue.path.join('.') || 'termo'}: ${issue.message}`);
      }
      return;
    }
    const entry = result.data;
    const label = `termo "${entry.id}"`;

    const firstLine = ids.get(entry.id);
    if (firstLine !== undefined) {
      report(...at(fieldNode('id')), `${label}: id repetido (já usado na linha ${firstLine}); esperado um id por termo. Renomeie um deles ou junte as definições.`);
    }
    ids.set(entry.id, line);

    for (const [position, name] of [entry.term, ...entry.aliases].entries()) {
      const key = foldText(name);
      const owner = names.get(key);
      if (owner !== undefined && owner !== entry.id) {
        const node = position === 0 ? fieldNode('term') : nodeAt(['aliases', position - 1]);
        report(...at(node ?? item), `${label}: o nome "${name}" já pertence ao termo "${owner}"; esperado cada nome em um só termo. Remova-o de um dos dois.`);
      }
      names.set(key, entry.id);
    }

    entry.lessons.forEach((lessonId, position) => {
      if (!lessonIds.has(lessonId)) {
        report(
          ...at(nodeAt(['lessons', position]) ?? item),
          `${label}: aula "${lessonId}" não existe; esperado o id de uma aula em content/lessons/ (ex.: "protocolos/http"). Corrija o id ou remova a referência.`,
        );
      }
    });
    entries.push(entry);
  });
  return { entries, diagnostics };
}

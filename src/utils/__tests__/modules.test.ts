import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModules } from '../modules';

async function modulesFile(content: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'modules-')), 'modules.yaml');
  await writeFile(file, content);
  return file;
}

const entry = (id: string, order: number) =>
  `- id: ${id}\n  title: Módulo ${id}\n  summary: Um resumo longo o bastante para passar na validação do esquema.\n  order: ${order}\n`;

describe('readModules', () => {
  it('reads the project list of modules', async () => {
    const { modules, diagnostics } = await readModules(path.resolve('content/modules.yaml'));
    expect(diagnostics).toEqual([]);
    expect(modules.map((module) => module.id)).toEqual([
      'protocolos',
      'apis',
      'autenticacao',
      'arquitetura',
      'concorrencia',
      'mensageria',
      'performance',
      'resiliencia',
    ]);
  });

  it('rejects repeated ids and orders, at the line of the item', async () => {
    const { diagnostics } = await readModules(await modulesFile(entry('apis', 1) + entry('apis', 1)));
    expect(diagnostics.map((d) => [d.line, d.message.split(':')[0]])).toEqual([
      [5, 'id de módulo repetido'],
      [5, 'ordem de módulo repetida'],
    ]);
  });

  it('rejects an invalid module with field and value', async () => {
    const { diagnostics } = await readModules(await modulesFile(entry('Módulo X', 1)));
    expect(diagnostics[0]!.message).toContain('id: id de módulo inválido: recebido "Módulo X"');
  });

  it('reports malformed YAML instead of throwing', async () => {
    const { diagnostics } = await readModules(await modulesFile('- id: [apis\n'));
    expect(diagnostics[0]!.message).toContain('YAML inválido');
  });
});

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Two modules, enough for the lessons the engine tests write. */
export const modulesYaml = `- id: protocolos
  title: Protocolos e comunicação
  summary: Como clientes e servidores conversam, do byte na rede à semântica de cada mensagem trocada.
  order: 1
- id: resiliencia
  title: Resiliência e observabilidade
  summary: Timeouts, retries com backoff, circuit breakers, logs estruturados, métricas e tracing em produção.
  order: 2
`;

/** Writes a file of a temporary project, creating its folders. */
export async function putFile(root: string, relative: string, content: string | Buffer): Promise<void> {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** mermaid's own minified ES module build; the page that needs it imports this file. */
export const mermaidEntry = 'mermaid.esm.min.mjs';
/** Where the files are published, inside the folder of the standalone diagram files. */
export const mermaidSubdir = 'mermaid';
const chunksDir = 'chunks/mermaid.esm.min';

/**
 * mermaid's prebuilt browser files — the entry and the chunks it imports by relative path — as
 * path under the published folder → file in node_modules. Serving these as they are, only when a
 * page needs them, spares every build from bundling mermaid's 3 MB of diagram types with Vite.
 */
export async function mermaidBrowserFiles(): Promise<Map<string, string>> {
  const distDir = path.dirname(require.resolve(`mermaid/dist/${mermaidEntry}`));
  const chunks = (await readdir(path.join(distDir, chunksDir))).filter((name) => name.endsWith('.mjs'));
  return new Map([mermaidEntry, ...chunks.map((name) => `${chunksDir}/${name}`)].map((file) => [file, path.join(distDir, file)]));
}

/** Copies mermaid's browser files into `targetDir`, keeping the layout their relative imports expect. */
export async function copyMermaidBrowserFiles(targetDir: string): Promise<number> {
  const files = await mermaidBrowserFiles();
  await mkdir(path.join(targetDir, chunksDir), { recursive: true });
  await Promise.all([...files].map(([relative, source]) => copyFile(source, path.join(targetDir, relative))));
  return files.size;
}

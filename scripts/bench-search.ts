/**
 * Measures search on the built site (npm run build first): index size on disk, JavaScript a lesson page
 * loads before search opens, bytes fetched for the first query and time until its first result shows.
 * Prints figures only; budgets are checked by the e2e tests, not here.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../e2e/browser.ts';
import { startStaticServer } from '../e2e/static-server.ts';

const distDir = path.resolve(process.env.DIST_DIR ?? 'dist');
const runs = Number(process.env.RUNS ?? 5);
const query = process.env.QUERY ?? 'idempotencia';
const lessonPath = process.env.LESSON ?? 'autenticacao/jwt/';

async function directoryBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => stat(path.join(entry.parentPath, entry.name))));
  return sizes.reduce((sum, info) => sum + info.size, 0);
}

try {
  await stat(path.join(distDir, 'pagefind', 'pagefind.js'));
} catch {
  console.error(`Índice de busca não encontrado em ${distDir}/pagefind; rode npm run build antes de npm run bench:search.`);
  process.exit(1);
}

const server = await startStaticServer(distDir, process.env.BASE_PATH ?? '/');
const browser = await launchBrowser();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pageJs: number[] = [];
const queryBytes: number[] = [];
const queryGzip: number[] = [];
const firstResult: number[] = [];
try {
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const urls = new Map<string, string>();
    const transferred: { url: string; bytes: number }[] = [];
    cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    cdp.on('Network.loadingFinished', (event) => transferred.push({ url: urls.get(event.requestId) ?? '', bytes: event.encodedDataLength }));

    const scripts: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body());
    });
    await page.goto(new URL(lessonPath, server.url).href, { waitUntil: 'networkidle' });
    const inline = await page.locator('script:not([src])').allTextContents();
    const bodies = [...(await Promise.all(scripts)), ...inline.map((text) => Buffer.from(text))];
    pageJs.push(bodies.reduce((sum, body) => sum + gzipSync(body).length, 0));

    const before = transferred.length;
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]')?.open);
    const started = Date.now();
    await page.keyboard.type(query);
    await page.waitForSelector('dialog[data-search-dialog] .search-result');
    firstResult.push(Date.now() - started);
    await page.waitForLoadState('networkidle');
    const fetched = transferred.slice(before);
    queryBytes.push(fetched.reduce((sum, entry) => sum + entry.bytes, 0));
    const files = await Promise.all(
      fetched.map((entry) => readFile(path.join(distDir, new URL(entry.url).pathname.slice(new URL(server.url).pathname.length))).catch(() => Buffer.alloc(0))),
    );
    queryGzip.push(files.reduce((sum, file) => sum + gzipSync(file).length, 0));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`Índice (dist/pagefind): ${kib(await directoryBytes(path.join(distDir, 'pagefind')))}`);
console.log(`JS da aula antes da busca (gzip): ${median(pageJs)} bytes`);
console.log(`Primeira consulta "${query}": ${kib(median(queryBytes))} transferidos sem compressão no servidor; ${kib(median(queryGzip))} se servidos com gzip`);
console.log(`Tempo até o primeiro resultado (mediana de ${runs}, digitação incluída, servidor local): ${median(firstResult)} ms (mín. ${Math.min(...firstResult)}, máx. ${Math.max(...firstResult)})`);

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolvePalettes, standalonePaletteCss } from '../utils/diagram-palette.ts';
import { closeSharedDiagramService, existingSharedDiagramService } from '../utils/diagram-service.ts';
import { copyMermaidBrowserFiles, mermaidBrowserFiles, mermaidSubdir } from '../utils/mermaid-browser-files.ts';
import { standaloneSvg } from '../utils/svg-theme.ts';

const styleSheets = ['src/styles/global.css', 'src/styles/diagrams.css'];

/**
 * The build-wide side of rehype-mermaid: publishes the standalone SVG files behind the "full size" links and,
 * only when some diagram could not be drawn at build time, mermaid's browser build for the pages that draw
 * them in the reader's browser; reports how many diagrams were drawn or came from the cache, and closes the
 * shared browser when the build ends.
 */
export function diagrams(options: { filesDir?: string } = {}): AstroIntegration {
  const filesDir = options.filesDir ?? 'diagramas';
  let root = process.cwd();
  let paletteCss: Promise<string> | undefined;
  const palette = () => {
    paletteCss ??= Promise.all(styleSheets.map((file) => readFile(path.join(root, file), 'utf8'))).then((sheets) =>
      standalonePaletteCss(resolvePalettes(sheets)),
    );
    return paletteCss;
  };

  return {
    name: 'themelion-diagrams',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server }) => {
        const mermaidPrefix = `/${filesDir}/${mermaidSubdir}/`;
        let mermaidFiles: Promise<Map<string, string>> | undefined;
        server.middlewares.use(async (request, response, next) => {
          const pathname = request.url?.split('?')[0] ?? '';
          const mermaidAt = pathname.indexOf(mermaidPrefix);
          if (mermaidAt !== -1) {
            // Only the files of mermaid's build are served, looked up by name: no path from the URL reaches the disk.
            const source = (await (mermaidFiles ??= mermaidBrowserFiles())).get(pathname.slice(mermaidAt + mermaidPrefix.length));
            if (!source) return next();
            response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            response.end(await readFile(source));
            return;
          }
          const match = pathname.match(new RegExp(`/(${filesDir}/dgm-[0-9a-f]+\\.svg)$`));
          const svg = match ? existingSharedDiagramService()?.standaloneFiles.get(match[1]!) : undefined;
          if (!svg) return next();
          response.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
          response.end(standaloneSvg(svg, await palette()));
        });
      },
      'astro:server:done': async () => {
        await closeSharedDiagramService();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const service = await closeSharedDiagramService();
        if (!service) return;
        const outDir = fileURLToPath(dir);
        const css = await palette();
        const files = [...service.standaloneFiles].map(([file, svg]) => ({ target: path.join(outDir, file), svg }));
        await Promise.all([...new Set(files.map(({ target }) => path.dirname(target)))].map((dir) => mkdir(dir, { recursive: true })));
        // Written concurrently: a large site publishes a file per diagram, and one write at a time waits on each.
        await Promise.all(files.map(({ target, svg }) => writeFile(target, standaloneSvg(svg, css))));
        const { drawn, cached, fallback } = service.stats;
        if (fallback > 0) await copyMermaidBrowserFiles(path.join(outDir, filesDir, mermaidSubdir));
        logger.info(
          `${drawn} ${drawn === 1 ? 'diagrama desenhado' : 'diagramas desenhados'}, ${cached} do cache` +
            (fallback > 0 ? `, ${fallback} sem navegador (desenho no cliente)` : '') +
            ` (cache em ${path.relative(root, service.cache.dir) || service.cache.dir}).`,
        );
      },
    },
  };
}

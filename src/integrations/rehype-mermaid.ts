import path from 'node:path';
import { AstroError } from 'astro/errors';
import type { Element, ElementContent, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { texts } from '../texts.ts';
import { formatDiagnostic, type Diagnostic } from '../utils/diagnostics.ts';
import { sharedDiagramService, type DiagramDrawer } from '../utils/diagram-service.ts';
import { parseFenceMeta } from '../utils/fence-meta.ts';
import { mermaidEntry, mermaidSubdir } from '../utils/mermaid-browser-files.ts';
import { renameSvgIds } from '../utils/svg-theme.ts';

export interface RehypeMermaidOptions {
  /** The site's base path (astro.config `base`), for links to the standalone SVG files. */
  base?: string;
  /** Where the standalone SVG files (and, when a page needs it, mermaid's browser build) are published under the base path. */
  filesDir?: string;
  /** Paths in messages are relative to this folder. */
  root?: string;
  /** Defaults to the process-wide service, so every page of a build shares one browser and one cache. */
  service?: DiagramDrawer;
  /** Receives the one warning given when no browser is available. */
  warn?: (message: string) => void;
}

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

interface MermaidFence {
  pre: Element;
  /** Root, element or (in MDX) a JSX element: only its children matter here. */
  parent: { children: unknown[] };
  source: string;
  meta: string;
}

const warnedKey = Symbol.for('themelion.diagram-unavailable-warned');

function isMermaidCode(node: ElementContent | undefined): node is Element {
  if (node?.type !== 'element' || node.tagName !== 'code') return false;
  const className = node.properties['className'];
  return Array.isArray(className) && className.includes('language-mermaid');
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}

function text(value: string): Text {
  return { type: 'text', value };
}

function findMermaidFences(tree: Root): MermaidFence[] {
  const fences: MermaidFence[] = [];
  visit(tree, 'element', (node, _index, parent) => {
    if (node.tagName !== 'pre' || !parent) return;
    const code = node.children.find((child) => child.type === 'element');
    if (!isMermaidCode(code)) return;
    // remark-rehype keeps the fence meta in data.meta; MDX's compiler puts it in the metastring property.
    const metastring = code.properties['metastring'];
    const meta = (code.data as { meta?: string } | undefined)?.meta ?? (typeof metastring === 'string' ? metastring : '');
    delete code.properties['metastring'];
    fences.push({ pre: node, parent, source: textOf(code).replace(/\n$/, ''), meta });
  });
  return fences;
}

function caption(meta: string): Element | undefined {
  const value = parseFenceMeta(meta)['caption'];
  return value ? { type: 'element', tagName: 'figcaption', properties: {}, children: [text(value)] } : undefined;
}

function drawnFigure(svgText: string, fence: MermaidFence, href: string): Element {
  const fragment = fromHtml(svgText, { fragment: true, space: 'svg' });
  const svg = fragment.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
  if (!svg) throw new Error('o SVG do diagrama não tem elemento <svg>');
  const titleElement = svg.children.find((child): child is Element => child.type === 'element' && child.tagName === 'title');
  const title = titleElement ? textOf(titleElement).trim() : texts.diagram.untitled;
  const width = Number(svg.properties['width']);
  if (width > 0) {
    // Shrink with the column down to three quarters of the drawn size, then scroll: smaller text is unreadable.
    // Only the sizes are per diagram; diagrams.css applies them, so no inline declaration is needed.
    svg.properties['style'] = `--diagram-width:${width}px;--diagram-min-width:${Math.round(width * 0.75)}px`;
  }
  const figcaption = caption(fence.meta);
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['diagram'] },
    children: [
      {
        type: 'element',
        // A named <section> is a region landmark natively: keyboard users reach and scroll wide diagrams (WCAG 2.1.1).
        tagName: 'section',
        properties: { className: ['diagram-scroll'], tabIndex: 0, ariaLabel: texts.diagram.regionLabel(title) },
        children: [svg],
      },
      ...(figcaption ? [figcaption] : []),
      {
        type: 'element',
        tagName: 'a',
        properties: { className: ['diagram-open'], href, ariaLabel: texts.diagram.openFullLabel(title) },
        children: [text(texts.diagram.openFull)],
      },
    ],
  };
}

function fallbackFigure(fence: MermaidFence): Element {
  const figcaption = caption(fence.meta);
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['diagram', 'diagram-fallback'], dataDiagramFallback: '' },
    children: [
      { type: 'element', tagName: 'p', properties: { className: ['diagram-source-label'] }, children: [text(texts.diagram.sourceLabel)] },
      {
        type: 'element',
        tagName: 'pre',
        properties: { className: ['diagram-source'], tabIndex: 0 },
        children: [{ type: 'element', tagName: 'code', properties: {}, children: [text(fence.source)] }],
      },
      ...(figcaption ? [figcaption] : []),
    ],
  };
}

/**
 * Replaces every ```mermaid fence with the diagram drawn at build time as inline, themed, accessible SVG.
 * Without a browser the fences become readable source blocks that the DiagramFallback component draws in the
 * reader's browser: the page's frontmatter gets `diagramFallback`, the URL of mermaid's browser build, which
 * the diagrams integration then publishes. A diagram with a syntax error stops the build with file, line and
 * mermaid's message.
 */
export function rehypeMermaid(options: RehypeMermaidOptions = {}) {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const filesDir = options.filesDir ?? 'diagramas';
  const warn = options.warn ?? ((message: string) => console.warn(message));

  return async (tree: Root, file: VFile) => {
    const fences = findMermaidFences(tree);
    if (fences.length === 0) return;
    const service = options.service ?? sharedDiagramService({ fallbackTitle: texts.diagram.untitled });
    const fileName = file.path ? path.relative(options.root ?? process.cwd(), file.path) : '<sem arquivo>';
    const diagnostics: { diagnostic: Diagnostic; details: string[] }[] = [];
    let usedFallback = false;

    for (const [index, fence] of fences.entries()) {
      const outcome = await service.draw(fence.source);
      let replacement: Element;
      if (outcome.kind === 'svg') {
        const idPrefix = `${outcome.idPrefix}-${index}`;
        const href = `${base}${filesDir}/${outcome.idPrefix}.svg`;
        service.publish(`${filesDir}/${outcome.idPrefix}.svg`, outcome.svg);
        replacement = drawnFigure(renameSvgIds(outcome.svg, outcome.idPrefix, idPrefix), fence, href);
      } else if (outcome.kind === 'unavailable') {
        const holder = globalThis as { [warnedKey]?: boolean };
        if (!holder[warnedKey]) {
          holder[warnedKey] = true;
          warn(
            `[diagramas] Sem navegador para desenhar os diagramas no build: ${outcome.reason}. ` +
              'As aulas mostram o código dos diagramas e o mermaid os desenha no navegador do leitor. ' +
              'Instale o Chromium (apt-get install chromium) ou aponte CHROMIUM_PATH para ele.',
          );
        }
        usedFallback = true;
        replacement = fallbackFigure(fence);
      } else {
        const fenceLine = fence.pre.position?.start.line;
        const { line, message } = outcome.error;
        // The diagram's first line sits right below the ``` fence line.
        const fileLine = fenceLine !== undefined && line !== undefined ? fenceLine + line : (fenceLine ?? 1);
        const where = line === undefined ? 'no diagrama' : `na linha ${line} do diagrama`;
        const [headline = '', ...context] = message.split('\n');
        const reason = context.length > 0 ? context.at(-1) : headline;
        diagnostics.push({
          diagnostic: {
            file: fileName,
            line: fileLine,
            column: 1,
            severity: 'error',
            message: `erro de sintaxe mermaid ${where} (bloco \`\`\`mermaid aberto na linha ${fenceLine ?? '?'}): ${reason}. Corrija o diagrama; a sintaxe está em https://mermaid.js.org/syntax/sequenceDiagram.html`,
            ruleId: 'mermaid-syntax',
          },
          details: context.length > 1 ? [headline, ...context.slice(0, -1)] : [],
        });
        continue;
      }
      const position = fence.parent.children.indexOf(fence.pre);
      fence.parent.children[position] = replacement;
    }

    if (diagnostics.length > 0) {
      const summary = `${diagnostics.length} ${diagnostics.length === 1 ? 'diagrama com erro' : 'diagramas com erro'}:`;
      const error = new AstroError(
        [summary, ...diagnostics.flatMap(({ diagnostic, details }) => [formatDiagnostic(diagnostic), ...details.map((detail) => `    ${detail}`)])].join('\n'),
        'Corrija o diagrama no arquivo e linha indicados e rode o build de novo.',
      );
      // File, line and mermaid's own message are the whole story; a stack trace into the renderer adds nothing.
      error.stack = '';
      // @astrojs/mdx reads line/column from the error for the "Location" it prints.
      Object.assign(error, { line: diagnostics[0]!.diagnostic.line, column: 1 });
      throw error;
    }

    if (usedFallback) {
      const data = file.data as AstroFileData;
      data.astro ??= {};
      data.astro.frontmatter ??= {};
      data.astro.frontmatter['diagramFallback'] = `${base}${filesDir}/${mermaidSubdir}/${mermaidEntry}`;
    }
  };
}

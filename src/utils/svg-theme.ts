import * as csstree from 'css-tree';
import { optimize, type CustomPlugin, type XastElement, type XastParent } from 'svgo';
import { diagramVar, themeVariableRoles, type DiagramRole } from './diagram-roles.ts';

/**
 * Placeholder colours: a run of near-identical dark teals nobody would pick by hand, one per theme variable,
 * so every colour in mermaid's output can be traced back to the variable that produced it.
 */
export const placeholderThemeVariables: Record<string, string> = Object.fromEntries(
  Object.keys(themeVariableRoles).map((name, index) => [name, toHex(0x10a0b0 + index * 0x000101)]),
);

const placeholderRoles = new Map<string, DiagramRole>(
  Object.entries(placeholderThemeVariables).map(([name, hex]) => [hex, themeVariableRoles[name] as DiagramRole]),
);

function toHex(value: number): string {
  return `#${value.toString(16).padStart(6, '0')}`;
}

/** `#abc`, `#aabbcc` and `rgb(1, 2, 3)` as lowercase `#rrggbb`; anything else (names, hsl, alpha) as undefined. */
function normalizeColor(node: csstree.CssNode): string | undefined {
  if (node.type === 'Hash') {
    const value = node.value.toLowerCase();
    if (/^[0-9a-f]{6}$/.test(value)) return `#${value}`;
    if (/^[0-9a-f]{3}$/.test(value)) return `#${[...value].map((digit) => digit + digit).join('')}`;
    return undefined;
  }
  if (node.type === 'Function' && (node.name === 'rgb' || node.name === 'rgba')) {
    const channels = node.children.toArray().filter((child) => child.type === 'Number');
    if (channels.length !== 3) return undefined;
    const values = channels.map((child) => Math.round(Number((child as csstree.NumberNode).value)));
    if (values.some((value) => value < 0 || value > 255)) return undefined;
    return toHex((values[0]! << 16) | (values[1]! << 8) | values[2]!);
  }
  return undefined;
}

function isColorLiteral(node: csstree.CssNode): boolean {
  if (node.type === 'Hash') return true;
  if (node.type === 'Function') return ['rgb', 'rgba', 'hsl', 'hsla'].includes(node.name);
  if (node.type === 'Identifier') return !['none', 'transparent', 'currentcolor', 'inherit'].includes(node.name.toLowerCase());
  return false;
}

function varNode(role: DiagramRole): csstree.CssNode {
  const value = csstree.parse(diagramVar(role), { context: 'value' }) as csstree.Value;
  return value.children.first as csstree.CssNode;
}

/** Swaps placeholder colours for custom properties; returns the literal colours it could not place. */
function mapPlaceholders(ast: csstree.CssNode, unmapped: Set<string>): void {
  csstree.walk(ast, {
    enter(node: csstree.CssNode, item: csstree.ListItem<csstree.CssNode>, list: csstree.List<csstree.CssNode>) {
      if (!list || !item) return;
      const hex = normalizeColor(node);
      const role = hex ? placeholderRoles.get(hex) : undefined;
      if (role) {
        list.replace(item, list.createItem(varNode(role)));
      } else if (hex) {
        unmapped.add(hex);
      }
    },
  });
}

/**
 * Drop shadows are tuned for a white page and turn into grey smudges on the dark theme; mermaid's `:root`
 * rule only declares a font variable that nothing inside the SVG reads.
 */
function removeShadows(ast: csstree.CssNode): void {
  csstree.walk(ast, {
    enter(node: csstree.CssNode, item: csstree.ListItem<csstree.CssNode>, list: csstree.List<csstree.CssNode>) {
      if (!list) return;
      if (node.type === 'Declaration' && (node.property === 'filter' || node.property === 'box-shadow')) list.remove(item);
      if (node.type === 'Rule' && csstree.generate(node.prelude).includes(':root')) list.remove(item);
    },
  });
}

function elements(parent: XastParent): XastElement[] {
  const found: XastElement[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    found.push(child, ...elements(child));
  }
  return found;
}

const referenceAttributes = ['fill', 'stroke', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'clip-path', 'mask', 'style'];

/** Ids referenced through url(#…), href="#…" or ARIA id references anywhere in the document (style sheets included). */
function referencedIds(root: XastParent): Set<string> {
  const ids = new Set<string>();
  const collectUrls = (text: string) => {
    for (const match of text.matchAll(/url\(\s*['"]?#([^'")\s]+)/g)) ids.add(match[1]!);
  };
  for (const element of elements(root)) {
    for (const name of referenceAttributes) {
      const value = element.attributes[name];
      if (value) collectUrls(value);
    }
    for (const name of ['href', 'xlink:href']) {
      const value = element.attributes[name];
      if (value?.startsWith('#')) ids.add(value.slice(1));
    }
    for (const name of ['aria-labelledby', 'aria-describedby']) {
      for (const id of element.attributes[name]?.split(/\s+/) ?? []) if (id) ids.add(id);
    }
    if (element.name === 'style') {
      for (const child of element.children) if (child.type === 'text' || child.type === 'cdata') collectUrls(child.value);
    }
  }
  return ids;
}

/** Ids mermaid's sequence renderer numbers with its page-wide actor counter. */
const mermaidCounterId = /^(?:actor|root-|actor-man-torso|actor-man-arms)\d+$/;

export interface ThemeSvgResult {
  svg: string;
  /** Literal colours left in the SVG's styles that did not come from a placeholder (e.g. a diagram type not themed here). */
  unmappedColors: string[];
  width: number;
  height: number;
}

export interface ThemeSvgOptions {
  /** Prefix given to every id (and every id reference), so several diagrams on a page never collide. */
  idPrefix: string;
  /** Accessible name to use when the diagram has no accTitle. */
  fallbackTitle: string;
}

/**
 * Turns mermaid's raw SVG into the site's SVG: placeholder colours become custom properties, shadows and
 * unused symbols go, the root becomes an accessible image (role="img" named by <title>/<desc>), every id gets
 * the diagram's own prefix, and svgo minifies the rest without touching ids, titles or descriptions.
 */
export function themeSvg(rawSvg: string, options: ThemeSvgOptions): ThemeSvgResult {
  const unmapped = new Set<string>();
  let width = 0;
  let height = 0;

  const themePlugin: CustomPlugin = {
    name: 'themelionDiagramTheme',
    fn: () => ({
      root: {
        enter(root) {
          const svg = root.children.find((child): child is XastElement => child.type === 'element' && child.name === 'svg');
          if (!svg) return;
          const all = elements(svg);

          for (const element of all) {
            if (element.name === 'style') {
              for (const child of element.children) {
                if (child.type !== 'text' && child.type !== 'cdata') continue;
                const ast = csstree.parse(child.value);
                removeShadows(ast);
                mapPlaceholders(ast, unmapped);
                child.value = csstree.generate(ast);
              }
              continue;
            }
            delete element.attributes['filter'];
            // Mermaid's data-* bookkeeping is unused by the page, and data-type would not even survive HTML
            // serialisation (hast reads it as RDFa's "datatype").
            for (const name of Object.keys(element.attributes)) if (name.startsWith('data-')) delete element.attributes[name];
            const style = element.attributes['style'];
            if (style) {
              const ast = csstree.parse(style, { context: 'declarationList' });
              removeShadows(ast);
              mapPlaceholders(ast, new Set());
              element.attributes['style'] = csstree.generate(ast);
            }
            for (const name of ['fill', 'stroke']) {
              const value = element.attributes[name];
              if (!value) continue;
              const ast = csstree.parse(value, { context: 'value' });
              mapPlaceholders(ast, new Set());
              const first = (ast as csstree.Value).children.first;
              if (first && isColorLiteral(first)) {
                // Literal colours left on classed shapes are overridden by mermaid's own class rules (already
                // themed); unclassed ones are arrowheads, and "rect" blocks are author highlights: both must
                // follow the theme too.
                const classes = element.attributes['class']?.split(/\s+/) ?? [];
                if (classes.includes('rect') && name === 'fill') element.attributes[name] = diagramVar('highlight');
                else if (classes.length > 0) delete element.attributes[name];
                else element.attributes[name] = diagramVar('signal');
              } else {
                element.attributes[name] = csstree.generate(ast);
              }
            }
          }

          // Mermaid gives the top and bottom drawings of an actor figure the same ids (actor-man-torsoN…);
          // ids must be unique in a page and nothing points at these, so the later copies lose theirs.
          const seenIds = new Set<string>();
          for (const element of all) {
            const id = element.attributes['id'];
            if (id === undefined) continue;
            if (seenIds.has(id)) delete element.attributes['id'];
            else seenIds.add(id);
          }

          // Mermaid ships icons (computer, database, clock) and shadow filters in every SVG, used or not.
          const used = referencedIds(svg);

          // Mermaid numbers lifelines, actor groups and actor figures (actorN, root-N, actor-man-torsoN…) with a
          // counter shared by every diagram drawn in the same browser page, so the same diagram got other numbers
          // whenever the build drew the diagrams in another order (npm run check:determinism caught it).
          // Nothing points at these ids: they go.
          for (const element of all) {
            const id = element.attributes['id'];
            if (id !== undefined && mermaidCounterId.test(id) && !used.has(id)) delete element.attributes['id'];
          }
          const prune = (parent: XastParent) => {
            parent.children = parent.children.filter((child) => {
              if (child.type !== 'element') return true;
              if (child.name === 'defs') {
                child.children = child.children.filter(
                  (def) => def.type !== 'element' || !def.attributes['id'] || used.has(def.attributes['id']),
                );
                return child.children.some((def) => def.type === 'element');
              }
              prune(child);
              return true;
            });
          };
          prune(svg);

          const viewBox = (svg.attributes['viewBox'] ?? '').split(/[\s,]+/).map(Number);
          width = Math.ceil(viewBox[2] ?? 0);
          height = Math.ceil(viewBox[3] ?? 0);
          svg.attributes['width'] = String(width);
          svg.attributes['height'] = String(height);
          delete svg.attributes['style'];
          delete svg.attributes['aria-roledescription'];
          const title = svg.children.find((child): child is XastElement => child.type === 'element' && child.name === 'title');
          if (!title) {
            const id = `${svg.attributes['id'] ?? 'diagram'}-title`;
            svg.children.unshift({
              type: 'element',
              name: 'title',
              attributes: { id },
              children: [{ type: 'text', value: options.fallbackTitle }],
            });
            svg.attributes['aria-labelledby'] = id;
          }
        },
      },
    }),
  };

  const { data } = optimize(rawSvg, {
    multipass: false,
    plugins: [
      themePlugin,
      {
        name: 'preset-default',
        params: {
          overrides: {
            // Ids are made unique by prefixIds below; cleanupIds would rename them to a, b, c… and drop the
            // ones only ARIA references (title, desc), which svgo does not see as used.
            cleanupIds: false,
            removeDesc: false,
            // Keep one <style> sheet per diagram so every theme rule stays in one place.
            inlineStyles: false,
            // Mermaid's style sheet selects elements by tag (e.g. `line`); turning shapes into paths would
            // silently change which rules apply.
            convertShapeToPath: false,
            // It computes every element's style against the sheet, about half of the time spent on a diagram, and
            // mermaid draws nothing hidden: the SVGs of the site's 32 diagrams came out byte for byte the same.
            removeHiddenElems: false,
          },
        },
      },
      { name: 'prefixIds', params: { prefix: options.idPrefix, delim: '-', prefixClassNames: false } },
      {
        // After preset-default, whose removeUnknownsAndDefaults does not know SVG 2's role attribute.
        name: 'accessibleRoot',
        fn: () => ({
          element: {
            enter(node, parent) {
              if (node.name === 'svg' && parent.type === 'root') node.attributes['role'] = 'img';
              for (const name of ['aria-labelledby', 'aria-describedby']) {
                const value = node.attributes[name];
                if (!value) continue;
                node.attributes[name] = value
                  .split(/\s+/)
                  .filter(Boolean)
                  .map((id) => (id.startsWith(`${options.idPrefix}-`) ? id : `${options.idPrefix}-${id}`))
                  .join(' ');
              }
            },
          },
        }),
      },
    ],
  });

  return { svg: data, unmappedColors: [...unmapped].sort(), width, height };
}

/** Rewrites the ids of an SVG made by themeSvg with `fromPrefix` so they start with `toPrefix` instead. */
export function renameSvgIds(svg: string, fromPrefix: string, toPrefix: string): string {
  // The prefix contains the diagram's content hash, so it cannot occur in the diagram's own text.
  return svg.replaceAll(`${fromPrefix}-`, `${toPrefix}-`);
}

/**
 * The diagram as a file of its own (the "full size" link): the same SVG plus the palette it otherwise takes from
 * the page, in both themes, since a standalone file sees none of the site's style sheets.
 */
export function standaloneSvg(svg: string, paletteCss: string): string {
  const { data } = optimize(svg, {
    plugins: [
      {
        name: 'themelionStandalonePalette',
        fn: () => ({
          element: {
            enter(node, parent) {
              if (node.name !== 'svg' || parent.type !== 'root') return;
              node.attributes['xmlns'] ??= 'http://www.w3.org/2000/svg';
              node.children.unshift({ type: 'element', name: 'style', attributes: {}, children: [{ type: 'text', value: paletteCss }] });
            },
          },
        }),
      },
    ],
  });
  return data;
}

import * as csstree from 'css-tree';

export type Palette = Record<string, string>;
export interface ThemePalettes {
  light: Palette;
  dark: Palette;
}

const lightSelector = ':root';
const darkSelector = ":root[data-theme='dark']";

/**
 * Reads the custom properties that the site's style sheets give `:root` (light) and `:root[data-theme='dark']`
 * (dark), with every var() resolved to a literal. The standalone SVG files and the contrast check need the real
 * colours, and reading them from the style sheets keeps global.css and diagrams.css their only source.
 */
export function resolvePalettes(styleSheets: string[]): ThemePalettes {
  const declared: ThemePalettes = { light: {}, dark: {} };
  for (const text of styleSheets) {
    const ast = csstree.parse(text, { parseCustomProperty: false, parseValue: false });
    csstree.walk(ast, {
      visit: 'Rule',
      enter(rule) {
        // Rules inside @media (the JS-off dark theme) repeat the data-theme values, so only top-level rules count.
        if (this.atrule) return;
        const selector = csstree.generate(rule.prelude).replaceAll('"', "'");
        const target = selector === lightSelector ? declared.light : selector === darkSelector ? declared.dark : undefined;
        if (!target) return;
        rule.block.children.forEach((node) => {
          if (node.type === 'Declaration' && node.property.startsWith('--')) {
            target[node.property] = csstree.generate(node.value).trim();
          }
        });
      },
    });
  }
  const resolve = (palette: Palette): Palette => {
    const lookup = (name: string, seen: Set<string>): string => {
      const value = palette[name];
      if (value === undefined) throw new Error(`propriedade ${name} não definida`);
      if (seen.has(name)) throw new Error(`referência circular em ${name}`);
      return value.replace(/var\(\s*(--[\w-]+)\s*\)/g, (_match, inner: string) => lookup(inner, new Set([...seen, name])));
    };
    return Object.fromEntries(Object.keys(palette).map((name) => [name, lookup(name, new Set())]));
  };
  return { light: resolve(declared.light), dark: resolve({ ...declared.light, ...declared.dark }) };
}

/** CSS that gives a standalone SVG file both themes, following the reader's system preference. */
export function standalonePaletteCss(palettes: ThemePalettes, prefix = '--diagram-'): string {
  const block = (palette: Palette) =>
    Object.entries(palette)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, value]) => `${name}:${value}`)
      .join(';');
  return `svg{${block(palettes.light)}}@media (prefers-color-scheme:dark){svg{${block(palettes.dark)}}}`;
}

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`cor não suportada: ${hex} (use #rrggbb)`);
  const value = Number.parseInt(match[1]!, 16);
  return 0.2126 * channel((value >> 16) & 255) + 0.7152 * channel((value >> 8) & 255) + 0.0722 * channel(value & 255);
}

/** WCAG 2.x contrast ratio between two #rrggbb colours. */
export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

import type { Element, ElementContent, Properties } from 'hast';
import type { ShikiTransformer } from 'shiki';
import parseStyle from 'style-to-object';
import { type CodePalette, codeThemes, colorClass, fontStyleClasses, type CodeThemeName } from '../utils/code-palette.ts';

const themes = Object.keys(codeThemes) as CodeThemeName[];

/** Style attribute text from the declarations nobody turned into a class; undefined when none is left. */
function styleText(declarations: Map<string, string>): string | undefined {
  return declarations.size === 0 ? undefined : [...declarations].map(([property, value]) => `${property}:${value}`).join(';');
}

function declarationsOf(properties: Properties): Map<string, string> {
  const style = properties['style'];
  return new Map(Object.entries(typeof style === 'string' ? (parseStyle(style) ?? {}) : {}));
}

/**
 * A token's classes for the style shiki gave it. Colours become one class per theme; font styles one shared class
 * when both themes agree. Anything else (a colour outside the palette, themes that disagree on a font style,
 * another transformer's style) stays inline, so no token ever loses its look.
 */
function tokenClasses(palette: CodePalette, declarations: Map<string, string>): { classes: string[]; rest: Map<string, string> } {
  const classes: string[] = [];
  const rest = new Map(declarations);
  for (const theme of themes) {
    const color = rest.get(`--shiki-${theme}`);
    const className = color === undefined ? undefined : colorClass(palette, theme, color);
    if (className) {
      classes.push(className);
      rest.delete(`--shiki-${theme}`);
    }
  }
  for (const [property, values] of Object.entries(fontStyleClasses)) {
    const perTheme = themes.map((theme) => rest.get(`--shiki-${theme}-${property}`));
    const className = perTheme[0] === undefined ? undefined : values[perTheme[0]];
    if (className && perTheme.every((value) => value === perTheme[0])) {
      classes.push(className);
      for (const theme of themes) rest.delete(`--shiki-${theme}-${property}`);
    }
  }
  return { classes, rest };
}

/** Whether a token only repeats its block's colours: its text can stand without a span. */
function isPlain(palette: CodePalette, declarations: Map<string, string>): boolean {
  return (
    declarations.size === themes.length &&
    themes.every((theme) => declarations.get(`--shiki-${theme}`)?.toLowerCase() === palette[theme].fg)
  );
}

const sameClasses = (a: Element, b: Element) =>
  a.properties['style'] === undefined &&
  b.properties['style'] === undefined &&
  String(a.properties['className']) === String(b.properties['className']);

function compactLine(palette: CodePalette, line: Element): void {
  const children: ElementContent[] = [];
  const push = (node: ElementContent) => {
    const previous = children.at(-1);
    if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
    else if (node.type === 'element' && previous?.type === 'element' && sameClasses(previous, node)) previous.children.push(...node.children);
    else children.push(node);
  };
  for (const child of line.children) {
    if (child.type !== 'element' || child.tagName !== 'span') {
      push(child);
      continue;
    }
    const declarations = declarationsOf(child.properties);
    if (isPlain(palette, declarations) && Object.keys(child.properties).length === 1) {
      child.children.forEach(push);
      continue;
    }
    const { classes, rest } = tokenClasses(palette, declarations);
    const properties: Properties = { ...child.properties, style: styleText(rest) };
    if (classes.length > 0) properties['className'] = classes;
    if (properties['style'] === undefined) delete properties['style'];
    push({ ...child, properties });
  }
  line.children = children;
}

/**
 * Shiki writes each token's colours as a style attribute, the same few strings thousands of times per lesson. This
 * swaps them for short classes from the two themes' palette (their rules come from `paletteCss`), drops spans that
 * only repeat the block's colours and merges neighbours that end up alike: about a third of a lesson's gzip weight
 * is code markup, and the highlighted colours and the copied text stay exactly the same.
 */
export function transformerTokenClasses(palette: CodePalette): ShikiTransformer {
  return {
    name: 'themelion:token-classes',
    pre(pre) {
      const rest = declarationsOf(pre.properties);
      for (const theme of themes) {
        if (rest.get(`--shiki-${theme}`)?.toLowerCase() === palette[theme].fg) rest.delete(`--shiki-${theme}`);
        if (rest.get(`--shiki-${theme}-bg`)?.toLowerCase() === palette[theme].bg) rest.delete(`--shiki-${theme}-bg`);
      }
      // paletteCss gives every block the scroll Astro writes inline.
      if (rest.get('overflow-x') === 'auto') rest.delete('overflow-x');
      pre.properties['style'] = styleText(rest);
      if (pre.properties['style'] === undefined) delete pre.properties['style'];
      // The theme names are shiki's labels for its own CSS; ours switches themes through the variables.
      const classes = pre.properties['class'];
      if (typeof classes === 'string') {
        pre.properties['class'] = classes
          .split(/\s+/)
          .filter((name) => !Object.values<string>(codeThemes).includes(name))
          .join(' ');
      }
    },
    code(code) {
      for (const line of code.children) {
        if (line.type === 'element' && line.tagName === 'span') compactLine(palette, line);
      }
    },
  };
}

import { createHighlighter } from 'shiki';

/** The two shiki themes of every code block: one per site theme, switched by CSS without re-highlighting. */
export const codeThemes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

export type CodeThemeName = keyof typeof codeThemes;

/** One theme's colours, lower-cased hex: the block's own colours and every token colour its rules can give. */
export interface ThemePalette {
  fg: string;
  bg: string;
  /** Sorted and unique, so that a colour's class name depends only on the theme, never on the page. */
  colors: readonly string[];
}

export type CodePalette = Record<CodeThemeName, ThemePalette>;

/** Font styles shiki writes per theme, and the class each gets when both themes agree. */
export const fontStyleClasses: Record<string, Record<string, string>> = {
  'font-style': { italic: 'i' },
  'font-weight': { bold: 'b' },
  'text-decoration': { underline: 'u', 'line-through': 's' },
};

const prefix: Record<CodeThemeName, string> = { light: 'l', dark: 'd' };

let palette: Promise<CodePalette> | undefined;

/** Reads both themes' colours once per process (about 0.2 s for the highlighter that resolves them). */
export function loadCodePalette(): Promise<CodePalette> {
  palette ??= (async () => {
    const highlighter = await createHighlighter({ themes: Object.values(codeThemes), langs: [] });
    const read = (name: string): ThemePalette => {
      const theme = highlighter.getTheme(name);
      const colors = new Set<string>([theme.fg.toLowerCase()]);
      for (const rule of theme.settings) {
        if (rule.settings?.foreground) colors.add(rule.settings.foreground.toLowerCase());
      }
      return { fg: theme.fg.toLowerCase(), bg: theme.bg.toLowerCase(), colors: [...colors].sort() };
    };
    const result = { light: read(codeThemes.light), dark: read(codeThemes.dark) };
    highlighter.dispose();
    return result;
  })();
  return palette;
}

/** The class that sets a theme's token colour, or undefined for a colour outside the palette. */
export function colorClass(palette: CodePalette, theme: CodeThemeName, color: string): string | undefined {
  const index = palette[theme].colors.indexOf(color.toLowerCase());
  return index < 0 ? undefined : `${prefix[theme]}${index.toString(36)}`;
}

/**
 * The stylesheet behind the classes: each class only sets the CSS variable shiki would have written inline, so the
 * rules that switch themes (global.css) keep working unchanged.
 */
export function paletteCss(palette: CodePalette): string {
  const rules = [
    `.astro-code{--shiki-light:${palette.light.fg};--shiki-dark:${palette.dark.fg};` +
      `--shiki-light-bg:${palette.light.bg};--shiki-dark-bg:${palette.dark.bg};overflow-x:auto}`,
  ];
  for (const theme of Object.keys(codeThemes) as CodeThemeName[]) {
    for (const color of palette[theme].colors) {
      rules.push(`.astro-code .${colorClass(palette, theme, color)}{--shiki-${theme}:${color}}`);
    }
  }
  for (const [property, values] of Object.entries(fontStyleClasses)) {
    for (const [value, className] of Object.entries(values)) rules.push(`.astro-code .${className}{${property}:${value}}`);
  }
  return `${rules.join('\n')}\n`;
}

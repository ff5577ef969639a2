import type { AstroIntegration } from 'astro';
import { type CodePalette, paletteCss } from '../utils/code-palette.ts';

/** Imported once by the base layout; Vite bundles it into the site's stylesheet. */
export const codeColorsModule = 'virtual:themelion/code-colors.css';
const resolvedId = `\0${codeColorsModule}`;

/**
 * Serves the rules behind transformerTokenClasses, computed from the same palette, so the stylesheet can never
 * miss a class the highlighter writes.
 */
export function codeColors(palette: CodePalette): AstroIntegration {
  return {
    name: 'themelion:code-colors',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'themelion:code-colors',
                resolveId: (id: string) => (id === codeColorsModule ? resolvedId : undefined),
                load: (id: string) => (id === resolvedId ? paletteCss(palette) : undefined),
              },
            ],
          },
        });
      },
    },
  };
}

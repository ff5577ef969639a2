import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, resolvePalettes, standalonePaletteCss } from '../diagram-palette.ts';
import { diagramRoles } from '../diagram-roles.ts';

const styles = (name: string) => readFileSync(new URL(`../../styles/${name}`, import.meta.url), 'utf8');
const palettes = resolvePalettes([styles('global.css'), styles('diagrams.css')]);

/** Text drawn on a fill, as the diagrams draw it (see the role comments in diagrams.css). */
const textPairs: [string, string][] = [
  ['text', 'bg'],
  ['actor-text', 'actor-bg'],
  ['frame-text', 'bg'],
  ['label-text', 'label-bg'],
  ['note-text', 'note-bg'],
  ['number-text', 'signal'],
  ['text', 'highlight'],
  ['text', 'activation-bg'],
];
/** Lines and shape borders against what surrounds them (WCAG 1.4.11 asks 3:1 of graphical objects). */
const graphicPairs: [string, string][] = [
  ['signal', 'bg'],
  ['lifeline', 'bg'],
  ['actor-border', 'bg'],
  ['frame', 'bg'],
  ['note-border', 'note-bg'],
  ['activation-border', 'activation-bg'],
];

describe('diagram palette', () => {
  it('gives every role a literal colour in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const role of diagramRoles) expect(palettes[theme][`--diagram-${role}`]).toMatch(/^#[0-9a-f]{6}$/i);
    }
    expect(palettes.light['--diagram-text']).not.toBe(palettes.dark['--diagram-text']);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`meets WCAG AA for text (4.5:1) and graphics (3:1) in the ${theme} theme`, () => {
      const colour = (role: string) => palettes[theme][`--diagram-${role}`]!;
      for (const [foreground, background] of textPairs) {
        expect(contrastRatio(colour(foreground), colour(background)), `${foreground} sobre ${background}`).toBeGreaterThanOrEqual(4.5);
      }
      for (const [foreground, background] of graphicPairs) {
        expect(contrastRatio(colour(foreground), colour(background)), `${foreground} sobre ${background}`).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('computes the WCAG ratio (black on white is 21:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('writes both themes for the standalone SVG files', () => {
    const css = standalonePaletteCss(palettes);
    expect(css).toContain(`--diagram-text:${palettes.light['--diagram-text']}`);
    expect(css).toContain(`@media (prefers-color-scheme:dark){svg{`);
    expect(css).not.toContain('--bg:');
  });
});

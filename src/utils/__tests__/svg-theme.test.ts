import { describe, expect, it } from 'vitest';
import { themeSvg } from '../svg-theme.ts';

describe('themeSvg', () => {
  it('keeps ids unique when mermaid repeats them on an actor figure drawn twice', () => {
    const raw =
      '<svg xmlns="http://www.w3.org/2000/svg" id="mmd" width="200" height="100" viewBox="0 0 200 100" role="graphics-document document">' +
      '<style>#mmd .actor-man line{stroke:#000}</style>' +
      '<g class="actor-man"><line id="actor-man-torso0" x1="0" y1="0" x2="0" y2="10"/><line id="actor-man-arms0" x1="0" y1="5" x2="10" y2="5"/></g>' +
      '<g class="actor-man"><line id="actor-man-torso0" x1="0" y1="80" x2="0" y2="90"/><line id="actor-man-arms0" x1="0" y1="85" x2="10" y2="85"/></g>' +
      '</svg>';
    const { svg } = themeSvg(raw, { idPrefix: 'dgm-test', fallbackTitle: 'Diagrama' });
    const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(svg.match(/<line/g)).toHaveLength(4);
  });
});

describe('themeSvg and mermaid actor numbers', () => {
  /** A lifeline and an actor group as mermaid draws them, numbered by its counter shared across diagrams. */
  const drawn = (counter: number) =>
    '<svg xmlns="http://www.w3.org/2000/svg" id="mmd" width="200" height="100" viewBox="0 0 200 100">' +
    `<g id="root-${counter}"><rect class="actor" x="0" y="0" width="50" height="20"/></g>` +
    `<g><line id="actor${counter}" class="actor-line" x1="25" y1="20" x2="25" y2="90"/></g>` +
    `<g class="actor-man"><line id="actor-man-torso${counter}" x1="0" y1="0" x2="0" y2="10"/><line id="actor-man-arms${counter}" x1="0" y1="5" x2="10" y2="5"/></g>` +
    '</svg>';

  it('gives the same SVG whatever number the diagram was drawn with', () => {
    const first = themeSvg(drawn(3), { idPrefix: 'dgm-test', fallbackTitle: 'Diagrama' }).svg;
    expect(themeSvg(drawn(113), { idPrefix: 'dgm-test', fallbackTitle: 'Diagrama' }).svg).toBe(first);
    expect(first).not.toMatch(/id="[^"]*(actor|root-)\d/);
  });

  it('keeps such an id when something in the diagram points at it', () => {
    const raw = drawn(7).replace('</svg>', '<use href="#actor7"/></svg>');
    expect(themeSvg(raw, { idPrefix: 'dgm-test', fallbackTitle: 'Diagrama' }).svg).toContain('id="dgm-test-actor7"');
  });
});

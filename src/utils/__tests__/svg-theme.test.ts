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

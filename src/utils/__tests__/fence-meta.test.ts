import { describe, expect, it } from 'vitest';
import { parseFenceMeta } from '../fence-meta.ts';

describe('parseFenceMeta', () => {
  it('reads quoted key="value" pairs and ignores bare words', () => {
    expect(parseFenceMeta(`caption="Fluxo do login" wide title='a b'`)).toEqual({ caption: 'Fluxo do login', title: 'a b' });
    expect(parseFenceMeta('')).toEqual({});
  });
  it('reads a title next to a line-highlight range', () => {
    expect(parseFenceMeta('title="server.ts" {3-5}')).toEqual({ title: 'server.ts' });
  });
});

import { describe, expect, it } from 'vitest';
import { headerPolicy, headersFile } from '../static-headers.ts';

describe('headerPolicy', () => {
  it('repeats the config directives and the script and style sources with their hashes quoted, then forbids framing', () => {
    const policy = headerPolicy({
      algorithm: 'SHA-256',
      directives: ["default-src 'self'", "object-src 'none'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: ['sha256-abc='] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    } as Parameters<typeof headerPolicy>[0]);
    expect(policy).toBe(
      "default-src 'self'; object-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    );
  });

  it("falls back to 'self' and leaves out hashes that 'unsafe-inline' would make browsers ignore", () => {
    const policy = headerPolicy({
      algorithm: 'SHA-256',
      scriptDirective: { hashes: ['sha256-a='] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"], hashes: ['sha256-b='] },
    } as Parameters<typeof headerPolicy>[0]);
    expect(policy).toBe("script-src 'self' 'sha256-a='; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
  });

  it('refuses sources scoped to elements or attributes instead of writing a looser header', () => {
    expect(() =>
      headerPolicy({
        algorithm: 'SHA-256',
        scriptDirective: { hashes: [{ hash: 'sha256-b=', kind: 'element' }] },
      } as Parameters<typeof headerPolicy>[0]),
    ).toThrow(/script-src com "kind" element ou attribute/);
  });
});

describe('headersFile', () => {
  it('applies the policy and the other security headers to every path', () => {
    const file = headersFile("default-src 'self'");
    expect(file).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'\n {2}X-Content-Type-Options: nosniff\n/m);
    expect(file).toContain('X-Frame-Options: DENY');
  });
});

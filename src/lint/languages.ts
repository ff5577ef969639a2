import type { SpecialLanguage } from 'shiki';
import { bundledLanguagesInfo } from 'shiki/langs';

/** Languages shiki renders without a grammar (plain text), so the site accepts them as fence languages. */
const specialLanguages = ['text', 'plaintext', 'txt', 'plain', 'ansi'] as const satisfies readonly SpecialLanguage[];

const canonical = new Map<string, string>();
for (const info of bundledLanguagesInfo) {
  canonical.set(info.id, info.id);
  for (const alias of info.aliases ?? []) canonical.set(alias, info.id);
}
for (const special of specialLanguages) canonical.set(special, 'text');

/** The shiki language id behind a fence language or alias ("ts" → "typescript"); undefined if shiki does not know it. */
export function canonicalLanguage(lang: string): string | undefined {
  return canonical.get(lang.toLowerCase());
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The closest known language name, to suggest a fix for a typo ("typscript" → "typescript"). */
export function suggestLanguage(lang: string): string | undefined {
  const lower = lang.toLowerCase();
  // Long forms of a known name ("golang", "typescriptreact") are closer in meaning than in spelling.
  const prefix = [...canonical.keys()].filter((name) => name.length >= 2 && lower.startsWith(name)).sort((a, b) => b.length - a.length)[0];
  if (prefix) return prefix;
  let best: { name: string; distance: number } | undefined;
  for (const name of canonical.keys()) {
    const distance = editDistance(lower, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(lang.length / 3)) ? best.name : undefined;
}

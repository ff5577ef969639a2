/** Reads `key="value"` pairs from a fence's meta string (e.g. ```ts title="server.ts" or ```mermaid caption="Fluxo do login"). */
export function parseFenceMeta(meta: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  let index = 0;
  while (index < meta.length) {
    const equals = meta.indexOf('=', index);
    if (equals === -1) break;
    const key = meta.slice(index, equals).trim().split(/\s+/).pop() ?? '';
    const quote = meta[equals + 1];
    if (quote !== '"' && quote !== "'") {
      index = equals + 1;
      continue;
    }
    const close = meta.indexOf(quote, equals + 2);
    if (close === -1) break;
    if (key) attributes[key] = meta.slice(equals + 2, close);
    index = close + 1;
  }
  return attributes;
}

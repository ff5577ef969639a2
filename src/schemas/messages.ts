/**
 * Builds the pt-BR messages shared by every schema: each names what is wrong, what was received,
 * what is expected and how to fix it, so an author can act on it without reading the schema.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nada (campo ausente)';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}" (${value.length} caracteres)`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'uma data inválida' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return `uma lista com ${value.length} ${value.length === 1 ? 'item' : 'itens'}`;
  if (typeof value === 'object') return 'um objeto';
  return `${typeof value === 'number' ? 'o número' : 'o valor'} ${String(value)}`;
}

export function fieldMessage(what: string, received: unknown, expected: string, fix: string): string {
  return `${what}: recebido ${describeValue(received)}; esperado ${expected}. ${fix}`;
}

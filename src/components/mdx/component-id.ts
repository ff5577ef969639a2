let issued = 0;

/**
 * Ids for the labels and panels lesson components point at with aria-*: a page may hold many of each, and a
 * build-wide counter keeps them unique without per-page state.
 */
export function nextComponentId(prefix: string): string {
  issued += 1;
  return `${prefix}-${issued}`;
}

let issued = 0;

/**
 * Ids for <Term> definitions: a page may link the same term several times, and every aria-describedby
 * target needs its own id. A build-wide counter keeps them unique without any per-page state.
 */
export function nextTermDefinitionId(termId: string): string {
  issued += 1;
  return `termo-${termId}-${issued}`;
}

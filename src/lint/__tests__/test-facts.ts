import type { CollectionFacts } from '../types.ts';

/** A small collection for tests: the lessons and anchors fixtures link to. */
export const testFacts: CollectionFacts = {
  lessonIds: new Set(['protocolos/http', 'apis/idempotencia', 'resiliencia/timeouts']),
  moduleIds: new Set(['protocolos', 'apis', 'resiliencia']),
  glossaryIds: new Set(['timeout', 'pool-de-conexoes', 'retry-after']),
  anchorsOf: async (id) =>
    id === 'protocolos/http' ? new Set(['o-que-é', 'como-funciona', 'na-prática', 'quando-usar', 'erros-comuns']) : undefined,
};

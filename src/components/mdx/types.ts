/** Kinds of <Callout>, as authors write them in the type prop. */
export const calloutTypes = ['nota', 'dica', 'aviso', 'perigo'] as const;
export type CalloutType = (typeof calloutTypes)[number];

/** Layouts of <Compare>. */
export const compareTypes = ['alternativas', 'pros-contras'] as const;
export type CompareType = (typeof compareTypes)[number];

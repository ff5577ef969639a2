import type { Rule } from '../types.ts';
import { rule as checklistCoverage } from './checklist-coverage.ts';
import { rule as codeExamples } from './code-examples.ts';
import { rule as commonErrors } from './common-errors.ts';
import { rule as comparisonTable } from './comparison-table.ts';
import { rule as concreteness } from './concreteness.ts';
import { rule as glossaryTerms } from './glossary-terms.ts';
import { rule as headingStructure } from './heading-structure.ts';
import { rule as links } from './links.ts';
import { rule as placeholders } from './placeholders.ts';
import { rule as requiredSections } from './required-sections.ts';
import { rule as sequenceDiagram } from './sequence-diagram.ts';
import { rule as suppression } from './suppression.ts';

/** Every lesson rule, in the order authors meet the problems: structure, content, then housekeeping. */
export const rules: readonly Rule[] = [
  requiredSections,
  headingStructure,
  sequenceDiagram,
  codeExamples,
  comparisonTable,
  commonErrors,
  concreteness,
  checklistCoverage,
  links,
  glossaryTerms,
  placeholders,
  suppression,
];

import { transformerMetaHighlight } from '@shikijs/transformers';
import type { ShikiTransformer } from 'shiki';
import type { CodePalette } from '../utils/code-palette.ts';
import { transformerCodeFrame } from './shiki-code-frame.ts';
import { transformerNoTimeLimit } from './shiki-no-time-limit.ts';
import { transformerPlainLines } from './shiki-plain-lines.ts';
import { transformerTokenClasses } from './shiki-token-classes.ts';

/**
 * Every code block of the site goes through these, in this order: lessons (astro.config.mjs) and the authoring
 * guide's examples alike. No time limit, so the same code gets the same colours however busy the build machine is;
 * line marks before the token classes and the plain-line pass, which keeps only marked lines wrapped; the frame last.
 */
export function codeTransformers(palette: CodePalette): ShikiTransformer[] {
  return [
    transformerNoTimeLimit(),
    transformerMetaHighlight(),
    transformerTokenClasses(palette),
    transformerPlainLines(),
    transformerCodeFrame(),
  ];
}

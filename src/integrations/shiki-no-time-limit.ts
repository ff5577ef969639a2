import type { ShikiTransformer } from 'shiki';

/**
 * Lifts Shiki's per-line tokenizing deadline (500 ms by default). Past it, Shiki stops scoping the line and
 * paints the rest in the default colour; the first lines of a language pay for compiling its grammar's
 * regexes, so on a busy machine the same code came out with different colours from one build to the next
 * (npm run check:determinism caught it). A build may take longer; it must not give other bytes.
 * Astro does not pass tokenizing options to Shiki, so this sets the option before Shiki tokenizes:
 * `preprocess` hooks receive the options object that tokenizing then reads.
 */
export function transformerNoTimeLimit(): ShikiTransformer {
  return {
    name: 'themelion:no-time-limit',
    preprocess(_code, options) {
      options.tokenizeTimeLimit = 0;
    },
  };
}

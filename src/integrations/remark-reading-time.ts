import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { readingMinutes } from '../utils/reading-time';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

/** Exposes the estimate as `remarkPluginFrontmatter.readingMinutes` on rendered entries. */
export function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    const data = file.data as AstroFileData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.readingMinutes = readingMinutes(tree);
  };
}

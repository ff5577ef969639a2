import { kebabCasePattern } from '../schemas/module.ts';

export interface LessonPath {
  /** "<module>/<slug>", the collection id and the URL path. */
  id: string;
  module: string;
  slug: string;
}

/**
 * Reads a lesson's identity from its path relative to content/lessons/. The folder is the single source
 * of a lesson's module, so the path must be exactly "<module>/<slug>.mdx".
 * Returns a pt-BR problem description instead of a LessonPath when the path does not fit.
 */
export function parseLessonPath(relativePath: string): LessonPath | { problem: string } {
  const parts = relativePath.replaceAll('\\', '/').split('/');
  if (parts.length !== 2 || !parts[1]!.endsWith('.mdx')) {
    return {
      problem: `caminho de aula inválido: recebido "${relativePath}"; esperado content/lessons/<modulo>/<slug>.mdx. Mova o arquivo para a pasta do módulo.`,
    };
  }
  const [module, file] = parts as [string, string];
  const slug = file.slice(0, -'.mdx'.length);
  for (const [what, value] of [
    ['pasta do módulo', module],
    ['nome do arquivo', slug],
  ] as const) {
    if (!kebabCasePattern.test(value)) {
      return {
        problem: `${what} inválido: recebido "${value}"; esperado kebab-case sem acentos (ex.: "rate-limiting"). Renomeie.`,
      };
    }
  }
  return { id: `${module}/${slug}`, module, slug };
}

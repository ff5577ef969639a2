import { AstroError } from 'astro/errors';

interface RenderPlace {
  params: Record<string, string | undefined>;
  url: URL;
}

/**
 * The build error a lesson component raises when it is misused: it names the lesson file (lessons render under
 * /[module]/[slug]/) and carries no stack trace, which would only bury the message under renderer frames.
 */
export function componentError(component: string, place: RenderPlace, problem: string, hint: string): AstroError {
  const { module, slug } = place.params;
  const where = module && slug ? `em content/lessons/${module}/${slug}.mdx (página ${place.url.pathname})` : `na página ${place.url.pathname}`;
  const error = new AstroError(`<${component}> ${where}: ${problem}`, hint);
  error.stack = '';
  return error;
}

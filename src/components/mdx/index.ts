import Term from '../Term.astro';
import Callout from './Callout.astro';
import CodeTabs from './CodeTabs.astro';
import Compare from './Compare.astro';
import Figure from './Figure.astro';
import Steps from './Steps.astro';

/** Components every lesson may use without importing them: pass to <Content components={…} />. */
export const lessonComponents = { Term, Callout, CodeTabs, Figure, Steps, Compare };

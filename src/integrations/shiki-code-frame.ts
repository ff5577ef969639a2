import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { texts } from '../texts';
import { parseFenceMeta } from '../utils/fence-meta.ts';

/** Human names for the fence ids authors use most; other ids are shown as written. */
const languageNames: Record<string, string> = {
  ts: 'TypeScript',
  typescript: 'TypeScript',
  js: 'JavaScript',
  javascript: 'JavaScript',
  py: 'Python',
  python: 'Python',
  go: 'Go',
  bash: 'Shell',
  sh: 'Shell',
  shell: 'Shell',
  json: 'JSON',
  yaml: 'YAML',
  yml: 'YAML',
  http: 'HTTP',
  sql: 'SQL',
  text: 'Texto',
  txt: 'Texto',
  plaintext: 'Texto',
};

/**
 * Wraps each highlighted block in a figure whose caption names the file (or the language) and holds a
 * copy button. The button starts hidden: it only works with JavaScript, which unhides it.
 */
export function transformerCodeFrame(): ShikiTransformer {
  return {
    name: 'themelion:code-frame',
    root(root) {
      const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
      if (!pre) return;
      const title = parseFenceMeta(this.options.meta?.__raw ?? '')['title'];
      const lang = this.options.lang;
      const caption = title ?? languageNames[lang] ?? lang;
      const button: Element = {
        type: 'element',
        tagName: 'button',
        properties: { type: 'button', className: ['copy-button'], hidden: true, ariaLabel: texts.lesson.copyLabel(caption) },
        children: [{ type: 'text', value: texts.lesson.copy }],
      };
      const figcaption: Element = {
        type: 'element',
        tagName: 'figcaption',
        properties: {},
        children: [{ type: 'text', value: caption }],
      };
      const children: ElementContent[] = [figcaption, button, pre];
      root.children = [
        { type: 'element', tagName: 'figure', properties: { className: ['code-block'], dataLanguage: lang }, children },
      ];
    },
  };
}

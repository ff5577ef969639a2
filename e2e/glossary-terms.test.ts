import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { GlossaryEntry } from '../src/schemas/glossary.ts';
import { checkGlossary } from '../src/utils/glossary.ts';
import { launchBrowser } from './browser.ts';
import { publishedLessons, type SourceLesson } from './content.ts';

const siteUrl = inject('siteUrl');
const basePath = new URL(siteUrl).pathname;
const url = (pathname: string) => new URL(pathname.replace(/^\//, ''), siteUrl).href;

interface RenderedTerm {
  text: string;
  href: string;
  describedBy: string;
  /** Text of the element aria-describedby points at, or null when no such element exists. */
  describedText: string | null;
  /** Position among the lesson's `article a.term` links, to find the same node again through CDP. */
  index: number;
}

let browser: Browser;
let lessons: SourceLesson[];
let glossary: Map<string, GlossaryEntry>;

beforeAll(async () => {
  browser = await launchBrowser();
  lessons = await publishedLessons();
  const { entries } = await checkGlossary(path.resolve('content/glossary.yaml'), new Set(lessons.map(({ id }) => id)));
  glossary = new Map(entries.map((entry) => [entry.id, entry]));
});

afterAll(async () => {
  await browser?.close();
});

async function openPage(pathname: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url(pathname));
  return page;
}

function readTerms(page: Page): Promise<RenderedTerm[]> {
  return page.locator('article a.term').evaluateAll((links) =>
    links.map((link, index) => {
      const describedBy = link.getAttribute('aria-describedby') ?? '';
      return {
        text: link.textContent ?? '',
        href: (link as HTMLAnchorElement).href,
        describedBy,
        describedText: document.getElementById(describedBy)?.textContent ?? null,
        index,
      };
    }),
  );
}

/** Name and description as Chromium computes them for assistive technology, not as the markup suggests. */
async function accessibleTexts(page: Page, index: number): Promise<{ name: string; description: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'article a.term' });
    const nodeId = nodeIds[index];
    if (nodeId === undefined) throw new Error(`o termo ${index + 1} sumiu da página antes da consulta à árvore de acessibilidade`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0]!;
    return { name: String(node.name?.value ?? ''), description: String(node.description?.value ?? '') };
  } finally {
    await cdp.detach();
  }
}

describe('<Term> nas aulas', () => {
  test('cada termo leva a uma âncora existente do glossário e tem a definição como descrição acessível', async () => {
    const glossaryPage = await openPage('/glossario/');
    const anchors = new Map(
      await glossaryPage.locator('.glossary-entry h3[id]').evaluateAll((headings) => headings.map((heading) => [heading.id, heading.textContent!.trim()] as const)),
    );
    await glossaryPage.context().close();

    let checked = 0;
    for (const lesson of lessons) {
      const page = await openPage(`/${lesson.id}/`);
      const ids = await page.locator('[id]').evaluateAll((nodes) => nodes.map((node) => node.id));
      expect(ids.length, `ids repetidos em /${lesson.id}/`).toBe(new Set(ids).size);

      for (const term of await readTerms(page)) {
        const where = `/${lesson.id}/ → "${term.text}"`;
        const target = new URL(term.href);
        expect(target.pathname, where).toBe(`${basePath}glossario/`);
        const id = decodeURIComponent(target.hash.slice(1));
        expect(anchors.has(id), `${where}: âncora #${id} ausente em /glossario/`).toBe(true);
        expect(anchors.get(id), where).toBe(glossary.get(id)?.term);

        const definition = glossary.get(id)!.definition;
        expect(term.describedText, `${where}: aria-describedby="${term.describedBy}" não aponta para a definição`).toBe(definition);
        const { name, description } = await accessibleTexts(page, term.index);
        expect(name, where).toBe(term.text);
        expect(description, where).toBe(definition);
        checked += 1;
      }
      await page.context().close();
    }
    // The module of APIs links its key terms; if they vanish, the loop above would pass without checking anything.
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  test('seguir o termo abre o glossário já na entrada dele', async () => {
    const page = await openPage('/apis/rest/');
    const link = page.locator('article a.term').first();
    const id = decodeURIComponent(new URL(await link.evaluate((node) => (node as HTMLAnchorElement).href)).hash.slice(1));
    await link.click();
    await page.waitForURL(`**${basePath}glossario/#${id}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
    await expect
      .poll(() => page.locator(`[id="${id}"]`).evaluate((node) => node.getBoundingClientRect().top >= 0 && node.getBoundingClientRect().top < innerHeight))
      .toBe(true);
    await page.context().close();
  });
});

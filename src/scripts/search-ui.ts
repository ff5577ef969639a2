/**
 * The search panel behind the header dialog and /busca/: loads Pagefind's own JS API on first use and
 * renders results with module, level, a highlighted excerpt and up to three matching sections.
 * Loaded only when search opens, so lesson pages do not pay for it.
 */
import { texts } from '../texts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
  locations: number[];
  weighted_locations?: { balanced_score: number }[];
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
}

interface Pagefind {
  options: (options: { baseUrl?: string; excerptLength?: number }) => Promise<void>;
  init: () => Promise<void>;
  debouncedSearch: (term: string, options: { filters?: Record<string, string> }, timeout?: number) => Promise<PagefindSearch | null>;
}

const base = import.meta.env.BASE_URL.replace(/\/$/, '');
const maxResults = 10;
const maxSections = 3;
const debounceMs = 120;

let pagefind: Promise<Pagefind> | undefined;

/** Fetches pagefind.js, its WebAssembly and the index entry; call early (hover, focus) to hide the latency. */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const bundle = `${base}/pagefind/pagefind.js`;
    const api = (await import(/* @vite-ignore */ bundle)) as Pagefind;
    await api.options({ baseUrl: `${base}/`, excerptLength: 24 });
    await api.init();
    return api;
  })().catch((error: unknown) => {
    pagefind = undefined;
    throw error;
  });
  return pagefind;
}

/** Pagefind excerpts are escaped text with <mark> around hits; rebuild them from text nodes so no other markup gets in. */
function highlighted(excerpt: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  const fragment = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(node.textContent ?? '');
    }
  }
  return fragment;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/**
 * Pagefind's per-word scores already weigh rare words over common ones ("de", "em"), so a section that
 * matches "localStorage" beats one that only repeats "token"; plain counts are the fallback.
 */
function sectionScore(section: PagefindSubResult): number {
  return section.weighted_locations?.reduce((sum, location) => sum + location.balanced_score, 0) ?? section.locations.length;
}

/** The sections worth showing: those with a heading anchor, best scored first, in page order on ties. */
export function topSections(result: PagefindResultData): PagefindSubResult[] {
  return result.sub_results
    .filter((section) => section.anchor?.id && section.url !== result.url)
    .map((section, order) => ({ section, order, score: sectionScore(section) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, maxSections)
    .map(({ section }) => section);
}

function renderResult(result: PagefindResultData): HTMLLIElement {
  const title = result.meta.title ?? result.url;
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-title', title);
  link.href = result.url;
  item.append(element('h3', 'search-result-heading', link));
  // Lessons carry module and level; the glossary page has neither, and its title already says what it is.
  if (result.meta.module) item.append(element('p', 'search-result-meta', `${result.meta.module} · ${result.meta.level ?? ''}`));

  // With sections, their excerpts already show the hits; the page excerpt would repeat one of them.
  const sections = topSections(result);
  if (sections.length === 0) item.append(element('p', 'search-result-excerpt', highlighted(result.excerpt)));
  if (sections.length > 0) {
    const list = element('ul', 'search-sections');
    list.setAttribute('aria-label', texts.search.sectionsLabel(title));
    for (const section of sections) {
      const sectionLink = element('a', '', section.title);
      sectionLink.href = section.url;
      list.append(element('li', '', sectionLink, element('p', 'search-result-excerpt', highlighted(section.excerpt))));
    }
    item.append(list);
  }
  return item;
}

export interface MountOptions {
  /** Mirror the query and filters in the address bar (the /busca/ page), so the link can be shared. */
  syncUrl?: boolean;
  /** Called when a result is followed, e.g. to close the dialog before a same-page jump. */
  onNavigate?: () => void;
}

/** Wires one [data-search-panel]: live search while typing, filters, arrow-key movement and the live status. */
export function mountSearch(panel: HTMLElement, options: MountOptions = {}): { input: HTMLInputElement } {
  const form = panel.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const moduleSelect = form.querySelector<HTMLSelectElement>('select[name="modulo"]')!;
  const levelSelect = form.querySelector<HTMLSelectElement>('select[name="nivel"]')!;
  const status = panel.querySelector<HTMLElement>('[data-search-status]')!;
  const results = panel.querySelector<HTMLOListElement>('[data-search-results]')!;
  let latest = 0;

  const links = () => [...results.querySelectorAll<HTMLAnchorElement>('a')];

  const syncUrl = (query: string) => {
    if (!options.syncUrl) return;
    const url = new URL(location.href);
    for (const [name, value] of [['q', query], ['modulo', moduleSelect.value], ['nivel', levelSelect.value]] as const) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    history.replaceState(history.state, '', url);
  };

  const run = async () => {
    const run = ++latest;
    const query = input.value.trim();
    syncUrl(query);
    if (!query) {
      results.replaceChildren();
      status.textContent = texts.search.idle;
      return;
    }
    panel.setAttribute('aria-busy', 'true');
    try {
      const api = await loadPagefind();
      const filters: Record<string, string> = {};
      if (moduleSelect.value) filters.module = moduleSelect.value;
      if (levelSelect.value) filters.level = levelSelect.value;
      const search = await api.debouncedSearch(query, { filters }, debounceMs);
      // null means a newer keystroke superseded this search.
      if (search === null || run !== latest) return;
      const data = await Promise.all(search.results.slice(0, maxResults).map((result) => result.data()));
      if (run !== latest) return;
      results.replaceChildren(...data.map(renderResult));
      status.textContent = texts.search.count(search.results.length, query);
    } catch {
      if (run !== latest) return;
      results.replaceChildren();
      status.textContent = import.meta.env.DEV ? texts.search.unavailable : texts.search.failed;
    } finally {
      if (run === latest) panel.removeAttribute('aria-busy');
    }
  };

  input.addEventListener('input', run);
  moduleSelect.addEventListener('change', run);
  levelSelect.addEventListener('change', run);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    links()[0]?.click();
  });
  results.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) options.onNavigate?.();
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    if (all.length === 0) return;
    if (event.target === input) {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        all[0]!.focus();
      }
      return;
    }
    const index = all.indexOf(event.target as HTMLAnchorElement);
    if (index === -1) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') all[Math.min(index + 1, all.length - 1)]!.focus();
    else if (index === 0) input.focus();
    else all[index - 1]!.focus();
  });

  if (options.syncUrl) {
    const params = new URL(location.href).searchParams;
    input.value = params.get('q') ?? input.value;
    moduleSelect.value = params.get('modulo') ?? '';
    levelSelect.value = params.get('nivel') ?? '';
  }
  if (input.value.trim()) void run();
  return { input };
}

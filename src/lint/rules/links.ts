import type { Definition, Image, Link } from 'mdast';
import type { Rule } from '../types.ts';

/** The parts of an MDX JSX element (`<a href>`, `<img alt>`) this rule reads. */
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: Link['position'];
}

function attribute(node: JsxElement, name: string): { value?: unknown } | undefined {
  return node.attributes.find((item) => item.type === 'mdxJsxAttribute' && item.name === name);
}

/** Percent-decoding that tolerates a stray "%" (the anchor is then compared as written). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const rule: Rule = {
  id: 'links',
  severity: 'error',
  summary: 'Links internos apontam para aulas, módulos e âncoras que existem; imagens têm texto alternativo.',
  docs: {
    why: 'Um link interno quebrado leva a pessoa a um 404 no meio da explicação. Links internos começam com "/" e terminam em "/" (o site usa barra final): "/<modulo>/<aula>/", "/<modulo>/" ou "/". Âncoras (#na-prática) precisam ser o id de um título que existe na aula de destino — o id é o título em minúsculas, com acentos, espaços trocados por hífen. Imagens sem texto alternativo são invisíveis para leitores de tela.',
    good: 'Veja [como o HTTP reaproveita conexões](/protocolos/http/#como-funciona) e a [seção de erros](#erros-comuns).\n\n![Fluxo de um retry com chave de idempotência](/img/retry.svg)',
    bad: 'Veja [HTTP](/protocolos/htp/) e [erros](#erros).\n\n![](/img/retry.svg)',
  },
  async check({ doc, collection, lessonId, report }) {
    const ownAnchors = doc.anchors;
    const targets: { url: string; node: Link | Definition | JsxElement }[] = [];
    const images: { node: Image | JsxElement; hasAlt: boolean; src: string }[] = [];
    for (const node of doc.references) {
      if (node.type === 'link' || node.type === 'definition') targets.push({ url: node.url, node });
      else if (node.type === 'image') images.push({ node, hasAlt: node.alt?.trim() !== '' && node.alt !== null && node.alt !== undefined, src: node.url });
      else {
        const element = node as JsxElement;
        if (element.name === 'a') {
          const href = attribute(element, 'href')?.value;
          if (typeof href === 'string') targets.push({ url: href, node: element });
        } else if (element.name === 'img') {
          const alt = attribute(element, 'alt');
          const src = attribute(element, 'src')?.value;
          images.push({ node: element, hasAlt: alt !== undefined && (typeof alt.value !== 'string' || alt.value.trim() !== ''), src: typeof src === 'string' ? src : '' });
        }
      }
    }

    for (const { url, node } of targets) {
      if (url.startsWith('#')) {
        const anchor = decode(url.slice(1));
        if (!ownAnchors.has(anchor)) {
          report({
            at: node,
            message: `âncora inexistente: "${url}" não corresponde a nenhum título desta aula; esperado um destes: ${[...ownAnchors].slice(0, 8).map((a) => `#${a}`).join(', ')}. Corrija a âncora ou o título.`,
          });
        }
        continue;
      }
      if (!url.startsWith('/') || url.startsWith('//')) {
        if (/\.mdx?(?:#|$)/.test(url) && !/^[a-z]+:/i.test(url)) {
          report({
            at: node,
            message: `link para arquivo: encontrado "${url}"; esperado a URL da aula no site, como "/modulo/aula/". Troque o caminho do arquivo pela URL.`,
          });
        }
        continue;
      }
      const [pathAndQuery = '', hash] = url.split('#', 2);
      const pathname = pathAndQuery.split('?')[0]!;
      const parts = pathname.split('/').filter(Boolean);
      if (parts.length > 2 || (pathname !== '/' && !pathname.endsWith('/'))) {
        const fixed = parts.length <= 2 ? `/${parts.join('/')}/` : undefined;
        const exists = fixed !== undefined && (parts.length === 1 ? collection.moduleIds.has(parts[0]!) : collection.lessonIds.has(parts.join('/')));
        report({
          at: node,
          message: `link interno fora do formato: encontrado "${url}"; esperado "/<modulo>/<aula>/", "/<modulo>/" ou "/", sempre com barra final${exists ? ` — aqui, "${fixed}${hash ? `#${hash}` : ''}"` : ''}. Corrija o endereço.`,
        });
        continue;
      }
      if (parts.length === 1 && !collection.moduleIds.has(parts[0]!)) {
        report({
          at: node,
          message: `módulo inexistente no link: "${url}" não é um módulo da sala; esperado um de ${[...collection.moduleIds].map((id) => `/${id}/`).join(', ')}. Corrija o endereço.`,
        });
        continue;
      }
      if (parts.length === 2) {
        const id = parts.join('/');
        if (!collection.lessonIds.has(id)) {
          const sameModule = [...collection.lessonIds].filter((other) => other.startsWith(`${parts[0]}/`));
          report({
            at: node,
            message: `aula inexistente no link: "${url}" não corresponde a nenhuma aula; esperado o endereço de uma aula existente${sameModule.length > 0 ? ` (no módulo: ${sameModule.map((other) => `/${other}/`).join(', ')})` : ''}. Corrija o endereço ou crie a aula.`,
          });
          continue;
        }
        if (hash) {
          const anchors = id === lessonId ? ownAnchors : await collection.anchorsOf(id);
          const anchor = decode(hash);
          if (anchors && !anchors.has(anchor)) {
            report({
              at: node,
              message: `âncora inexistente: "#${hash}" não é um título da aula /${id}/; esperado um destes: ${[...anchors].slice(0, 8).map((a) => `#${a}`).join(', ')}. Corrija a âncora.`,
            });
          }
        }
      }
    }

    for (const image of images) {
      if (image.hasAlt) continue;
      report({
        at: image.node,
        message: `imagem sem texto alternativo: "${image.src}" tem alt vazio; esperado uma descrição do que a imagem mostra, como em ![Fluxo do retry com chave de idempotência](${image.src || '/img/fluxo.svg'}). Escreva o texto alternativo.`,
      });
    }
  },
};

import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { foldText } from '../../utils/glossary.ts';
import type { Rule } from '../types.ts';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Glossary ids an author probably meant: same start, or one containing the other once accents are folded. */
function nearIds(id: string, known: ReadonlySet<string>): string[] {
  const wanted = foldText(id);
  return [...known]
    .filter((candidate) => {
      const folded = foldText(candidate);
      return folded.includes(wanted) || wanted.includes(folded) || folded.slice(0, 4) === wanted.slice(0, 4);
    })
    .slice(0, 3);
}

export const rule: Rule = {
  id: 'glossary-terms',
  severity: 'error',
  summary: 'Cada <Term id="…"> aponta para um termo que existe em content/glossary.yaml e envolve o texto do termo.',
  docs: {
    why: '<Term> liga a palavra ao verbete do glossário e dá a definição a leitores de tela. Um id que não existe no glossário derruba o build da aula; um id escrito como expressão ({…}) não pode ser conferido antes do build. O id é o do verbete (kebab-case, sem acentos), e o texto dentro de <Term> é o que a pessoa lê na frase.',
    good: 'O cliente guarda o <Term id="etag">ETag</Term> da última leitura.',
    bad: 'O cliente guarda o <Term id="e-tag">ETag</Term> da última leitura e o <Term id="retry-after" />.',
  },
  check({ doc, collection, report }) {
    for (const node of doc.references) {
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'Term') continue;
      const element = node as JsxElement;
      const idAttribute = element.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id');
      const id = idAttribute?.value;
      if (idAttribute === undefined || id === null || id === undefined) {
        report({
          at: element,
          message: '<Term> sem id: recebido um <Term> sem o atributo id; esperado o id de um termo de content/glossary.yaml. Escreva <Term id="id-do-termo">texto</Term>.',
        });
        continue;
      }
      if (typeof id !== 'string') {
        report({
          at: element,
          message: `id de <Term> como expressão: recebido id={${id.value}}; esperado um texto literal, que o linter confere antes do build. Escreva id="id-do-termo".`,
        });
        continue;
      }
      if (toString(element).trim() === '') {
        report({
          at: element,
          message: `<Term id="${id}"> vazio: recebido nenhum texto dentro do elemento; esperado o termo como aparece na frase. Escreva <Term id="${id}">texto</Term>.`,
        });
      }
      const known = collection.glossaryIds;
      if (!known || known.has(id)) continue;
      const near = nearIds(id, known);
      report({
        at: element,
        message:
          `termo inexistente: recebido <Term id="${id}">, que não está em content/glossary.yaml; esperado o id de um termo do glossário` +
          `${near.length > 0 ? ` (parecidos: ${near.join(', ')})` : ''}. Corrija o id ou acrescente o termo ao glossário.`,
      });
    }
  },
};

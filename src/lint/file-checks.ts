/**
 * Problems found before any rule runs — the file cannot be read as a lesson — and the collection
 * checks the site's loader shares. Listed here so the authors' page documents every id the linter prints.
 */
export interface CheckInfo {
  id: string;
  summary: string;
  why: string;
}

export const lessonFileCheckId = 'lesson-file';
export const mdxSyntaxCheckId = 'mdx-syntax';
export const internalCheckId = 'internal';

export const fileChecks: readonly CheckInfo[] = [
  {
    id: lessonFileCheckId,
    summary: 'O arquivo é uma aula legível: dentro de content/lessons/, em UTF-8, não vazio e de tamanho razoável.',
    why: 'Um arquivo vazio, com bytes que não são UTF-8 (salvo em Latin-1 pelo editor, por exemplo) ou enorme não pode ser lido como aula; o linter aponta o problema e segue com os outros arquivos.',
  },
  {
    id: mdxSyntaxCheckId,
    summary: 'O MDX é válido: chaves, tags JSX e comentários fechados.',
    why: 'Um erro de sintaxe MDX impede o build da página. O linter mostra a linha e a coluna onde o parser parou; as regras de conteúdo só rodam depois que o arquivo é lido.',
  },
  {
    id: 'frontmatter',
    summary: 'O frontmatter segue o mesmo schema do site (title, description, order, level, tags, status, origin, updated…).',
    why: 'É a mesma validação que o build faz ao carregar as aulas, com a linha do campo errado.',
  },
  {
    id: 'lesson-path',
    summary: 'O caminho é content/lessons/<modulo>/<slug>.mdx, em kebab-case.',
    why: 'O caminho é o id e a URL da aula; um arquivo fora desse formato não vira página.',
  },
  {
    id: 'lesson-graph',
    summary: 'A pasta é um módulo existente, a ordem é única no módulo e os pré-requisitos existem, sem ciclos.',
    why: 'Fatos que só a coleção inteira prova; o linter os confere mesmo quando recebe um arquivo só.',
  },
  {
    id: 'modules',
    summary: 'content/modules.yaml é uma lista válida de módulos.',
    why: 'Sem a lista de módulos não dá para saber se a pasta de uma aula ou um link /<modulo>/ existem.',
  },
  {
    id: internalCheckId,
    summary: 'Uma regra falhou ao ler este arquivo.',
    why: 'Indica um defeito do linter, não da aula: o problema é mostrado com o arquivo, e as demais regras e arquivos continuam sendo verificados. Avise quem mantém o linter.',
  },
];

/** Every pt-BR string the site's UI shows, in one place so wording stays consistent. */
import type { LessonLevel, LessonStatus } from './schemas/lesson';
import type { CalloutType } from './components/mdx/types';
import type { LessonInput } from './schemas/lesson';

export const texts = {
  siteName: 'Themelion · Sala Backend',
  siteShortName: 'Sala Backend',
  siteDescription:
    'Aulas de engenharia backend em português: HTTP, APIs, autenticação, arquitetura, concorrência, mensageria, performance e resiliência, com diagramas, código e números.',
  skipLink: 'Pular para o conteúdo',
  homeLabel: 'Início',
  mainNavLabel: 'Navegação principal',
  breadcrumbsLabel: 'Você está em',
  themeToggleLabel: 'Tema escuro',
  home: {
    heading: 'Sala Backend',
    lead: 'Engenharia backend explicada a partir de problemas reais: como cada mecanismo funciona, código que roda em produção, números em vez de adjetivos e os erros que derrubam sistemas.',
    audience:
      'Para quem já programa e quer entender o que acontece entre a requisição e o banco de dados — de quem está no primeiro emprego a quem revisa arquitetura. Cada aula segue a mesma ordem: o que é, como funciona, na prática, quando usar e erros comuns.',
    modulesHeading: 'Módulos',
    lessonCount: (count: number) => (count === 1 ? '1 aula' : `${count} aulas`),
  },
  module: {
    lessonsHeading: 'Aulas deste módulo',
    moduleLabel: 'Módulo',
  },
  lesson: {
    levelLabel: 'Nível',
    readingTimeLabel: 'Leitura',
    readingTime: (minutes: number) => `${minutes} min de leitura`,
    updatedLabel: 'Atualizada em',
    tagsLabel: 'Tags',
    prerequisitesHeading: 'Antes desta aula',
    tocHeading: 'Nesta aula',
    previous: 'Aula anterior',
    next: 'Próxima aula',
    pagerLabel: 'Outras aulas do módulo',
    editLink: 'Editar esta página',
    copy: 'Copiar',
    copied: 'Copiado',
    copyFailed: 'Não foi possível copiar',
    copyLabel: (title: string) => `Copiar código: ${title}`,
    tableLabel: 'Tabela',
  },
  diagram: {
    regionLabel: (title: string) => `Diagrama: ${title}`,
    untitled: 'Diagrama de sequência',
    openFull: 'Abrir o diagrama em tamanho real',
    openFullLabel: (title: string) => `Abrir o diagrama em tamanho real: ${title}`,
    sourceLabel: 'Diagrama de sequência em texto (Mermaid):',
  },
  draftBanner: (status: LessonStatus) =>
    status === 'review'
      ? 'Em revisão: esta aula ainda não foi publicada e só aparece no ambiente de desenvolvimento.'
      : 'Rascunho: esta aula ainda não foi revisada nem publicada e só aparece no ambiente de desenvolvimento.',
  draftBannerAgent: 'Texto gerado pelo agente de escrita; precisa da revisão de uma pessoa antes de ser publicado.',
  levels: {
    iniciante: 'Iniciante',
    intermediario: 'Intermediário',
    avancado: 'Avançado',
  } satisfies Record<LessonLevel, string>,
  notFound: {
    title: 'Página não encontrada',
    lead: 'O endereço pode ter mudado ou conter um erro de digitação.',
    back: 'Voltar para o início',
  },
  lint: {
    title: 'Regras de autoria das aulas',
    description: 'O que o linter de aulas confere em cada arquivo, por que cada regra existe e como corrigir o que ele aponta.',
    lead: 'Antes de qualquer pessoa ler uma aula, o linter confere a estrutura e o checklist de qualidade. Rode npm run lint:lessons (ou npm run lint:lessons -- content/lessons/<modulo>/<aula>.mdx) e corrija cada linha arquivo:linha:coluna que ele mostrar; o build falha enquanto houver erros.',
    rulesHeading: 'Regras',
    checksHeading: 'Outros diagnósticos',
    configHeading: 'Valores em vigor',
    severityLabel: 'Gravidade',
    severity: { error: 'erro (bloqueia o build)', warning: 'aviso (não bloqueia)' },
    whyHeading: 'Por quê',
    goodHeading: 'Assim passa',
    badHeading: 'Assim falha',
    suppressHeading: 'Silenciar uma regra',
    config: {
      minSectionWords: 'Palavras de texto por seção obrigatória (mínimo)',
      minUnitNumbers: 'Números com unidade por aula (mínimo)',
      minCommonErrors: 'Erros em "Erros comuns" (mínimo)',
      minErrorExplanationWords: 'Palavras explicando cada erro comum (mínimo)',
      minPracticeLanguages: 'Linguagens de programação em "Na prática" (mínimo)',
      table: (columns: number, rows: number) => `Tabela de "Quando usar": ${columns} colunas e ${rows} linhas (mínimo)`,
      vagueWords: 'Palavras vagas que pedem um número na mesma frase',
      units: 'Unidades que contam como número concreto',
    },
  },
  search: {
    open: 'Buscar',
    openLabel: 'Buscar nas aulas (atalhos: / ou Ctrl+K)',
    dialogLabel: 'Buscar nas aulas',
    close: 'Fechar',
    inputLabel: 'O que você procura?',
    placeholder: 'Ex.: idempotência, 429, JWKS',
    submit: 'Buscar',
    moduleFilter: 'Módulo',
    levelFilter: 'Nível',
    allModules: 'Todos',
    allLevels: 'Todos',
    resultsLabel: 'Resultados da busca',
    sectionsLabel: (title: string) => `Seções de ${title}`,
    loading: 'Carregando a busca…',
    idle: 'Digite um termo para buscar nas aulas e no glossário.',
    count: (count: number, query: string) =>
      count === 0
        ? `Nenhum resultado para “${query}”. Tente outra palavra ou tire os filtros.`
        : count === 1
          ? `1 resultado para “${query}”.`
          : `${count} resultados para “${query}”.`,
    unavailable:
      'A busca ainda não está disponível aqui: o índice só é gerado por npm run build. No npm run dev, navegue pelas aulas em /aulas/.',
    failed: 'Não foi possível carregar a busca. Verifique a conexão e tente de novo, ou navegue pelas aulas.',
    browseAll: 'Ver todas as aulas',
    keyboardHint: 'Setas ↑ ↓ percorrem os resultados, Enter abre, Esc fecha.',
    pageTitle: 'Buscar',
    pageDescription: 'Busque nas aulas da Sala Backend por termo, cabeçalho, código de status ou sigla, com filtros por módulo e nível.',
    noScript: 'A busca precisa de JavaScript. Sem ele, navegue pelo índice de aulas, pelas tags ou pelo glossário.',
  },
  indexes: {
    navLabel: 'Índices',
    lessons: 'Aulas',
    tags: 'Tags',
    levels: 'Níveis',
    glossary: 'Glossário',
    lessonsTitle: 'Todas as aulas',
    lessonsDescription: 'Todas as aulas publicadas da Sala Backend, por módulo, com nível, tempo de leitura e resumo.',
    lessonsLead: (count: number) =>
      `${count === 1 ? '1 aula publicada' : `${count} aulas publicadas`}, na ordem de leitura de cada módulo.`,
    tagsTitle: 'Tags',
    tagsDescription: 'Os assuntos das aulas da Sala Backend, cada um com a lista de aulas que o tratam.',
    tagsLead: 'Cada tag reúne as aulas que tratam do assunto, em qualquer módulo.',
    tagTitle: (tag: string) => `Aulas com a tag “${tag}”`,
    tagDescription: (tag: string, count: number) =>
      `${count === 1 ? 'A aula' : `As ${count} aulas`} da Sala Backend com a tag “${tag}”, por módulo.`,
    allTags: 'Todas as tags',
    levelsTitle: 'Aulas por nível',
    levelsDescription: 'As aulas da Sala Backend agrupadas por nível: iniciante, intermediário e avançado.',
    levelsLead: 'Comece pelo seu nível; cada aula indica antes o que vale ler.',
    levelTitle: (level: string) => `Aulas de nível ${level}`,
    levelDescription: (level: string, count: number) =>
      `${count === 1 ? 'A aula' : `As ${count} aulas`} de nível ${level} da Sala Backend, por módulo.`,
    levelSummaries: {
      iniciante: 'Para quem está começando no backend: conceitos e protocolos que o resto usa.',
      intermediario: 'Para quem já coloca serviços em produção e quer acertar os detalhes.',
      avancado: 'Para quem projeta e revisa sistemas com muitos serviços e muita carga.',
    } satisfies Record<LessonLevel, string>,
    allLevels: 'Todos os níveis',
    emptyLevel: 'Ainda não há aulas publicadas neste nível.',
  },
  glossary: {
    title: 'Glossário',
    description: 'Os termos de backend usados nas aulas da Sala Backend, de A a Z, com definições curtas em português.',
    lead: 'Definições curtas dos termos que aparecem nas aulas, com links para onde cada um é explicado em detalhe.',
    lettersLabel: 'Letras do glossário',
    aliasesLabel: 'Também chamado de',
    lessonsLabel: 'Nas aulas',
    termLinkLabel: (term: string) => `${term} (glossário)`,
  },
  components: {
    callout: {
      nota: 'Nota',
      dica: 'Dica',
      aviso: 'Aviso',
      perigo: 'Perigo',
    } satisfies Record<CalloutType, string>,
    invalidType: (value: string, allowed: readonly string[]) => `type="${value}" inválido; esperado um de ${allowed.join(', ')}.`,
    calloutTypeHint: 'Troque por <Callout type="nota">, "dica", "aviso" ou "perigo" (sem acentos, em minúsculas).',
    codeTabs: {
      label: 'Exemplo em várias linguagens',
      invalidContent: (blocks: number, strays: readonly string[]) =>
        `conteúdo inválido: encontrado ${blocks === 1 ? '1 bloco' : `${blocks} blocos`} de código${strays.length > 0 ? ` e outros elementos (${strays.join(', ')})` : ''}; esperado pelo menos 2 blocos de código cercados (\`\`\`) e nada mais.`,
      invalidContentHint: 'Deixe dentro de <CodeTabs> só os blocos de código, cada um separado por uma linha em branco, e o texto fora dele.',
      repeated: (languages: readonly string[]) =>
        `linguagem repetida: ${languages.join(', ')} aparece em mais de um bloco; esperado uma linguagem por aba.`,
      repeatedHint: 'Junte os trechos da mesma linguagem num só bloco ou use dois <CodeTabs>.',
    },
    compare: {
      prosConsLabel: 'Prós e contras',
      typeHint: 'Use <Compare> para alternativas lado a lado ou <Compare type="pros-contras"> para vantagens e desvantagens.',
    },
    figure: {
      missingCaption: 'legenda ausente: encontrado <Figure> sem caption; esperado caption="…" com uma frase que diga o que a figura mostra.',
      missingCaptionHint: 'Acrescente caption="…" ao <Figure>; se o conteúdo não precisa de legenda, tire o <Figure>.',
      missingAlt: (source: string) =>
        `imagem sem texto alternativo: ${source || 'imagem'} está sem alt (ou com alt vazio); esperado um alt que diga o que a imagem mostra.`,
      missingAltHint:
        'Escreva alt="…" no <Figure> (numa imagem em Markdown, a descrição vai entre os colchetes) dizendo o que a imagem mostra, não o formato: "Fila com 3 consumidores", não "imagem".',
    },
  },
  authoring: {
    title: 'Guia de autoria',
    description:
      'Como escrever uma aula da Sala Backend: o contrato do frontmatter e das cinco seções, os componentes MDX com exemplos, o linter, o fluxo de revisão e os comandos.',
    rulesBackLink: ['O contrato completo da aula, os componentes e o fluxo de revisão estão no ', '.'] as const,
    tocLabel: 'Neste guia',
    sourceLabel: 'Código MDX',
    resultLabel: 'Resultado',
    fieldHeading: 'Campo',
    requiredHeading: 'Obrigatório',
    constraintHeading: 'Formato',
    purposeHeading: 'Para que serve',
    yes: 'sim',
    no: 'não',
    defaultValue: (value: string) => `padrão: ${value}`,
    constraints: {
      text: (min?: number, max?: number) =>
        min !== undefined && max !== undefined ? `texto de ${min} a ${max} caracteres` : min !== undefined ? `texto com ${min} caracteres ou mais` : 'texto',
      integerAbove: (min: number) => `inteiro maior que ${min}`,
      integer: 'inteiro',
      oneOf: (values: readonly string[]) => `um de: ${values.join(', ')}`,
      list: (item: string, min?: number, max?: number) =>
        `lista${min !== undefined && max !== undefined ? ` de ${min} a ${max} itens` : ''}; cada item: ${item}`,
      kebabCase: 'kebab-case sem acentos (ex.: status-http)',
      lessonId: 'id de outra aula, "modulo/slug" (ex.: protocolos/http)',
      date: 'data AAAA-MM-DD (ex.: 2026-11-23)',
    },
    fieldPurposes: {
      title: 'Título da aula: o H1 da página e o texto dos cartões.',
      description: 'Resumo do problema que a aula resolve; vira a meta description e o texto dos cartões.',
      order: 'Posição da aula no módulo; não pode repetir dentro do módulo.',
      level: 'Experiência esperada de quem lê.',
      tags: 'Assuntos da aula, usados no índice de tags e nos filtros da busca.',
      prerequisites: 'Aulas para ler antes; precisam existir e não podem formar ciclo.',
      status: 'Estado editorial: só published chega ao site publicado.',
      origin: 'Quem escreveu o texto: uma pessoa (human) ou o agente de escrita (agent).',
      reviewer: 'Quem revisou; obrigatório para publicar um rascunho do agente.',
      updated: 'Data da última mudança relevante no conteúdo.',
    } satisfies Record<keyof LessonInput, string>,
  },
  footer: 'Themelion · Sala Backend — conteúdo em português para quem constrói sistemas.',
  footerNavLabel: 'Rodapé',
  footerAuthoring: 'Guia de autoria',
  footerRules: 'Regras das aulas',
} as const;

// One formatter for every page: building one costs more than formatting a date with it.
const longDate = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'long', timeZone: 'UTC' });

/** Dates as learners in Brazil read them, e.g. "23 de novembro de 2026". */
export function formatDate(date: Date): string {
  return longDate.format(date);
}

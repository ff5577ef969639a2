/** Every pt-BR string the site's UI shows, in one place so wording stays consistent. */
import type { LessonLevel, LessonStatus } from './schemas/lesson';

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
  footer: 'Themelion · Sala Backend — conteúdo em português para quem constrói sistemas.',
} as const;

/** Dates as learners in Brazil read them, e.g. "23 de novembro de 2026". */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('pt-BR', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../schemas/lesson.ts';
import { lessonFieldDocs } from '../lesson-fields.ts';

const docs = lessonFieldDocs();
const field = (name: string) => docs.find((doc) => doc.name === name)!;

describe('lessonFieldDocs', () => {
  it('documents every frontmatter field of the schema, in schema order', () => {
    expect(docs.map((doc) => doc.name)).toEqual(Object.keys(lessonSchema.shape));
  });

  it('reads limits, choices and defaults from the schema', () => {
    expect(field('title').constraint).toBe('texto de 3 a 90 caracteres');
    expect(field('description').constraint).toBe('texto de 50 a 200 caracteres');
    expect(field('order').constraint).toBe('inteiro maior que 0');
    expect(field('level').constraint).toBe('um de: iniciante, intermediario, avancado');
    expect(field('tags').constraint).toBe('lista de 1 a 8 itens; cada item: kebab-case sem acentos (ex.: status-http)');
    expect(field('prerequisites').constraint).toBe('lista; cada item: id de outra aula, "modulo/slug" (ex.: protocolos/http); padrão: []');
    expect(field('updated').constraint).toBe('data AAAA-MM-DD (ex.: 2026-11-23)');
  });

  it('marks optional fields and fields with defaults as not required', () => {
    expect(docs.filter((doc) => !doc.required).map((doc) => doc.name)).toEqual(['prerequisites', 'reviewer']);
  });
});

import { describe, expect, it } from 'vitest';
import { type LessonInput, lessonSchema } from '../lesson';

const valid: LessonInput = {
  title: 'Idempotência em APIs',
  description: 'Como garantir que repetir uma requisição não cobre o cliente duas vezes, com chaves de idempotência.',
  order: 5,
  level: 'intermediario',
  tags: ['idempotencia', 'apis'],
  prerequisites: ['protocolos/http'],
  status: 'published',
  origin: 'human',
  updated: new Date('2026-11-23'),
};

/** Parses a variant of the valid lesson and returns the messages of the issues on `field`. */
function messagesFor(patch: Record<string, unknown>, field: string): string[] {
  const result = lessonSchema.safeParse({ ...valid, ...patch });
  expect(result.success).toBe(false);
  return result.error!.issues.filter((issue) => issue.path.join('.').startsWith(field)).map((issue) => issue.message);
}

describe('lessonSchema', () => {
  it('accepts a complete lesson and fills defaults', () => {
    const { prerequisites: _omitted, ...withoutPrerequisites } = valid;
    const result = lessonSchema.parse(withoutPrerequisites);
    expect(result.prerequisites).toEqual([]);
    expect(result.updated).toEqual(new Date('2026-11-23'));
  });

  it('accepts the date as written in YAML text', () => {
    expect(lessonSchema.parse({ ...valid, updated: '2026-01-31' }).updated).toEqual(new Date('2026-01-31'));
  });

  describe('title', () => {
    it('accepts 3 and 90 characters', () => {
      expect(lessonSchema.safeParse({ ...valid, title: 'JWT' }).success).toBe(true);
      expect(lessonSchema.safeParse({ ...valid, title: 'a'.repeat(90) }).success).toBe(true);
    });
    it('rejects a short title, saying what was received and what is expected', () => {
      const [message] = messagesFor({ title: 'AB' }, 'title');
      expect(message).toContain('"AB" (2 caracteres)');
      expect(message).toContain('de 3 a 90 caracteres');
    });
    it('rejects a long title', () => {
      expect(messagesFor({ title: 'a'.repeat(91) }, 'title')[0]).toContain('(91 caracteres)');
    });
    it('rejects a missing title', () => {
      expect(messagesFor({ title: undefined }, 'title')[0]).toContain('recebido nada (campo ausente)');
    });
  });

  describe('description', () => {
    it('accepts 50 and 200 characters', () => {
      expect(lessonSchema.safeParse({ ...valid, description: 'd'.repeat(50) }).success).toBe(true);
      expect(lessonSchema.safeParse({ ...valid, description: 'd'.repeat(200) }).success).toBe(true);
    });
    it('rejects 49 and 201 characters', () => {
      expect(messagesFor({ description: 'd'.repeat(49) }, 'description')[0]).toContain('de 50 a 200 caracteres');
      expect(messagesFor({ description: 'd'.repeat(201) }, 'description')[0]).toContain('(201 caracteres)');
    });
  });

  describe('module', () => {
    it('rejects a module field: the folder is the single source', () => {
      const [message] = messagesFor({ module: 'apis' }, '');
      expect(message).toContain('campo "module" não é aceito');
      expect(message).toContain('content/lessons/<modulo>/');
    });
  });

  describe('order', () => {
    it('rejects zero, fractions and text', () => {
      expect(messagesFor({ order: 0 }, 'order')[0]).toContain('o número 0');
      expect(messagesFor({ order: 1.5 }, 'order')[0]).toContain('um inteiro positivo');
      expect(messagesFor({ order: 'primeira' }, 'order')[0]).toContain('"primeira"');
    });
  });

  describe('level', () => {
    it('accepts every level', () => {
      for (const level of ['iniciante', 'intermediario', 'avancado']) {
        expect(lessonSchema.safeParse({ ...valid, level }).success).toBe(true);
      }
    });
    it('rejects an accented level and lists the options', () => {
      const [message] = messagesFor({ level: 'intermediário' }, 'level');
      expect(message).toContain('"intermediário"');
      expect(message).toContain('iniciante, intermediario, avancado');
    });
  });

  describe('tags', () => {
    it('accepts 1 and 8 kebab-case tags', () => {
      expect(lessonSchema.safeParse({ ...valid, tags: ['http'] }).success).toBe(true);
      expect(lessonSchema.safeParse({ ...valid, tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'status-http'] }).success).toBe(true);
    });
    it('rejects an empty list and more than 8 tags', () => {
      expect(messagesFor({ tags: [] }, 'tags')[0]).toContain('de 1 a 8 tags');
      expect(messagesFor({ tags: 'abcdefghi'.split('') }, 'tags')[0]).toContain('uma lista com 9 itens');
    });
    it('rejects a tag that is not kebab-case, pointing at the tag', () => {
      const result = lessonSchema.safeParse({ ...valid, tags: ['http', 'Segurança Web'] });
      expect(result.error!.issues[0]!.path).toEqual(['tags', 1]);
      expect(result.error!.issues[0]!.message).toContain('kebab-case');
    });
    it('rejects repeated tags', () => {
      expect(messagesFor({ tags: ['http', 'http'] }, 'tags')[0]).toContain('tags repetidas');
    });
  });

  describe('prerequisites', () => {
    it('rejects an id without the module folder', () => {
      const [message] = messagesFor({ prerequisites: ['http'] }, 'prerequisites');
      expect(message).toContain('"http"');
      expect(message).toContain('"modulo/slug"');
    });
  });

  describe('status, origin and reviewer', () => {
    it('rejects an unknown status', () => {
      expect(messagesFor({ status: 'publicado' }, 'status')[0]).toContain('draft, review, published');
    });
    it('requires origin', () => {
      expect(messagesFor({ origin: undefined }, 'origin')[0]).toContain('human, agent');
    });
    it('accepts an agent draft without reviewer', () => {
      expect(lessonSchema.safeParse({ ...valid, origin: 'agent', status: 'draft' }).success).toBe(true);
    });
    it('rejects a published agent draft without reviewer', () => {
      const [message] = messagesFor({ origin: 'agent', status: 'published' }, 'reviewer');
      expect(message).toContain('origin: agent');
      expect(message).toContain('Adicione reviewer');
    });
    it('accepts a published agent draft with a reviewer', () => {
      expect(lessonSchema.safeParse({ ...valid, origin: 'agent', reviewer: 'Ana Souza' }).success).toBe(true);
    });
  });

  describe('updated', () => {
    it('rejects a date that does not exist', () => {
      expect(messagesFor({ updated: 'ontem' }, 'updated')[0]).toContain('AAAA-MM-DD');
    });
  });

  it('rejects unknown fields by name', () => {
    expect(messagesFor({ autor: 'Ana' }, '')[0]).toContain('campo desconhecido: autor');
  });
});

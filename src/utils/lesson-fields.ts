import { z } from 'zod';
import { lessonIdPattern, type LessonInput, lessonSchema } from '../schemas/lesson.ts';
import { kebabCasePattern } from '../schemas/module.ts';
import { texts } from '../texts.ts';

export interface LessonFieldDoc {
  name: keyof LessonInput;
  required: boolean;
  /** The field's format and limits in pt-BR, read from the schema itself. */
  constraint: string;
  purpose: string;
}

interface JsonSchema {
  type?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  items?: JsonSchema;
}

const c = texts.authoring.constraints;

function describe(schema: JsonSchema): string {
  if (schema.enum) return c.oneOf(schema.enum);
  if (schema.pattern === kebabCasePattern.source) return c.kebabCase;
  if (schema.pattern === lessonIdPattern.source) return c.lessonId;
  switch (schema.type) {
    case 'string':
      return c.text(schema.minLength, schema.maxLength);
    case 'integer':
      return schema.exclusiveMinimum !== undefined ? c.integerAbove(schema.exclusiveMinimum) : c.integer;
    case 'array':
      return c.list(describe(schema.items ?? {}), schema.minItems, schema.maxItems);
    default:
      // JSON Schema has no date type: the one field without a type is `updated`, a coerced date.
      return c.date;
  }
}

/**
 * The frontmatter fields as authors should read them, generated from the zod schema the build validates with,
 * so the authoring guide cannot promise a limit the build does not enforce.
 */
export function lessonFieldDocs(): LessonFieldDoc[] {
  const json = z.toJSONSchema(lessonSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, JsonSchema>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties).map(([key, schema]) => {
    const name = key as keyof LessonInput;
    const fallback = schema.default === undefined ? '' : `; ${texts.authoring.defaultValue(JSON.stringify(schema.default))}`;
    return { name, required: required.has(name), constraint: `${describe(schema)}${fallback}`, purpose: texts.authoring.fieldPurposes[name] };
  });
}

import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { glossaryLoader } from './integrations/glossary-loader';
import { lessonsLoader } from './integrations/lessons-loader';
import { glossaryEntrySchema } from './schemas/glossary';
import { lessonSchema } from './schemas/lesson';
import { moduleSchema } from './schemas/module';

const modules = defineCollection({
  loader: file('content/modules.yaml'),
  schema: moduleSchema,
});

const lessons = defineCollection({
  loader: lessonsLoader({ base: './content/lessons/', modulesFile: './content/modules.yaml' }),
  schema: lessonSchema,
});

const glossary = defineCollection({
  loader: glossaryLoader({ file: './content/glossary.yaml', lessonsDir: './content/lessons/' }),
  schema: glossaryEntrySchema,
});

export const collections = { modules, lessons, glossary };

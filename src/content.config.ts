import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { lessonsLoader } from './integrations/lessons-loader';
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

export const collections = { modules, lessons };

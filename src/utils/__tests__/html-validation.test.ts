import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listHtmlFiles, validateHtmlFiles } from '../html-validation.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'html-validation-'));

afterAll(() => rm(dir, { recursive: true, force: true }));

it('lists every page of a build and reports each error at its file:line:col with the rule id', async () => {
  await mkdir(path.join(dir, 'apis'), { recursive: true });
  await writeFile(path.join(dir, '.htmlvalidate.json'), JSON.stringify({ root: true, extends: ['html-validate:recommended'] }));
  await writeFile(path.join(dir, 'index.html'), '<!DOCTYPE html>\n<html lang="pt-BR"><head><title>Início</title></head><body><p>ok</p></body></html>\n');
  await writeFile(
    path.join(dir, 'apis', 'index.html'),
    '<!DOCTYPE html>\n<html lang="pt-BR"><head><title>APIs</title></head>\n<body><p id="a">1</p><p id="a">2</p></body></html>\n',
  );
  const files = await listHtmlFiles(dir);
  expect(files.map((file) => path.relative(dir, file))).toEqual([path.join('apis', 'index.html'), 'index.html']);
  const diagnostics = await validateHtmlFiles(files, { cwd: dir });
  expect(diagnostics).toEqual([
    expect.objectContaining({ file: path.join('apis', 'index.html'), line: 3, severity: 'error', ruleId: 'no-dup-id' }),
  ]);
});

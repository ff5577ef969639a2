import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rules } from '../../lint/rules/index.ts';
import { checkFrontmatter } from '../../utils/frontmatter.ts';
import { runDraftLesson } from '../draft-lesson-command.ts';
import type { ChatMessage } from '../llm-client.ts';
import { modelAnswerFile, type TempRoom, tempRoom } from './temp-room.ts';

const answer = readFileSync(modelAnswerFile, 'utf8');
const apiKey = 'sk-teste-segredo-123456';

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: { model: string; messages: ChatMessage[] };
}

/** How the fake endpoint answers one request; `stall` never answers, to exercise the timeout. */
type Reply = { status: number; json?: unknown; text?: string; headers?: Record<string, string> } | 'stall';

const completion = (content: string | null, extra: Record<string, unknown> = {}) => ({
  status: 200,
  json: { id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content, ...extra }, finish_reason: 'stop' }] },
});

/** An OpenAI-compatible chat completions endpoint on 127.0.0.1 that plays the given replies in order. */
async function fakeEndpoint(replies: Reply[]) {
  const received: Received[] = [];
  const stalled: ServerResponse[] = [];
  const server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      raw += chunk;
    });
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body: JSON.parse(raw) as Received['body'] });
      const reply = replies[Math.min(received.length - 1, replies.length - 1)]!;
      if (reply === 'stall') {
        stalled.push(response);
        return;
      }
      response.writeHead(reply.status, { 'content-type': reply.json ? 'application/json' : 'text/plain', ...reply.headers });
      response.end(reply.json ? JSON.stringify(reply.json) : (reply.text ?? ''));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of stalled) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let room: TempRoom;
let endpoint: Awaited<ReturnType<typeof fakeEndpoint>> | undefined;
let waits: number[];

beforeEach(async () => {
  room = await tempRoom();
  waits = [];
});
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
  await room.remove();
});

const lessonFile = () => path.join(room.root, 'content/lessons/resiliencia/retries.mdx');
const briefFile = () => path.join(room.root, '.drafts/resiliencia-retries.brief.md');

async function draft(replies: Reply[] | undefined, argv: string[] = ['resiliencia/retries'], env: Record<string, string> = {}) {
  if (replies) endpoint = await fakeEndpoint(replies);
  const configured = endpoint
    ? { THEMELION_LLM_URL: endpoint.baseUrl, THEMELION_LLM_MODEL: 'modelo-de-teste', THEMELION_LLM_API_KEY: apiKey }
    : {};
  const code = await runDraftLesson(argv, {
    ...room.io,
    env: { ...configured, ...env },
    // Waits are recorded instead of slept, so the retry tests check what the server asked for without lasting seconds.
    completion: {
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
  });
  const printed = room.out.stdout + room.out.stderr;
  expect(printed).not.toContain(apiKey);
  return { code, printed };
}

describe('npm run draft without a model', () => {
  it('writes the brief, says how to configure and writes no lesson', async () => {
    const { code } = await draft(undefined);
    expect(code).toBe(0);
    expect(room.out.stdout).toContain('Brief gravado em .drafts/resiliencia-retries.brief.md');
    expect(room.out.stdout).toContain('export THEMELION_LLM_URL=');
    expect(room.out.stdout).toContain('export THEMELION_LLM_MODEL=');
    const brief = await readFile(briefFile(), 'utf8');
    for (const rule of rules) expect(brief).toContain(`\`${rule.id}\``);
    expect(brief).toContain('`resiliencia/timeouts`');
    expect(existsSync(lessonFile())).toBe(false);
  });

  it('reports a half-done configuration as a usage problem', async () => {
    const { code } = await draft(undefined, ['resiliencia/retries'], { THEMELION_LLM_URL: 'http://127.0.0.1:9/v1' });
    expect(code).toBe(2);
    expect(room.out.stderr).toContain('configuração incompleta do modelo: falta THEMELION_LLM_MODEL');
  });
});

describe('npm run draft with a model', { timeout: 30_000 }, () => {
  it('sends the brief, writes the answer as an agent draft and lints it', async () => {
    const { code } = await draft([completion(`\`\`\`mdx\n${answer}\`\`\``)]);
    expect(room.out.stderr).toBe('');
    expect(code).toBe(0);

    const [request] = endpoint!.received;
    expect(request!.url).toBe('/v1/chat/completions');
    expect(request!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request!.body.model).toBe('modelo-de-teste');
    expect(request!.body.messages.map((message) => message.role)).toEqual(['system', 'user']);
    const brief = await readFile(briefFile(), 'utf8');
    expect(brief).toContain(request!.body.messages[0]!.content);
    expect(brief).toContain(request!.body.messages[1]!.content);

    const { data, diagnostics } = checkFrontmatter('x.mdx', await readFile(lessonFile(), 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(data).toMatchObject({ origin: 'agent', status: 'draft', title: 'Retries com backoff exponencial' });
    expect(data?.reviewer).toBeUndefined();
    expect(room.out.stdout).toContain('Rascunho gravado em content/lessons/resiliencia/retries.mdx (origin: agent, status: draft).');
    expect(room.out.stdout).toContain('status: published → draft');
    expect(room.out.stdout).toContain('Nenhum problema: 1 arquivo verificado.');
  });

  it('prints the lint diagnostics of the draft and exits 1 when they include errors', async () => {
    const { code } = await draft([completion(answer.replace('## Erros comuns', '## Erros frequentes'))]);
    expect(code).toBe(1);
    expect(existsSync(lessonFile())).toBe(true);
    expect(room.out.stdout).toMatch(/content\/lessons\/resiliencia\/retries\.mdx:\d+:\d+ {2}erro {2}.+ {2}required-sections/);
    expect(room.out.stdout).toContain('O rascunho tem erros');
  });

  it.each([
    ['plain prose', completion('Desculpe, não sei escrever essa aula.'), 'a resposta não é uma aula'],
    ['MDX that does not parse', completion(answer.replace('## Na prática', '## Na prática\n\nUse {chave sem fechar.')), 'a resposta não é MDX válido'],
    ['a body that is not JSON', { status: 200, text: '<html>proxy</html>' }, 'resposta ilegível'],
    ['JSON without choices', { status: 200, json: { error: 'oops' } }, 'resposta fora do formato'],
  ] as const)('writes nothing for a malformed answer: %s', async (_, reply, message) => {
    const { code } = await draft([reply]);
    expect(code).toBe(1);
    expect(room.out.stderr).toContain(message);
    expect(room.out.stderr).toContain('Nada foi gravado em content/lessons/resiliencia/retries.mdx.');
    expect(existsSync(lessonFile())).toBe(false);
  });

  it.each([
    ['an empty answer', completion(''), 'resposta vazia'],
    ['a null answer', completion(null), 'resposta vazia'],
    ['an explicit refusal', completion(null, { refusal: 'Não posso ajudar com isso.' }), 'o modelo recusou escrever a aula: "Não posso ajudar com isso."'],
    [
      'the content filter',
      { status: 200, json: { choices: [{ message: { role: 'assistant', content: '' }, finish_reason: 'content_filter' }] } },
      'filtro de conteúdo',
    ],
    [
      'an answer cut at the token limit',
      { status: 200, json: { choices: [{ message: { role: 'assistant', content: answer.slice(0, 800) }, finish_reason: 'length' }] } },
      'resposta cortada',
    ],
  ] as const)('writes nothing for a refusal: %s', async (_, reply, message) => {
    const { code } = await draft([reply]);
    expect(code).toBe(1);
    expect(room.out.stderr).toContain(message);
    expect(existsSync(lessonFile())).toBe(false);
  });

  it('gives up at the timeout and writes nothing', async () => {
    const started = performance.now();
    const { code } = await draft(['stall'], ['resiliencia/retries'], { THEMELION_LLM_TIMEOUT_MS: '300' });
    expect(code).toBe(1);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(room.out.stderr).toContain('tempo esgotado: http://127.0.0.1:');
    expect(room.out.stderr).toContain('não respondeu em 0,3 s');
    expect(existsSync(lessonFile())).toBe(false);
  });

  it('waits as Retry-After asks after a 429 and succeeds on a later attempt', async () => {
    const limited = { status: 429, json: { error: { message: 'rate limited' } }, headers: { 'retry-after': '2' } };
    const { code } = await draft([limited, { ...limited, headers: { 'retry-after': '1' } }, completion(answer)]);
    expect(code).toBe(0);
    expect(endpoint!.received).toHaveLength(3);
    expect(waits).toEqual([2000, 1000]);
    expect(room.out.stdout).toContain('nova tentativa 1 em 2 s');
    expect(existsSync(lessonFile())).toBe(true);
  });

  it('fails clearly when the endpoint keeps answering 429', async () => {
    const { code } = await draft([{ status: 429, json: {}, headers: { 'retry-after': '1' } }]);
    expect(code).toBe(1);
    expect(endpoint!.received).toHaveLength(4);
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(room.out.stderr).toContain('respondeu HTTP 429 em 4 tentativas seguidas');
    expect(existsSync(lessonFile())).toBe(false);
  });

  it('does not wait longer than the cap a Retry-After asks for', async () => {
    const { code } = await draft([{ status: 429, json: {}, headers: { 'retry-after': '3600' } }]);
    expect(code).toBe(1);
    expect(waits).toEqual([]);
    expect(room.out.stderr).toContain('pedindo espera de 3600 s (Retry-After), acima do máximo de 60 s');
  });

  it('backs off exponentially when a 429 has no Retry-After', async () => {
    await draft([{ status: 429, json: {} }, { status: 429, json: {} }, completion(answer)]);
    expect(waits).toEqual([2000, 4000]);
  });

  it.each([
    [401, 'credencial recusada: ', 'THEMELION_LLM_API_KEY'],
    [403, 'credencial recusada: ', 'a chave não é mostrada aqui'],
    [404, 'endpoint não encontrado: ', 'THEMELION_LLM_URL'],
    [503, 'o servidor do modelo falhou: ', 'HTTP 503'],
  ])('explains HTTP %i without showing the key, and writes nothing', async (status, message, detail) => {
    // Some servers echo the credential back in the error body.
    const { code } = await draft([{ status, json: { error: { message: `bad key ${apiKey}` } } }]);
    expect(code).toBe(1);
    expect(room.out.stderr).toContain(message);
    expect(room.out.stderr).toContain(detail);
    expect(room.out.stderr).toContain('[chave omitida]');
    expect(existsSync(lessonFile())).toBe(false);
  });

  it('explains a network error', async () => {
    const closed = await fakeEndpoint([]);
    await closed.close();
    const { code } = await draft(undefined, ['resiliencia/retries'], { THEMELION_LLM_URL: closed.baseUrl, THEMELION_LLM_MODEL: 'm' });
    expect(code).toBe(1);
    expect(room.out.stderr).toContain('falha de rede: não foi possível falar com http://127.0.0.1:');
    expect(room.out.stderr).toContain('ECONNREFUSED');
  });

  it('never overwrites an existing lesson without --force, and asks nothing of the model', async () => {
    const existing = path.join(room.root, 'content/lessons/resiliencia/timeouts.mdx');
    const before = await readFile(existing, 'utf8');
    const { code } = await draft([completion(answer)], ['resiliencia/timeouts']);
    expect(code).toBe(1);
    expect(endpoint!.received).toHaveLength(0);
    expect(room.out.stderr).toContain('a aula já existe: content/lessons/resiliencia/timeouts.mdx');
    expect(room.out.stderr).toContain('--force');
    expect(await readFile(existing, 'utf8')).toBe(before);
  });

  it('replaces an existing lesson with --force, keeping its order in the brief', async () => {
    const existing = path.join(room.root, 'content/lessons/resiliencia/timeouts.mdx');
    const { code } = await draft([completion(answer.replace('order: 2', 'order: 1').replace('prerequisites: [resiliencia/timeouts]', 'prerequisites: []').replace('Reveja os [prazos de uma chamada](/resiliencia/timeouts/) antes de seguir.', ''))], ['resiliencia/timeouts', '--force']);
    expect(endpoint!.received[0]!.body.messages[1]!.content).toMatch(/^order: 1$/m);
    expect(checkFrontmatter('x.mdx', await readFile(existing, 'utf8')).data).toMatchObject({ origin: 'agent', title: 'Retries com backoff exponencial' });
    expect(code).toBe(0);
  });
});

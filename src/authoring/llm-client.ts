import { z } from 'zod';

/** Environment variables that point the writing agent at an OpenAI-compatible chat completions endpoint. */
export const llmEnv = {
  url: 'THEMELION_LLM_URL',
  apiKey: 'THEMELION_LLM_API_KEY',
  model: 'THEMELION_LLM_MODEL',
  timeoutMs: 'THEMELION_LLM_TIMEOUT_MS',
} as const;

export const defaultTimeoutMs = 120_000;

export interface LlmConfig {
  /** Full URL of the chat completions endpoint. */
  endpoint: URL;
  model: string;
  /** Sent as a bearer token when set; local servers (Ollama, llama.cpp) need none. */
  apiKey?: string;
  timeoutMs: number;
}

export type LlmSetup = { state: 'off' } | { state: 'invalid'; problem: string } | { state: 'ready'; config: LlmConfig };

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads the endpoint from the environment. THEMELION_LLM_URL may be a base URL ("https://api.openai.com/v1",
 * "http://127.0.0.1:11434/v1"), to which "/chat/completions" is appended, or the full ".../chat/completions" URL.
 * Nothing set means the agent is off; a partial or malformed setting is a problem to report, not a silent off.
 */
export function readLlmSetup(env: Environment): LlmSetup {
  const value = (name: string) => env[name]?.trim() || undefined;
  const url = value(llmEnv.url);
  const model = value(llmEnv.model);
  const apiKey = value(llmEnv.apiKey);
  const timeout = value(llmEnv.timeoutMs);
  if (!url && !model) return { state: 'off' };
  const missing = [url ? undefined : llmEnv.url, model ? undefined : llmEnv.model].filter(Boolean);
  if (missing.length > 0) {
    return { state: 'invalid', problem: `configuração incompleta do modelo: falta ${missing.join(' e ')}; esperado ${llmEnv.url} e ${llmEnv.model} definidas juntas. Defina a variável que falta ou remova as duas.` };
  }
  let endpoint: URL;
  try {
    endpoint = new URL(url!);
  } catch {
    return { state: 'invalid', problem: `${llmEnv.url} inválida: recebido "${url}"; esperado uma URL http(s), como https://api.openai.com/v1. Corrija o endereço.` };
  }
  if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') {
    return { state: 'invalid', problem: `${llmEnv.url} inválida: protocolo "${endpoint.protocol}"; esperado http: ou https:. Corrija o endereço.` };
  }
  if (!endpoint.pathname.replace(/\/+$/, '').endsWith('/chat/completions')) {
    endpoint.pathname = `${endpoint.pathname.replace(/\/+$/, '')}/chat/completions`;
  }
  let timeoutMs = defaultTimeoutMs;
  if (timeout !== undefined) {
    if (!/^\d+$/.test(timeout) || Number(timeout) < 1) {
      return { state: 'invalid', problem: `${llmEnv.timeoutMs} inválido: recebido "${timeout}"; esperado um inteiro positivo em milissegundos (padrão ${defaultTimeoutMs}). Corrija o valor.` };
    }
    timeoutMs = Number(timeout);
  }
  return { state: 'ready', config: { endpoint, model: model!, timeoutMs, ...(apiKey ? { apiKey } : {}) } };
}

/** The endpoint as shown to people: no query string or credentials, which may hold secrets. */
export function describeEndpoint(endpoint: URL): string {
  return `${endpoint.origin}${endpoint.pathname}`;
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** A failure the author can act on, already worded in pt-BR; the command prints it and writes nothing. */
export class LlmError extends Error {
  override name = 'LlmError';
}

export interface RetryPolicy {
  /** New attempts after a 429 before giving up. */
  maxRetries: number;
  /** Longest wait honoured from Retry-After; a server asking for more is reported instead of waited for. */
  maxWaitMs: number;
  /** Wait when a 429 carries no usable Retry-After, doubled on each retry. */
  baseWaitMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 3, maxWaitMs: 60_000, baseWaitMs: 2_000 };

export interface CompletionOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  retry?: RetryPolicy;
  /** Told before each wait after a 429, so the command can say why it is quiet. */
  onRetry?: (retry: number, waitMs: number) => void;
  now?: () => number;
}

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

/** Milliseconds a 429 asks to wait: Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`.replace('.', ',');

/** A short, single-line excerpt of an error body, with the API key removed in case the server echoes it. */
function excerpt(body: string, apiKey: string | undefined): string {
  const clean = (apiKey ? body.replaceAll(apiKey, '[chave omitida]') : body).replace(/\s+/g, ' ').trim();
  if (!clean) return '';
  return ` Resposta do servidor: "${clean.length > 200 ? `${clean.slice(0, 200)}…` : clean}".`;
}

function httpProblem(status: number, where: string, body: string, apiKey: string | undefined): string {
  const detail = excerpt(body, apiKey);
  if (status === 401 || status === 403) {
    return `credencial recusada: ${where} respondeu HTTP ${status}; esperado 200. Confira ${llmEnv.apiKey} (a chave não é mostrada aqui) e se ela tem acesso ao modelo.${detail}`;
  }
  if (status === 404) {
    return `endpoint não encontrado: ${where} respondeu HTTP 404; esperado o endpoint de chat completions. Confira ${llmEnv.url} e ${llmEnv.model}.${detail}`;
  }
  if (status >= 500) {
    return `o servidor do modelo falhou: ${where} respondeu HTTP ${status}. O problema é do serviço, não do brief; tente de novo em alguns minutos.${detail}`;
  }
  return `requisição recusada: ${where} respondeu HTTP ${status}; esperado 200. Confira ${llmEnv.url} e ${llmEnv.model}.${detail}`;
}

function networkProblem(caught: unknown, where: string, timeoutMs: number): string {
  const error = caught as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError') {
    return `tempo esgotado: ${where} não respondeu em ${seconds(timeoutMs)}; esperado uma resposta completa dentro do prazo. Tente de novo ou aumente ${llmEnv.timeoutMs} (em milissegundos).`;
  }
  const reason = error.cause?.code ?? error.cause?.message ?? error.message ?? String(caught);
  return `falha de rede: não foi possível falar com ${where} (${reason}). Confira ${llmEnv.url}, a conexão e se o servidor está no ar.`;
}

/**
 * Sends the messages to the chat completions endpoint and returns the answer's text. Every failure —
 * timeout, network, HTTP status, a refusal, an empty or cut answer — becomes an LlmError with a pt-BR
 * message; a 429 is retried after the wait the server asks for, within the retry policy.
 */
export async function requestCompletion(config: LlmConfig, messages: readonly ChatMessage[], options: CompletionOptions = {}): Promise<string> {
  const fetchFn = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const policy = options.retry ?? defaultRetryPolicy;
  const now = options.now ?? Date.now;
  const where = describeEndpoint(config.endpoint);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (config.apiKey) headers['authorization'] = `Bearer ${config.apiKey}`;
  const body = JSON.stringify({ model: config.model, messages, stream: false });

  for (let attempt = 0; ; attempt += 1) {
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      // One deadline per attempt, covering the whole body: a server that stalls mid-answer is cut off too.
      const response = await fetchFn(config.endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(config.timeoutMs) });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch (caught) {
      throw new LlmError(networkProblem(caught, where, config.timeoutMs));
    }

    if (status === 429) {
      const asked = retryAfterMs(retryAfter, now());
      if (attempt >= policy.maxRetries) {
        throw new LlmError(
          `limite de requisições: ${where} respondeu HTTP 429 em ${attempt + 1} tentativas seguidas; esperado 200. Espere alguns minutos e rode de novo, ou confira a cota da conta.${excerpt(text, config.apiKey)}`,
        );
      }
      if (asked !== undefined && asked > policy.maxWaitMs) {
        throw new LlmError(
          `limite de requisições: ${where} respondeu HTTP 429 pedindo espera de ${seconds(asked)} (Retry-After), acima do máximo de ${seconds(policy.maxWaitMs)} que este comando espera. Rode de novo mais tarde.`,
        );
      }
      const wait = asked ?? policy.baseWaitMs * 2 ** attempt;
      options.onRetry?.(attempt + 1, wait);
      await sleep(wait);
      continue;
    }
    if (status < 200 || status > 299) throw new LlmError(httpProblem(status, where, text, config.apiKey));

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new LlmError(`resposta ilegível: ${where} respondeu HTTP ${status} com um corpo que não é JSON; esperado o formato de chat completions da API da OpenAI. Confira ${llmEnv.url}.${excerpt(text, config.apiKey)}`);
    }
    const parsed = completionSchema.safeParse(json);
    if (!parsed.success) {
      throw new LlmError(`resposta fora do formato: ${where} não devolveu choices[0].message; esperado o formato de chat completions da API da OpenAI. Confira ${llmEnv.url}.`);
    }
    const [choice] = parsed.data.choices;
    const refusal = choice!.message.refusal?.trim();
    if (refusal) throw new LlmError(`o modelo recusou escrever a aula: "${refusal}". Ajuste o pedido (título, módulo) ou use outro modelo.`);
    if (choice!.finish_reason === 'content_filter') {
      throw new LlmError('o modelo recusou escrever a aula: a resposta foi bloqueada pelo filtro de conteúdo do provedor (finish_reason "content_filter"). Ajuste o pedido ou use outro modelo.');
    }
    const content = choice!.message.content ?? '';
    if (!content.trim()) throw new LlmError('o modelo devolveu uma resposta vazia; esperado o texto MDX da aula. Rode de novo ou use outro modelo.');
    if (choice!.finish_reason === 'length') {
      throw new LlmError('resposta cortada: o modelo atingiu o limite de tokens antes de terminar a aula (finish_reason "length"); uma aula pela metade não é gravada. Use um modelo com mais contexto de saída.');
    }
    return content;
  }
}

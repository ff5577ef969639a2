import { describe, expect, it } from 'vitest';
import { defaultTimeoutMs, describeEndpoint, readLlmSetup, retryAfterMs } from '../llm-client.ts';

function ready(env: Record<string, string>) {
  const setup = readLlmSetup(env);
  if (setup.state !== 'ready') throw new Error(`expected a ready setup, got ${JSON.stringify(setup)}`);
  return setup.config;
}

describe('LLM endpoint configuration', () => {
  it('is off when neither URL nor model is set', () => {
    expect(readLlmSetup({})).toEqual({ state: 'off' });
    expect(readLlmSetup({ THEMELION_LLM_URL: '  ', THEMELION_LLM_API_KEY: 'k' })).toEqual({ state: 'off' });
  });

  it.each([
    ['https://api.openai.com/v1', 'https://api.openai.com/v1/chat/completions'],
    ['https://api.openai.com/v1/', 'https://api.openai.com/v1/chat/completions'],
    ['http://127.0.0.1:11434/v1/chat/completions', 'http://127.0.0.1:11434/v1/chat/completions'],
    ['https://exemplo.com/openai/deployments/x/chat/completions?api-version=2024-10-21', 'https://exemplo.com/openai/deployments/x/chat/completions?api-version=2024-10-21'],
  ])('takes %s as the endpoint %s', (url, endpoint) => {
    expect(ready({ THEMELION_LLM_URL: url, THEMELION_LLM_MODEL: 'm' }).endpoint.href).toBe(endpoint);
  });

  it('reads the model, the optional key and the timeout', () => {
    expect(ready({ THEMELION_LLM_URL: 'http://h/v1', THEMELION_LLM_MODEL: 'm' })).toMatchObject({ model: 'm', timeoutMs: defaultTimeoutMs });
    expect(ready({ THEMELION_LLM_URL: 'http://h/v1', THEMELION_LLM_MODEL: 'm' }).apiKey).toBeUndefined();
    expect(ready({ THEMELION_LLM_URL: 'http://h/v1', THEMELION_LLM_MODEL: 'm', THEMELION_LLM_API_KEY: 'k', THEMELION_LLM_TIMEOUT_MS: '5000' })).toMatchObject({
      apiKey: 'k',
      timeoutMs: 5000,
    });
  });

  it.each([
    [{ THEMELION_LLM_URL: 'http://h/v1' }, 'falta THEMELION_LLM_MODEL'],
    [{ THEMELION_LLM_MODEL: 'm' }, 'falta THEMELION_LLM_URL'],
    [{ THEMELION_LLM_URL: 'api.openai.com', THEMELION_LLM_MODEL: 'm' }, 'THEMELION_LLM_URL inválida: recebido "api.openai.com"'],
    [{ THEMELION_LLM_URL: 'ftp://h/v1', THEMELION_LLM_MODEL: 'm' }, 'protocolo "ftp:"'],
    [{ THEMELION_LLM_URL: 'http://h/v1', THEMELION_LLM_MODEL: 'm', THEMELION_LLM_TIMEOUT_MS: '2s' }, 'THEMELION_LLM_TIMEOUT_MS inválido: recebido "2s"'],
    [{ THEMELION_LLM_URL: 'http://h/v1', THEMELION_LLM_MODEL: 'm', THEMELION_LLM_TIMEOUT_MS: '0' }, 'inteiro positivo'],
  ])('reports a bad setting %j', (env, message) => {
    expect(readLlmSetup(env)).toEqual({ state: 'invalid', problem: expect.stringContaining(message) });
  });

  it('shows the endpoint without credentials or query string', () => {
    expect(describeEndpoint(new URL('https://user:senha@h.com/v1/chat/completions?key=segredo'))).toBe('https://h.com/v1/chat/completions');
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Mon, 23 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('logo mais', now)).toBeUndefined();
  });
});

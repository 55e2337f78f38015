import type { z } from 'zod';
import { ApiErrorSchema, LoginResponseSchema, MeResponseSchema, type LoginResponse } from '../../../shared/api/auth';
import { RpcError } from '../../../shared/rpc/errors';

const TIMEOUT_MS = 10_000;

/** Calls the server's HTTP API and turns every failure into an RpcError the windows understand. */
export async function requestJson<S extends z.ZodType>(
  serverUrl: string,
  path: string,
  schema: S,
  init: { method?: string; token?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<z.output<S>> {
  const url = new URL(path, serverUrl);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const signals = [AbortSignal.timeout(TIMEOUT_MS), ...(init.signal ? [init.signal] : [])];
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    if (init.signal?.aborted) throw new RpcError('cancelled', 'the call was cancelled');
    throw new RpcError('offline', `cannot reach the server at ${url.origin} (${(error as Error).message})`);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // handled below: a non-JSON answer is not a Seatdesk server
  }
  if (!response.ok) {
    const apiError = ApiErrorSchema.safeParse(json);
    const message = apiError.success ? apiError.data.message : `the server answered ${response.status}`;
    if (response.status === 401) throw new RpcError('unauthenticated', message);
    if (response.status === 403 || response.status === 429) throw new RpcError('forbidden', message);
    if (response.status === 404) throw new RpcError('not_found', message);
    if (response.status === 400) throw new RpcError('invalid_args', message);
    if (response.status >= 500) throw new RpcError('offline', `the server failed: ${message}`);
    throw new RpcError('internal', message);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new RpcError('internal', `${url.origin} did not answer like a Seatdesk server`);
  return parsed.data;
}

export function login(serverUrl: string, username: string, password: string, signal?: AbortSignal): Promise<LoginResponse> {
  return requestJson(serverUrl, '/api/auth/login', LoginResponseSchema, {
    method: 'POST',
    body: { username, password },
    signal,
  });
}

export function me(serverUrl: string, token: string) {
  return requestJson(serverUrl, '/api/me', MeResponseSchema, { token });
}

export async function logout(serverUrl: string, token: string): Promise<void> {
  const response = await fetch(new URL('/api/auth/logout', serverUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.body?.cancel();
}

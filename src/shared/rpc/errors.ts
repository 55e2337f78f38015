/** Error codes every RPC transport can carry. Kept small and stable: the renderer maps them to text. */
export const RPC_ERROR_CODES = [
  'invalid_args',
  'unknown_method',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'offline',
  'too_large',
  'cancelled',
  'disconnected',
  'internal',
] as const;

export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

export type RpcResult<T> = { ok: true; value: T } | { ok: false; code: RpcErrorCode; message: string };

/** Thrown by the renderer-side client when a call fails, and by handlers to fail a call on purpose. */
export class RpcError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export function isRpcErrorCode(value: unknown): value is RpcErrorCode {
  return typeof value === 'string' && (RPC_ERROR_CODES as readonly string[]).includes(value);
}

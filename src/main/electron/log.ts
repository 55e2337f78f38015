/**
 * The shell's log. Messages say what happened without user data: no message text, no tokens,
 * no full URLs (their query strings can carry customer ids). electron-log is the intended
 * sink (ARCHITECTURE §4.8); until it is a dependency this writes to stderr.
 */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const log: Log = {
  info: (message) => console.info(`[shell] ${message}`),
  warn: (message) => console.warn(`[shell] ${message}`),
  error: (message, error) => console.error(`[shell] ${message}`, ...(error === undefined ? [] : [error])),
};

/** Scheme and host of a URL, for log lines: enough to see what was blocked, nothing more. */
export function urlForLog(url: unknown): string {
  if (typeof url !== 'string') return `<${typeof url}>`;
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return '<invalid url>';
  }
}

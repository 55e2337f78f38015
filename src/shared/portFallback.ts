/**
 * Starts something on the preferred port, or on any free port (0) when that one is taken:
 * a busy port is no reason for a local launch to fail. Other errors pass through.
 */
export async function onPreferredPort<T>(preferred: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(preferred);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE' || preferred === 0) throw error;
    return start(0);
  }
}

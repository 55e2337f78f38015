/** Equal as data: for small values read from the core again (queues, agents, one message), to keep the held object when nothing changed. */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

// Events raised while a state machine is mid-change are queued and delivered once it is consistent
// again. A listener may call back in; what that call raises is delivered by the same loop, in order.

export interface Outbox {
  emit(event: () => void): void;
  /** Delivers everything queued. Re-entrant calls return at once; the outer loop delivers. */
  flush(): void;
}

/** A throwing listener does not stop the others; the first error is rethrown once the queue is empty. */
export function createOutbox(): Outbox {
  const queue: (() => void)[] = [];
  let flushing = false;
  return {
    emit(event) {
      queue.push(event);
    },
    flush() {
      if (flushing) return;
      flushing = true;
      let failure: unknown;
      let failed = false;
      try {
        for (let event = queue.shift(); event; event = queue.shift()) {
          try {
            event();
          } catch (error) {
            if (!failed) failure = error;
            failed = true;
          }
        }
      } finally {
        flushing = false;
      }
      if (failed) throw failure;
    },
  };
}

import type { PayloadOf } from '../../../shared/rpc/define';
import type { EventName, Events } from '../../../shared/rpc/contract';

type Listener = (payload: unknown) => void;

/** Fans core events out to every subscribed window connection. */
export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  emit<E extends EventName>(name: E, payload: PayloadOf<Events[E]>): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`a ${name} listener failed`, error);
      }
    }
  }

  subscribe(name: EventName, listener: Listener): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }
}

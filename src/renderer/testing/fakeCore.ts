import type { EventName, Events, MethodName, Methods } from '../../shared/rpc/contract';
import type { ArgsOf, PayloadOf, ResultOf } from '../../shared/rpc/define';
import { RpcError } from '../../shared/rpc/errors';
import type { ClientFrame, ClientTransport, ServerFrame } from '../../shared/rpc/protocol';

export type FakeHandlers = {
  [N in MethodName]?: (args: ArgsOf<Methods[N]>) => ResultOf<Methods[N]> | Promise<ResultOf<Methods[N]>>;
};

/**
 * Stands in for the workstation core on the far side of a transport, for renderer tests: it
 * answers call frames from `handlers` (an RpcError thrown there becomes an error result), keeps
 * the window's subscriptions and pushes events only to those. Frames cross as text, later.
 */
export function createFakeCore(handlers: FakeHandlers, options: { up?: boolean } = {}) {
  let receiver: (text: string) => void = () => {};
  const linkListeners: ((up: boolean) => void)[] = [];
  const subscribed = new Set<string>();
  const calls: { method: string; args: unknown }[] = [];
  let up = options.up ?? true;

  const deliver = (frame: ServerFrame) => {
    const text = JSON.stringify(frame);
    setTimeout(() => {
      if (up) receiver(text);
    }, 0);
  };

  async function answer(id: number, method: string, args: unknown) {
    calls.push({ method, args });
    const handler = handlers[method as MethodName] as ((a: unknown) => unknown) | undefined;
    try {
      if (!handler) throw new RpcError('unknown_method', `no fake for ${method}`);
      deliver({ t: 'res', id, r: { ok: true, value: (await handler(args)) ?? null } });
    } catch (error) {
      const failure = error instanceof RpcError ? error : new RpcError('internal', String(error));
      deliver({ t: 'res', id, r: { ok: false, code: failure.code, message: failure.message } });
    }
  }

  const transport: ClientTransport = {
    send(text) {
      if (!up) return;
      const frame = JSON.parse(text) as ClientFrame;
      if (frame.t === 'call') void answer(frame.id, frame.m, frame.a);
      else if (frame.t === 'sub') subscribed.add(frame.e);
      else if (frame.t === 'unsub') subscribed.delete(frame.e);
    },
    onFrame(next) {
      receiver = next;
    },
    onLink(listener) {
      linkListeners.push(listener);
    },
  };

  return {
    transport,
    calls,
    isSubscribed: (event: EventName) => subscribed.has(event),
    emit<E extends EventName>(event: E, payload: PayloadOf<Events[E]>) {
      if (subscribed.has(event)) deliver({ t: 'evt', e: event, p: payload });
    },
    /** Drops or restores the link; a restored link starts with no subscriptions, as a real one. */
    setLink(next: boolean) {
      up = next;
      if (!next) subscribed.clear();
      for (const listener of linkListeners) listener(next);
    },
  };
}

/** Lets queued frames and their answers cross. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

import { RpcError } from './errors';
import type { ArgsOf, PayloadOf, ResultOf } from './define';
import type { EventName, Events, MethodName, Methods } from './contract';
import { MAX_FRAME_CHARS, type ClientFrame, type ClientTransport, type ServerFrame } from './protocol';

export interface CallOptions {
  signal?: AbortSignal;
}

type Feature<N> = N extends `${infer F}.${string}` ? F : never;
type VerbsOf<F extends string> = Extract<MethodName, `${F}.${string}`> extends `${F}.${infer V}` ? V : never;

type MethodFn<N extends MethodName> = undefined extends ArgsOf<Methods[N]>
  ? (args?: ArgsOf<Methods[N]>, options?: CallOptions) => Promise<ResultOf<Methods[N]>>
  : (args: ArgsOf<Methods[N]>, options?: CallOptions) => Promise<ResultOf<Methods[N]>>;

/** `rpc.session.login({...})` — one namespace per feature, one function per verb. */
export type RpcMethods = {
  [F in Feature<MethodName>]: { [V in VerbsOf<F>]: MethodFn<Extract<`${F}.${V}`, MethodName>> };
};

export interface RpcClient {
  call<N extends MethodName>(name: N, args?: ArgsOf<Methods[N]>, options?: CallOptions): Promise<ResultOf<Methods[N]>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: PayloadOf<Events[E]>) => void): () => void;
  /** Link state of the transport to the core (not the core's link to the server). */
  onLink(listener: (up: boolean) => void): () => void;
}

export type Rpc = RpcMethods & RpcClient;

interface Pending {
  resolve(value: unknown): void;
  reject(error: RpcError): void;
  cleanup(): void;
}

/**
 * The renderer-side client over any transport: numbers calls, matches results, cancels on abort,
 * and reference-counts event subscriptions so the core sends each event once per window.
 */
export function createRpcClient(transport: ClientTransport): Rpc {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const linkListeners = new Set<(up: boolean) => void>();

  const send = (frame: ClientFrame) => transport.send(JSON.stringify(frame));

  transport.onFrame((text) => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      console.error('unreadable frame from the core dropped');
      return;
    }
    if (frame.t === 'res') {
      const call = pending.get(frame.id);
      if (!call) return;
      pending.delete(frame.id);
      call.cleanup();
      if (frame.r.ok) call.resolve(frame.r.value);
      else call.reject(new RpcError(frame.r.code, frame.r.message));
    } else {
      for (const listener of [...(listeners.get(frame.e) ?? [])]) {
        try {
          listener(frame.p);
        } catch (error) {
          console.error(`listener for ${frame.e} failed`, error);
        }
      }
    }
  });

  transport.onLink((up) => {
    if (up) {
      // A fresh link has no subscriptions on the core side: restore ours.
      for (const name of listeners.keys()) send({ t: 'sub', e: name });
    } else {
      for (const [id, call] of pending) {
        pending.delete(id);
        call.cleanup();
        call.reject(new RpcError('disconnected', 'the connection to the workstation core was lost'));
      }
    }
    for (const listener of [...linkListeners]) listener(up);
  });

  const client: RpcClient = {
    call(name, args, options) {
      const signal = options?.signal;
      if (signal?.aborted) return Promise.reject(new RpcError('cancelled', 'the call was cancelled'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          if (!pending.delete(id)) return;
          send({ t: 'cancel', id });
          reject(new RpcError('cancelled', 'the call was cancelled'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          resolve: resolve as (value: unknown) => void,
          reject,
          cleanup: () => signal?.removeEventListener('abort', onAbort),
        });
        const text = JSON.stringify({ t: 'call', id, m: name, a: args } satisfies ClientFrame);
        if (text.length > MAX_FRAME_CHARS) {
          pending.delete(id);
          signal?.removeEventListener('abort', onAbort);
          reject(new RpcError('too_large', `the call is larger than ${MAX_FRAME_CHARS} characters`));
          return;
        }
        transport.send(text);
      });
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        send({ t: 'sub', e: name });
      }
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => {
        const current = listeners.get(name);
        if (!current?.delete(entry) || current.size > 0) return;
        listeners.delete(name);
        send({ t: 'unsub', e: name });
      };
    },
    onLink(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
  };

  const features = new Map<string, object>();
  return new Proxy(client as Rpc, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string' || prop in target) return Reflect.get(target, prop, receiver);
      let feature = features.get(prop);
      if (!feature) {
        feature = new Proxy(
          {},
          {
            get: (_t, verb) =>
              typeof verb === 'string'
                ? (args?: unknown, options?: CallOptions) =>
                    client.call(`${prop}.${verb}` as MethodName, args as never, options)
                : undefined,
          },
        );
        features.set(prop, feature);
      }
      return feature;
    },
  });
}

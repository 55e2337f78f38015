import { events, type EventName } from '../../../shared/rpc/contract';
import { ClientFrameSchema, MAX_FRAME_CHARS, type ServerFrame } from '../../../shared/rpc/protocol';
import type { Dispatcher } from './dispatcher';
import type { EventHub } from './eventHub';
import type { WindowRef } from './handlers';

export interface RpcConnection {
  /** Feeds one raw frame from the window. Never throws, whatever the frame holds. */
  receive(raw: unknown): void;
  /** The window went away: cancel its calls and drop its subscriptions. */
  close(): void;
}

export interface ConnectionOptions {
  dispatcher: Dispatcher;
  hub: EventHub;
  window: WindowRef;
  send: (text: string) => void;
  /** told about frames that were dropped, for the log */
  onRejectedFrame?: (reason: string) => void;
}

export const MAX_CALLS_IN_FLIGHT = 256;

// Our client writes `{"t":"call","id":N,...`: enough to answer an oversized call by its id.
const OVERSIZED_CALL_ID = /^\{"t":"call","id":(\d{1,15}),/;

function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/**
 * The core end of one window's link, shared by every transport (Electron IPC, WebSocket,
 * in-memory). It parses and checks frames, runs calls through the dispatcher, tracks
 * cancellations, and forwards the events the window subscribed to.
 */
export function createRpcConnection(options: ConnectionOptions): RpcConnection {
  const { dispatcher, hub, window, onRejectedFrame } = options;
  const inFlight = new Map<number, AbortController>();
  const subscriptions = new Map<EventName, () => void>();
  let closed = false;

  const send = (frame: ServerFrame) => {
    if (closed) return;
    try {
      options.send(JSON.stringify(frame));
    } catch (error) {
      onRejectedFrame?.(`could not send to ${window.id}: ${String(error)}`);
    }
  };
  const fail = (id: number, code: 'too_large' | 'conflict' | 'invalid_args', message: string) =>
    send({ t: 'res', id, r: { ok: false, code, message } });

  async function call(id: number, name: string, args: unknown) {
    if (inFlight.has(id)) return fail(id, 'conflict', `call id ${id} is already in flight`);
    if (inFlight.size >= MAX_CALLS_IN_FLIGHT) return fail(id, 'too_large', 'too many calls in flight');
    const controller = new AbortController();
    inFlight.set(id, controller);
    const result = await dispatcher.dispatch(name, args, window, controller.signal);
    if (inFlight.get(id) !== controller) return;
    inFlight.delete(id);
    send({ t: 'res', id, r: result });
  }

  return {
    receive(raw) {
      if (closed) return;
      const text = typeof raw === 'string' ? raw : raw instanceof Uint8Array ? new TextDecoder().decode(raw) : null;
      if (text === null) return onRejectedFrame?.('a frame that is not text');
      if (text.length > MAX_FRAME_CHARS) {
        const id = OVERSIZED_CALL_ID.exec(text.slice(0, 64))?.[1];
        if (id !== undefined) fail(Number(id), 'too_large', `frames are limited to ${MAX_FRAME_CHARS} characters`);
        return onRejectedFrame?.(`an oversized frame (${text.length} characters)`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return onRejectedFrame?.('a frame that is not JSON');
      }
      const parsed = ClientFrameSchema.safeParse(json);
      if (!parsed.success) {
        // A call we can still answer by its id gets an answer, so the window does not wait forever.
        const id = (json as { t?: unknown; id?: unknown } | null)?.id;
        if ((json as { t?: unknown } | null)?.t === 'call' && Number.isSafeInteger(id) && (id as number) >= 0) {
          fail(id as number, 'invalid_args', 'malformed call frame');
        }
        return onRejectedFrame?.('a frame that is not a Seatdesk RPC frame');
      }
      const frame = parsed.data;
      switch (frame.t) {
        case 'call':
          void call(frame.id, frame.m, frame.a);
          return;
        case 'cancel': {
          const controller = inFlight.get(frame.id);
          if (!controller) return;
          inFlight.delete(frame.id);
          controller.abort();
          return;
        }
        case 'sub':
          if (!isEventName(frame.e)) return onRejectedFrame?.(`a subscription to unknown event ${frame.e}`);
          if (!subscriptions.has(frame.e)) {
            const name = frame.e;
            subscriptions.set(name, hub.subscribe(name, (payload) => send({ t: 'evt', e: name, p: payload })));
          }
          return;
        case 'unsub':
          if (isEventName(frame.e)) {
            subscriptions.get(frame.e)?.();
            subscriptions.delete(frame.e);
          }
          return;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      for (const controller of inFlight.values()) controller.abort();
      inFlight.clear();
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    },
  };
}

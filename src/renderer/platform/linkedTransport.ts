import type { ClientTransport } from '../../shared/rpc/protocol';

/** A client transport that can also say whether its link to the core is up right now. */
export interface LinkedTransport extends ClientTransport {
  isUp(): boolean;
  /** Stops the transport for good (tests; windows simply unload). */
  close(): void;
}

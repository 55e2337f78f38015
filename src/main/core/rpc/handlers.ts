import type { SessionInfo } from '../../../shared/domain/session';
import type { ParsedArgsOf, ResultOf } from '../../../shared/rpc/define';
import type { MethodName, Methods } from '../../../shared/rpc/contract';
import type { WindowKind } from '../../../shared/windows';

/** Which window a call came from, as its transport established it (never as the call claims). */
export interface WindowRef {
  id: string;
  kind: WindowKind;
}

export interface CallContext {
  window: WindowRef;
  session: SessionInfo | null;
  /** aborted when the window cancels the call or goes away */
  signal: AbortSignal;
}

/** The core's handler object, checked against the contract: one function per method. */
export type Handlers = {
  [N in MethodName]: (
    args: ParsedArgsOf<Methods[N]>,
    ctx: CallContext,
  ) => Promise<ResultOf<Methods[N]>> | ResultOf<Methods[N]>;
};

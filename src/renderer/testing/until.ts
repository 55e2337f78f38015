import { act } from 'react';
import { settle } from './fakeCore';

/**
 * Lets frames cross and React render, again and again, until `check` passes (or throws its last
 * failure after `timeoutMs`). For what arrives from the fake core asynchronously. Each round is
 * its own act scope: React applies updates when a scope ends, so waiting inside one sees none.
 */
export async function until(check: () => void, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await act(async () => {
      await settle();
    });
    try {
      check();
      return;
    } catch (failure) {
      if (Date.now() > end) throw failure;
    }
  }
}

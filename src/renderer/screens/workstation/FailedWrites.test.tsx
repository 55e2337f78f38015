// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntryView } from '../../../shared/domain/workstation';
import { settle } from '../../testing/fakeCore';
import { agentSession } from '../../testing/fixtures';
import { renderApp } from '../../testing/renderApp';
import { until } from '../../testing/until';
import { workstationWorld } from '../../testing/workstationWorld';

let view: Awaited<ReturnType<typeof renderApp>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const failed = (mutationId: string, name: string, message: string): OutboxEntryView => ({
  mutationId,
  name,
  args: {},
  state: 'failed',
  attempts: 1,
  createdAt: 1,
  error: { code: 'conflict', message },
});

describe('refused writes', () => {
  it('tells the agent why an accept was refused until dismissed, leaving failed replies to the thread', async () => {
    let outbox = [failed('w1', 'conversations.accept', 'already taken by another agent'), failed('w2', 'messages.send', 'not yours')];
    const { handlers } = workstationWorld();
    view = await renderApp({
      state: { session: agentSession, sync: { state: 'online', since: 1 } },
      handlers: {
        ...handlers,
        'outbox.list': () => outbox,
        'outbox.dismiss': ({ mutationId }) => {
          outbox = outbox.filter((e) => e.mutationId !== mutationId);
          return null;
        },
      },
    });
    const alerts = () => [...view!.container.querySelectorAll('[data-testid="failed-write"]')].map((el) => el.textContent);
    await until(() => expect(alerts()).toEqual([expect.stringContaining('接起会话')]));
    expect(alerts()[0]).toContain('already taken by another agent');

    await act(async () => {
      view!.byTestId('failed-write-dismiss')!.click();
      await settle();
    });
    view.core.emit('outbox.changed', { pending: 0, failed: 1 });
    await until(() => expect(view!.byTestId('failed-writes')).toBeNull());
  });
});

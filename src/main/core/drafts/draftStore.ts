import type Database from 'better-sqlite3';
import type { Draft } from '../../../shared/domain/workstation';
import type { EventHub } from '../rpc/eventHub';

/** Unsent text per conversation, kept in the cache so it survives restarts and shows in every window. */
export class DraftStore {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly hub: EventHub,
    private readonly now: () => number = Date.now,
  ) {
    this.s = {
      get: db.prepare<[string], { conversation_id: string; text: string; updated_at: number }>('SELECT * FROM drafts WHERE conversation_id = ?'),
      put: db.prepare(
        'INSERT INTO drafts (conversation_id, text, updated_at) VALUES (?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at',
      ),
      remove: db.prepare('DELETE FROM drafts WHERE conversation_id = ?'),
    };
  }

  get(conversationId: string): Draft | null {
    const row = this.s.get.get(conversationId);
    return row ? { conversationId: row.conversation_id, text: row.text, updatedAt: row.updated_at } : null;
  }

  /** Saves the text; an empty (or blank) text deletes the draft. */
  set(conversationId: string, text: string): Draft | null {
    const draft = { conversationId, text, updatedAt: this.now() };
    const deleted = text.trim().length === 0;
    if (deleted) this.s.remove.run(conversationId);
    else this.s.put.run(conversationId, text, draft.updatedAt);
    this.hub.emit('drafts.changed', { ...draft, text: deleted ? '' : text, deleted });
    return deleted ? null : draft;
  }
}

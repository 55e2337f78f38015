import type { SqliteDatabase } from '../db/sqlite';

/** What the bot first line reads beyond the conversations and messages stores. */
export interface BotReads {
  /** conversations the bot is answering (status 'bot'), oldest first */
  botConversationIds(): string[];
}

export function createBotReads(db: SqliteDatabase): BotReads {
  const ids = db.prepare<[], { id: string }>(`SELECT id FROM conversations WHERE status = 'bot' AND deleted = 0 ORDER BY created_at, id`);
  return { botConversationIds: () => ids.all().map((r) => r.id) };
}

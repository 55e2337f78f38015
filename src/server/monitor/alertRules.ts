import { AlertRulesSchema, type AlertRules } from '../../shared/api/monitor';
import type { SqliteDatabase } from '../db/sqlite';

/** Each lead's monitor thresholds (migration 6). Not synced: only the server evaluates them. */
export interface AlertRulesStore {
  rulesOf(userId: string): AlertRules;
  setRules(userId: string, rules: AlertRules, now: number): void;
}

export function createAlertRulesStore(db: SqliteDatabase): AlertRulesStore {
  const select = db.prepare<[string], { rules: string }>('SELECT rules FROM monitor_alert_rules WHERE user_id = ?');
  const upsert = db.prepare<[string, string, number]>(
    'INSERT INTO monitor_alert_rules (user_id, rules, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at',
  );
  return {
    rulesOf(userId) {
      const row = select.get(userId);
      // A row written by an older server with a threshold this one no longer knows reads as "off".
      const parsed = row ? AlertRulesSchema.safeParse(JSON.parse(row.rules)) : undefined;
      return parsed?.success ? parsed.data : {};
    },
    setRules(userId, rules, now) {
      upsert.run(userId, JSON.stringify(rules), now);
    },
  };
}

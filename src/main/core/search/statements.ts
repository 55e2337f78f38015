import type Database from 'better-sqlite3';

/**
 * Prepared statements kept per SQL text: a search's SQL differs per filter shape (which filters
 * are set, yes or no), so each shape is prepared once and reused with its parameters.
 */
export class StatementCache {
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) this.prepared.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

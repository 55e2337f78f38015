import type Database from 'better-sqlite3';
import type { RowWriter } from '../cache/rowWriter';
import type { Outbox } from '../outbox/outbox';
import type { EventHub } from '../rpc/eventHub';
import { OfflineSets } from './offlineSets';
import { ReviewQueue } from './reviewQueue';
import { httpReviewSetApi, type ReviewSetApi } from './reviewSetApi';
import { ReviewWrites } from './reviewWrites';

export interface OfflineReviewOptions {
  db: Database.Database;
  writer: RowWriter;
  hub: EventHub;
  outbox: Outbox;
  userId: string;
  serverUrl: string;
  token: string;
  now: () => number;
  log?: (message: string) => void;
  /** tests and benchmarks may swap the HTTP call */
  api?: ReviewSetApi;
}

/** Offline review for one account: its sets, their work lists and the reviewer's verdicts. */
export class OfflineReview {
  readonly sets: OfflineSets;
  readonly queue: ReviewQueue;
  readonly writes: ReviewWrites;

  constructor(options: OfflineReviewOptions) {
    const { db, writer, hub, outbox, userId, now } = options;
    const api = options.api ?? httpReviewSetApi(options.serverUrl, options.token);
    this.sets = new OfflineSets({ db, writer, hub, api, now, log: options.log });
    this.queue = new ReviewQueue(db, userId);
    this.writes = new ReviewWrites({ db, outbox, userId, now });
  }
}

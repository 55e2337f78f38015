import { createHash } from 'node:crypto';
import { KbArticleInputSchema, type KbArticleInput, type KbImportProblem, type KbImportResponse } from '../../shared/api/kb';
import type { KbArticle } from '../../shared/domain/kb';
import type { WriteTx, Writer } from '../db/writer';
import { Rejection } from '../mutations/rejection';
import type { OrgReads } from '../org/store';
import type { Scope } from '../scope/scope';
import type { SyncService } from '../sync/service';
import type { ParsedFile } from './importFormats';
import type { KbStore } from './store';

/**
 * Who changes the KB: a signed-in lead or admin (their scope), or the server's operator at the
 * command line (`cli.js kb import`), who has an admin's reach and no account.
 */
export type KbEditor = { scope: Scope } | { operator: true };

/** An import that failed as a whole: every problem found, and nothing written. */
export class KbImportError extends Error {
  constructor(readonly problems: KbImportProblem[]) {
    super(`${problems.length} problem(s) in the import; nothing was imported`);
    this.name = 'KbImportError';
  }
}

export interface KbServiceDeps {
  writer: Writer;
  kb: KbStore;
  org: OrgReads;
  sync: SyncService;
  now: () => number;
}

/** An article that passed the checks, ready to be written. */
interface Checked {
  article: KbArticle;
  exists: boolean;
}

/**
 * KB edits by leads and admins: import (all or nothing), kb.upsert and kb.delete. Visibility is
 * the article's teams; the shop follows from them, so a merchant lead can only ever write their
 * own shop's articles (they are only members of their shop's teams).
 */
export class KbService {
  constructor(private readonly deps: KbServiceDeps) {}

  /**
   * Checks every draft of the files read (teams default to `teamIds`), then writes them all in one
   * transaction — or throws KbImportError listing every problem, the files' own included, and writes nothing.
   */
  importArticles(editor: KbEditor, files: readonly ParsedFile[], teamIds?: readonly string[]): KbImportResponse {
    mustEdit(editor);
    const problems: KbImportProblem[] = files.flatMap((f) => f.problems);
    const drafts = files.flatMap((f) => f.drafts);
    const checked: Checked[] = [];
    const seen = new Map<string, string>();
    for (const draft of drafts) {
      const where = { source: draft.source, ...(draft.row ? { row: draft.row } : {}) };
      const parsed = KbArticleInputSchema.safeParse({ ...draft, teamIds: draft.teamIds ?? teamIds });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ ...where, field: issue.path.join('.') || undefined, message: issue.message });
        continue;
      }
      const result = this.check(editor, parsed.data);
      if (result instanceof Rejection) {
        problems.push({ ...where, message: result.message });
        continue;
      }
      const earlier = seen.get(result.article.id);
      if (earlier) {
        problems.push({ ...where, field: 'id', message: `the same article (${result.article.id}) as ${earlier}` });
        continue;
      }
      seen.set(result.article.id, draft.row ? `row ${draft.row}` : draft.source);
      checked.push(result);
    }
    if (drafts.length === 0 && problems.length === 0) problems.push({ source: 'import', message: 'no articles found' });
    if (problems.length > 0) throw new KbImportError(problems);

    this.deps.writer.write((tx) => {
      for (const c of checked) this.deps.kb.upsertArticle(tx, c.article);
    });
    const created = checked.filter((c) => !c.exists).length;
    return { articleIds: checked.map((c) => c.article.id), created, updated: checked.length - created };
  }

  /** kb.upsert: one article, created or replaced. */
  upsert(tx: WriteTx, scope: Scope, input: KbArticleInput): string {
    const editor = { scope };
    mustEdit(editor);
    const result = this.check(editor, input);
    if (result instanceof Rejection) throw result;
    this.deps.kb.upsertArticle(tx, result.article);
    return result.article.id;
  }

  /** kb.delete: a tombstone, for an editor who may change the article. */
  delete(tx: WriteTx, scope: Scope, id: string): void {
    const editor = { scope };
    mustEdit(editor);
    const existing = this.deps.kb.article(id);
    if (!existing || existing.deleted || !this.deps.sync.isVisible(scope, 'kb', id)) throw new Rejection('not_found', `no article ${id}`);
    if (!mayChange(scope, existing)) throw new Rejection('forbidden', `article ${id} belongs to other teams`);
    this.deps.kb.deleteArticle(tx, id);
  }

  /** The article to write, or why not (no, unknown or foreign teams; someone else's article). */
  private check(editor: KbEditor, input: KbArticleInput): Checked | Rejection {
    const scope = 'scope' in editor ? editor.scope : null;
    const teamIds = [...new Set(input.teamIds ?? scope?.teamIds ?? [])].sort();
    if (teamIds.length === 0) return new Rejection('invalid_args', 'no teams: name the teams that may see the article');
    const teams = [];
    for (const id of teamIds) {
      const team = this.deps.org.team(id);
      if (!team || team.deleted) return new Rejection('not_found', `unknown team ${id}`);
      if (scope && scope.role !== 'admin' && !scope.teamIds.includes(id)) return new Rejection('forbidden', `you are not a member of team ${id}`);
      teams.push(team);
    }
    // Only one shop's merchant teams: the shop's own article. Otherwise a platform article
    // (merchant teams among platform ones make it "public for merchants").
    const shops = new Set(teams.map((t) => (t.kind === 'merchant' ? t.shopId : null)));
    const shopId = shops.size === 1 ? ([...shops][0] ?? null) : null;
    const id = input.id ?? derivedId(shopId, input.title);
    const existing = this.deps.kb.article(id);
    const live = existing && !existing.deleted ? existing : null;
    if (live && scope && !(this.deps.sync.isVisible(scope, 'kb', id) && mayChange(scope, live))) {
      return new Rejection('forbidden', `article ${id} exists and belongs to teams you do not lead`);
    }
    const article: KbArticle = {
      id,
      title: input.title,
      body: input.body,
      category: input.category,
      tags: input.tags,
      keywords: input.keywords,
      questions: input.questions,
      teamIds,
      shopId,
      updatedAt: this.deps.now(),
    };
    return { article, exists: live !== null };
  }
}

function mustEdit(editor: KbEditor): void {
  if ('scope' in editor && editor.scope.role !== 'lead' && editor.scope.role !== 'admin') {
    throw new Rejection('forbidden', 'only leads and admins change the knowledge base');
  }
}

/** Admins change any article; a lead one of their own side (same shop, or platform) shared with a team of theirs. */
function mayChange(scope: Scope, article: KbArticle): boolean {
  if (scope.role === 'admin') return true;
  return article.shopId === scope.shopId && article.teamIds.some((t) => scope.teamIds.includes(t));
}

/**
 * An article without an id gets one from its shop and title, so importing the same file again
 * updates the articles instead of duplicating them.
 */
function derivedId(shopId: string | null, title: string): string {
  const hash = createHash('sha256').update(`${shopId ?? ''}\n${title.trim()}`).digest('hex');
  return `kb-${hash.slice(0, 20)}`;
}

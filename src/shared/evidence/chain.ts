import { canonicalJson } from './canonical';
import { fromBase64, sha256Hex } from './digest';
import {
  EVIDENCE_FORMAT,
  EVIDENCE_VERSION,
  EvidenceBundleSchema,
  type EvidenceBundle,
  type EvidenceHeader,
  type EvidenceMessage,
  type VerifyProblem,
  type VerifyResult,
} from './bundle';
import { maskConversation, maskMessage } from './mask';

/*
 * The hash chain and the final digest (docs: bundle.ts, canonical.ts).
 *
 *   genesis  = SHA-256("seatdesk.evidence/1")
 *   link[i]  = SHA-256(link[i-1] ‖ canonical(message[i] without its `link`))
 *   header.contentSha256 = SHA-256(canonical({agents, conversations}))
 *   digest   = SHA-256(canonical(header))
 *
 * Hashes are lower-case hex; ‖ joins the previous link's hex and the canonical JSON as one UTF-8
 * string. Each message holds its position, so a message moved, dropped or added shows as such
 * rather than only as "the chain broke". The chain has no secret: whoever rewrites every link and
 * the header makes a new, self-consistent bundle with a new digest. The digest is what anchors an
 * export — print it, send it with the file, write it into the case — and the HTML shows it.
 */

export const GENESIS_INPUT = `${EVIDENCE_FORMAT}/${EVIDENCE_VERSION}`;

type Unchained = Omit<EvidenceMessage, 'position' | 'link'>;

export interface UnsealedEvidence {
  header: Omit<EvidenceHeader, 'format' | 'version' | 'conversationCount' | 'messageCount' | 'contentSha256' | 'chainHead'>;
  conversations: EvidenceBundle['conversations'];
  agents: EvidenceBundle['agents'];
  /** in transcript order: conversation by conversation, each oldest first */
  messages: Unchained[];
  files: EvidenceBundle['files'];
}

const linkOf = (previous: string, message: Omit<EvidenceMessage, 'link'>): string => {
  const { link: _link, ...content } = message as EvidenceMessage;
  return sha256Hex(previous + canonicalJson(content));
};
const contentDigest = (bundle: Pick<EvidenceBundle, 'agents' | 'conversations'>) =>
  sha256Hex(canonicalJson({ agents: bundle.agents, conversations: bundle.conversations }));

/** Masks (unless the header says unmasked), numbers and chains the messages, and seals the header. */
export function sealBundle(input: UnsealedEvidence): EvidenceBundle {
  const masked = input.header.masked;
  const conversations = masked ? input.conversations.map(maskConversation) : input.conversations;
  let previous = sha256Hex(GENESIS_INPUT);
  const messages: EvidenceMessage[] = [];
  for (const [position, message] of input.messages.entries()) {
    const numbered = { ...(masked ? maskMessage(message) : message), position };
    previous = linkOf(previous, numbered);
    messages.push({ ...numbered, link: previous });
  }
  const header: EvidenceHeader = {
    format: EVIDENCE_FORMAT,
    version: EVIDENCE_VERSION,
    ...input.header,
    conversationCount: conversations.length,
    messageCount: messages.length,
    contentSha256: contentDigest({ agents: input.agents, conversations }),
    chainHead: previous,
  };
  return { header, conversations, agents: input.agents, messages, files: input.files, digest: sha256Hex(canonicalJson(header)) };
}

/**
 * Checks a bundle (parsed JSON of any shape) and names what is wrong: the header or content it
 * commits to (`header`), and per message `edited` (its content no longer hashes to its link, or
 * an included file no longer matches its hash), `deleted` (a position is missing; index = where
 * it would be), `reordered` (out of position), `inserted` (a position the export never had, or a
 * second message claiming a position that does not chain).
 */
export function verifyBundle(input: unknown): VerifyResult {
  const parsed = EvidenceBundleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const index = issue.path[0] === 'messages' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
    return { ok: false, problems: [{ index, kind: index === null ? 'header' : 'edited', detail: `${issue.path.join('.')}: ${issue.message}` }] };
  }
  const bundle = parsed.data;
  const problems: VerifyProblem[] = [];
  // Fields the format does not have are not covered by any hash: their presence is itself a finding.
  if (canonicalJson(bundle) !== canonicalJson(input)) {
    problems.push({ index: null, kind: 'header', detail: 'the bundle carries fields outside the evidence format' });
  }
  if ((sha256Hex(canonicalJson(bundle.header))) !== bundle.digest) {
    problems.push({ index: null, kind: 'header', detail: 'the header does not match the digest' });
  }
  if ((contentDigest(bundle)) !== bundle.header.contentSha256) {
    problems.push({ index: null, kind: 'header', detail: 'conversations, customers, tickets or agents differ from what the header recorded' });
  }
  problems.push(...(checkMessages(bundle)));
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(`${p.index}:${p.kind}`) && seen.add(`${p.index}:${p.kind}`));
  unique.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  return unique.length === 0 ? { ok: true, digest: bundle.digest } : { ok: false, problems: unique };
}

function checkMessages(bundle: EvidenceBundle): VerifyProblem[] {
  const { messages, header } = bundle;
  const count = header.messageCount;
  const genesis = sha256Hex(GENESIS_INPUT);
  const problems: VerifyProblem[] = [];
  const atPosition = new Map<number, number[]>();
  messages.forEach((m, index) => atPosition.set(m.position, [...(atPosition.get(m.position) ?? []), index]));
  const linkBefore = (position: number): string | null => {
    if (position === 0) return genesis;
    const before = atPosition.get(position - 1);
    return before && before.length === 1 ? messages[before[0]!]!.link : null;
  };
  const chainsAfter = (index: number, previous: string | null) =>
    previous !== null && (linkOf(previous, messages[index]!)) === messages[index]!.link;

  // Inserted: a position past the end, or the extra claimants of a position.
  const inserted = new Set<number>();
  for (const [position, indexes] of atPosition) {
    if (position >= count) {
      for (const index of indexes) inserted.add(index);
      continue;
    }
    if (indexes.length < 2) continue;
    const previous = messages[(atPosition.get(position - 1) ?? [])[0] ?? -1]?.link ?? (position === 0 ? genesis : null);
    const next = (atPosition.get(position + 1) ?? [])[0];
    let genuine: number | undefined;
    for (const index of indexes) {
      // A forger can chain an added message onto its predecessor, but not make the next one chain onto it.
      const fromLeft = chainsAfter(index, previous);
      const toRight = next === undefined ? messages[index]!.link === header.chainHead : chainsAfter(next, messages[index]!.link);
      if (fromLeft && toRight) genuine = index;
    }
    genuine ??= indexes[0]!;
    for (const index of indexes) if (index !== genuine) inserted.add(index);
    atPosition.set(position, [genuine]);
  }
  for (const index of inserted) problems.push({ index, kind: 'inserted', detail: `message ${messages[index]!.id} was not in the export` });
  const kept = messages.map((m, index) => ({ m, index })).filter(({ index }) => !inserted.has(index));

  // Deleted: positions the export had that are gone, reported where they would be.
  for (let position = 0; position < count; position += 1) {
    if (atPosition.has(position)) continue;
    const index = kept.find(({ m }) => m.position > position)?.index ?? messages.length;
    problems.push({ index, kind: 'deleted', detail: `message #${position} of the export is missing` });
  }

  // Reordered: a kept message not where its position puts it among the others.
  const sorted = kept.map(({ m }) => m.position).sort((a, b) => a - b);
  kept.forEach(({ m, index }, k) => {
    if (m.position !== sorted[k]) problems.push({ index, kind: 'reordered', detail: `message #${m.position} is out of order` });
  });

  // Edited: content that no longer hashes onto its predecessor's link, a last link that is not
  // the head the header recorded, or an included file whose bytes changed.
  for (const { m, index } of kept) {
    const previous = linkBefore(m.position);
    if (previous !== null && !(chainsAfter(index, previous))) {
      problems.push({ index, kind: 'edited', detail: `message ${m.id} changed after export` });
    } else if (m.position === count - 1 && m.link !== header.chainHead) {
      problems.push({ index, kind: 'edited', detail: `message ${m.id} does not end the chain the header recorded` });
    }
    for (const file of m.attachments) {
      const base64 = bundle.files[file.id];
      if (base64 === undefined || file.sha256 === null) continue;
      const bytes = fromBase64(base64);
      if (!bytes || (sha256Hex(bytes)) !== file.sha256) {
        problems.push({ index, kind: 'edited', detail: `attachment ${file.id} differs from its recorded hash` });
      }
    }
  }
  return problems;
}

/**
 * Finding and masking personal data in chat text: mainland mobile numbers, resident ID numbers,
 * bank card numbers, e-mail addresses and Chinese street addresses.
 *
 * Privacy rule (ARCHITECTURE §1): these are masked wherever they are shown, exported or logged,
 * unless a permitted role reveals them. The masked form keeps just enough for an agent to confirm
 * with the customer ("the number ending 5678?").
 *
 * Precision matters as much as recall: agents read order ids, tracking numbers and amounts back
 * to customers, so a long number is only treated as an ID or a card when its check digit says so,
 * and digits that are part of a longer run of digits or letters are never matched (a 20-digit
 * number is neither a phone nor an ID; DD13812345678 is an order id).
 *
 * Detection runs on a width-folded copy (foldWidth) so full-width digits typed on an IME count;
 * the fold preserves length, so spans are offsets into the original text (UTF-16 units).
 */
import { foldWidth } from './normalize';
import { isValidBankCard, isValidResidentId } from './piiChecksums';

export type PiiKind = 'phone' | 'id_card' | 'bank_card' | 'email' | 'address';
export const PII_KINDS: readonly PiiKind[] = ['phone', 'id_card', 'bank_card', 'email', 'address'];

/** One piece of personal data: `text.slice(start, end)`. */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

interface Detected extends PiiSpan {
  /** What the span becomes when masked. */
  masked: string;
}

/** On overlap of equally long spans, the earlier kind in this list wins. */
const PRIORITY: Record<PiiKind, number> = { email: 0, id_card: 1, bank_card: 2, phone: 3, address: 4 };

// ---------------------------------------------------------------- numbers and e-mail

/**
 * Mobile: 1[3-9] + 9 digits, optionally written 3-4-4 with spaces or dashes, optionally after
 * +86 / 0086 / 86. Not preceded or followed by a letter or digit.
 */
const PHONE = /(?<![0-9A-Za-z+])((?:\+|00)?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![0-9A-Za-z])/g;
/** Resident ID: 18 characters, optionally written 6-8-4 with one kind of separator. */
const ID_CARD = /(?<![0-9A-Za-z])(\d{6})([ -]?)(\d{8})\2(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
/** Card: 16–19 digits in one run, or in groups of four (the last group may be 1–3 digits). */
const BANK_CARD = /(?<![0-9A-Za-z])(?:\d{16,19}|\d{4}([ -])\d{4}(?:\1\d{4}){2}(?:\1?\d{1,3})?)(?![0-9A-Za-z])/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24})(?![A-Za-z0-9-])/g;

/** Phone, ID, card and e-mail candidates; IDs and cards only when their check digits pass. */
function detectNumbers(folded: string): Detected[] {
  const found: Detected[] = [];
  for (const m of folded.matchAll(PHONE)) {
    const [whole, prefix = '', head, , tail] = m;
    found.push({ kind: 'phone', start: m.index, end: m.index + whole.length, masked: `${prefix}${head}****${tail}` });
  }
  for (const m of folded.matchAll(ID_CARD)) {
    const [whole, first6, , middle, last4] = m;
    if (!isValidResidentId(`${first6}${middle}${last4}`)) continue;
    found.push({ kind: 'id_card', start: m.index, end: m.index + whole.length, masked: `${first6}********${last4}` });
  }
  for (const m of folded.matchAll(BANK_CARD)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (!isValidBankCard(digits)) continue;
    found.push({ kind: 'bank_card', start: m.index, end: m.index + m[0].length, masked: `**** **** **** ${digits.slice(-4)}` });
  }
  for (const m of folded.matchAll(EMAIL)) {
    const [whole, local, domain] = m;
    found.push({ kind: 'email', start: m.index, end: m.index + whole.length, masked: `${local![0]}***@${domain}` });
  }
  return found;
}

// ---------------------------------------------------------------- addresses

/**
 * Chinese addresses are found conservatively, from a core that ordinary sentences do not have:
 *   - a road with a house number: 建国路88号, 淮海中路123弄 (a road name, 路/街/大道/巷/胡同/弄,
 *     digits, 号/弄), or
 *   - a chain of two or more building units with at least one of 号楼/栋/幢/单元/室:
 *     3栋2单元501室.
 * The core then grows right over further units and a community name (望京花园, 3栋, 2单元,
 * 501室) and left over a community name, a town or sub-district (…街道/镇/乡) and the
 * administrative prefix (…省/市/区/县/自治区…). 我在路上, 三号, 3号线 or 中山路 have no core and
 * are never matched. Masking keeps the administrative prefix (province/city/district) and
 * replaces the rest with ***.
 *
 * Place names are runs of Han characters; a small set of characters that almost never occur in
 * place names but do occur right before an address in chat (我 在 住 寄到 地址是 …) ends a name,
 * so 我住在北京市… starts the address at 北京市. Admin suffix characters (省市区县镇乡旗) end
 * road, town and community names, so the prefix is recognised separately and kept.
 */
const STOP_CHARS = '我你他她您们在是的了住址到寄送给请把就也还要想说吗呢吧啊改发帮麻烦收货';
const ADMIN_CHARS = '省市区县镇乡旗';
const HAN = '\\p{Script=Han}';
/** A character of a masked place name (road, town, community). */
const PLACE = `(?:(?![${STOP_CHARS}${ADMIN_CHARS}])${HAN})`;
const ROAD_SUFFIX = '(?:大道|大街|胡同|路|街|巷|弄)';
const HOUSE_NUMBER = '\\d{1,5}(?:-\\d{1,5})?';
const UNIT_SUFFIX = '(?:号楼|号院|号|栋|幢|座|单元|楼|层|室|户|弄)';
const UNIT = `(?:[0-9A-Za-z]{1,5}(?:-\\d{1,5})?|[一二三四五六七八九十]{1,3})${UNIT_SUFFIX}`;
const COMMUNITY = `${PLACE}{2,8}?(?:小区|花园|公寓|大厦|广场|家园|新村|大楼|中心|苑|院|村)`;
const STRONG_UNIT = /号楼|栋|幢|单元|室/;

const ROAD_CORE = new RegExp(`${PLACE}{1,8}${ROAD_SUFFIX}${HOUSE_NUMBER}(?:号|弄)`, 'gu');
const BUILDING_CORE = new RegExp(`(?<![0-9A-Za-z])(?:[0-9A-Za-z]{1,5}(?:-\\d{1,5})?${UNIT_SUFFIX})(?: ?[0-9A-Za-z]{1,5}(?:-\\d{1,5})?${UNIT_SUFFIX})+`, 'gu');
const TAIL_STEP = new RegExp(` ?(?:${UNIT}|${COMMUNITY})`, 'uy');
const COMMUNITY_BEFORE = new RegExp(`${PLACE}{2,8}(?:小区|花园|公寓|大厦|广场|家园|新村|大楼|中心|苑|院|村)$`, 'u');
const TOWN_BEFORE = new RegExp(`${PLACE}{1,6}(?:街道|镇|乡)$`, 'u');
/** An administrative segment ending where the address starts: name (no stop/admin chars) + suffix. */
const ADMIN_BEFORE = new RegExp(`(?:(?![${STOP_CHARS}${ADMIN_CHARS}])${HAN}){1,7}(?:特别行政区|自治区|自治州|自治县|地区|省|市|区|县|旗|盟)$`, 'u');
/** How far back an address prefix can reach (自治区 names are the longest). */
const LOOKBACK = 16;

/** Start of the segment matching `pattern` that ends exactly at `at`, or null. */
function segmentBefore(text: string, at: number, pattern: RegExp): number | null {
  const window = text.slice(Math.max(0, at - LOOKBACK), at);
  const m = pattern.exec(window);
  return m ? at - m[0].length : null;
}

/** Grows a core to the whole address and builds its mask (admin prefix + ***). */
function growAddress(text: string, coreStart: number, coreEnd: number, allowCommunityBefore: boolean): Detected {
  let end = coreEnd;
  for (;;) {
    TAIL_STEP.lastIndex = end;
    const m = TAIL_STEP.exec(text);
    if (!m || m[0].length === 0) break;
    end += m[0].length;
  }
  let start = coreStart;
  if (allowCommunityBefore) start = segmentBefore(text, start, COMMUNITY_BEFORE) ?? start;
  start = segmentBefore(text, start, TOWN_BEFORE) ?? start;
  let prefixStart = start;
  for (let next = segmentBefore(text, prefixStart, ADMIN_BEFORE); next !== null; next = segmentBefore(text, prefixStart, ADMIN_BEFORE)) {
    prefixStart = next;
  }
  const prefix = text.slice(prefixStart, start);
  return { kind: 'address', start: prefixStart, end, masked: `${prefix}***` };
}

/** Address candidates from road cores first, then building chains not already inside one. */
function detectAddresses(folded: string): Detected[] {
  const found: Detected[] = [];
  for (const m of folded.matchAll(ROAD_CORE)) found.push(growAddress(folded, m.index, m.index + m[0].length, false));
  for (const m of folded.matchAll(BUILDING_CORE)) {
    if (!STRONG_UNIT.test(m[0])) continue;
    const start = m.index;
    if (found.some((span) => span.start <= start && start < span.end)) continue;
    found.push(growAddress(folded, start, start + m[0].length, true));
  }
  return found;
}

// ---------------------------------------------------------------- public API

/** All detections, resolved to non-overlapping spans in text order. */
function detect(text: string): Detected[] {
  const folded = foldWidth(text);
  const candidates = [...detectNumbers(folded), ...detectAddresses(folded)];
  // Longest span first, then by kind priority: an e-mail holding a phone number is an e-mail,
  // an address holding a house number is an address.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);
  const chosen: Detected[] = [];
  for (const c of candidates) {
    if (chosen.every((o) => c.end <= o.start || c.start >= o.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Every piece of personal data in `text`, in order, non-overlapping, as [start, end) UTF-16
 * offsets. Used by maskPii, by the composer's pre-send guard and by exports.
 */
export function findPii(text: string): PiiSpan[] {
  return detect(text).map(({ kind, start, end }) => ({ kind, start, end }));
}

export interface MaskOptions {
  /** Kinds to leave visible (a permitted role revealed them; the caller audits the reveal). */
  reveal?: readonly PiiKind[];
}

/**
 * `text` with personal data replaced by confirmable masks: phone 138****5678, ID
 * 110105********123X (first 6 + last 4), card **** **** **** 1234, e-mail z***@example.com,
 * address 北京市朝阳区***. Masking is idempotent: no mask is itself detected again.
 */
export function maskPii(text: string, options: MaskOptions = {}): string {
  const reveal = new Set(options.reveal ?? []);
  let out = '';
  let at = 0;
  for (const span of detect(text)) {
    if (reveal.has(span.kind)) continue;
    out += text.slice(at, span.start) + span.masked;
    at = span.end;
  }
  return out + text.slice(at);
}

import type { EvidenceBundle, EvidenceConversation, EvidenceMessage } from './bundle';

/*
 * The HTML transcript: one self-contained file a person can open, print (to PDF) and hand over.
 * Inline CSS only, no scripts, a CSP that forbids everything but inline styles and data: images,
 * and every piece of text escaped — chat text is never markup. The bundle itself rides along in
 * a <script type="application/json"> block (not executed: the CSP has no script-src), escaped so
 * chat text cannot close the block, so the HTML file alone can be verified.
 */

export type EvidenceLang = 'zh-CN' | 'en';

const LABELS = {
  'zh-CN': {
    title: '会话证据导出',
    exportedAt: '导出时间',
    exportedBy: '导出人',
    masked: '个人信息',
    maskedYes: '已脱敏',
    maskedNo: '未脱敏（经授权查看）',
    server: '服务器',
    counts: '会话 / 消息',
    digest: '最终摘要 (SHA-256)',
    chainHead: '哈希链末端',
    conversation: '会话',
    customer: '客户',
    counterpart: '服务方',
    platform: '平台客服',
    shop: '店铺',
    queue: '队列',
    status: '状态',
    channel: '渠道',
    createdAt: '创建时间',
    tickets: '关联工单',
    attachments: '附件',
    notIncluded: '未包含文件',
    unknownHash: '未能取得文件，无哈希',
    note: '内部备注',
    bot: '机器人',
    system: '系统',
    agent: '客服',
    verify: '校验：npm run verify-export -- <本文件>（修改、删除或调换任何消息都会校验失败）',
  },
  en: {
    title: 'Conversation evidence export',
    exportedAt: 'Exported at',
    exportedBy: 'Exported by',
    masked: 'Personal data',
    maskedYes: 'masked',
    maskedNo: 'NOT masked (revealed by a permitted role)',
    server: 'Server',
    counts: 'Conversations / messages',
    digest: 'Final digest (SHA-256)',
    chainHead: 'Hash chain head',
    conversation: 'Conversation',
    customer: 'Customer',
    counterpart: 'Counterpart',
    platform: 'Platform service',
    shop: 'Shop',
    queue: 'Queue',
    status: 'Status',
    channel: 'Channel',
    createdAt: 'Created',
    tickets: 'Linked tickets',
    attachments: 'Attachments',
    notIncluded: 'file not included',
    unknownHash: 'file could not be fetched, no hash',
    note: 'internal note',
    bot: 'Bot',
    system: 'System',
    agent: 'Agent',
    verify: 'Verify: npm run verify-export -- <this file> (any edited, deleted or reordered message fails)',
  },
} as const;
type Labels = (typeof LABELS)[EvidenceLang];

export const EVIDENCE_SCRIPT_ID = 'seatdesk-evidence';
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
/** Raster types only: an SVG is a document and could carry script. */
const INLINE_IMAGE = /^image\/(png|jpeg|gif|webp)$/;

const STYLE = `body{font:14px/1.5 system-ui,"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#1f1f1f}
h1{font-size:20px}h2{font-size:16px;margin-top:32px;border-bottom:1px solid #ddd}
table.meta td{padding:2px 12px 2px 0;vertical-align:top}code{font-size:12px;word-break:break-all}
ol.transcript{list-style:none;padding:0}ol.transcript li{margin:6px 0;padding:6px 10px;border-left:3px solid #d9d9d9}
ol.transcript li.customer{border-color:#1677ff}ol.transcript li.agent{border-color:#52c41a}ol.transcript li.bot{border-color:#722ed1}
ol.transcript li.note{background:#fffbe6;border-color:#faad14}ol.transcript li.event{color:#666;font-size:12px;border-color:#eee}
.who{font-weight:600;margin-right:8px}.when{color:#888;font-size:12px}.body{white-space:pre-wrap;word-break:break-word}
img{max-width:320px;display:block;margin-top:4px}@media print{body{margin:0}}`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON that cannot end a <script> block or open a comment: <, > and & become \u escapes. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** ISO-like UTC time: the same text wherever and whenever the file is opened. */
const time = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function sender(message: EvidenceMessage, entry: EvidenceConversation, agents: Map<string, string>, l: Labels): string {
  switch (message.senderKind) {
    case 'customer':
      return entry.customer?.name ?? l.customer;
    case 'agent':
      return `${l.agent} ${agents.get(message.senderId ?? '') ?? message.senderId ?? ''}`.trim();
    case 'bot':
      return l.bot;
    case 'system':
      return l.system;
  }
}

function attachmentList(message: EvidenceMessage, files: EvidenceBundle['files'], l: Labels): string {
  if (message.attachments.length === 0) return '';
  const items = message.attachments.map((file) => {
    const hash = file.sha256 ? `SHA-256 <code>${file.sha256}</code>` : escapeHtml(l.unknownHash);
    const data = files[file.id];
    const shown =
      data === undefined
        ? ` (${escapeHtml(l.notIncluded)})`
        : INLINE_IMAGE.test(file.mime) && /^[A-Za-z0-9+/=]*$/.test(data)
          ? `<img alt="${escapeHtml(file.name)}" src="data:${file.mime};base64,${data}">`
          : '';
    return `<li>${escapeHtml(file.name)} · ${escapeHtml(file.mime)} · ${file.size} B · ${hash}${shown}</li>`;
  });
  return `<div>${escapeHtml(l.attachments)}:<ul>${items.join('')}</ul></div>`;
}

function transcript(messages: EvidenceMessage[], entry: EvidenceConversation, bundle: EvidenceBundle, l: Labels): string {
  const agents = new Map(bundle.agents.map((a) => [a.id, a.displayName]));
  const items = messages.map((m) => {
    const cls = m.kind === 'text' ? m.senderKind : m.kind;
    const tag = m.kind === 'note' ? ` [${escapeHtml(l.note)}]` : m.event ? ` [${escapeHtml(m.event.type)}]` : '';
    return (
      `<li class="${cls}"><span class="who">${escapeHtml(sender(m, entry, agents, l))}${tag}</span>` +
      `<span class="when">#${m.position} · ${time(m.createdAt)}</span>` +
      `<div class="body">${escapeHtml(m.body)}</div>${attachmentList(m, bundle.files, l)}</li>`
    );
  });
  return `<ol class="transcript">${items.join('')}</ol>`;
}

function tickets(entry: EvidenceConversation, l: Labels): string {
  if (entry.tickets.length === 0) return '';
  const items = entry.tickets.map(({ ticket, events }) => {
    const timeline = events.map((e) => `<li><span class="when">${time(e.createdAt)}</span> ${escapeHtml(e.kind)} ${escapeHtml(e.body)}</li>`);
    return `<li><b>${escapeHtml(ticket.title)}</b> (${escapeHtml(ticket.status)}, ${escapeHtml(ticket.priority)})<div class="body">${escapeHtml(ticket.description)}</div><ul>${timeline.join('')}</ul></li>`;
  });
  return `<h3>${escapeHtml(l.tickets)}</h3><ul>${items.join('')}</ul>`;
}

function conversationSection(entry: EvidenceConversation, bundle: EvidenceBundle, l: Labels): string {
  const c = entry.conversation;
  const counterpart = entry.counterpart.kind === 'platform' ? l.platform : `${l.shop} ${entry.counterpart.shopName ?? entry.counterpart.shopId}`;
  const rows: [string, string][] = [
    [l.customer, entry.customer ? `${entry.customer.name} (${entry.customer.id})` : c.customerId],
    [l.counterpart, counterpart],
    [l.queue, entry.queueName ?? c.queueId],
    [l.status, c.status],
    [l.channel, c.channel],
    [l.createdAt, time(c.createdAt)],
  ];
  const messages = bundle.messages.filter((m) => m.conversationId === c.id);
  return (
    `<section><h2>${escapeHtml(l.conversation)} ${escapeHtml(c.id)}</h2>${metaTable(rows)}` +
    `${transcript(messages, entry, bundle, l)}${tickets(entry, l)}</section>`
  );
}

const metaTable = (rows: [string, string][]) =>
  `<table class="meta">${rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;

/** The whole transcript file for a sealed bundle. */
export function renderEvidenceHtml(bundle: EvidenceBundle, lang: EvidenceLang = 'zh-CN'): string {
  const l = LABELS[lang];
  const h = bundle.header;
  const meta = metaTable([
    [l.exportedAt, time(h.exportedAt)],
    [l.exportedBy, `${h.exportedBy.displayName} (${h.exportedBy.username}, ${h.exportedBy.role})`],
    [l.masked, h.masked ? l.maskedYes : l.maskedNo],
    [l.server, h.serverUrl],
    [l.counts, `${h.conversationCount} / ${h.messageCount}`],
  ]);
  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<title>${escapeHtml(l.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(l.title)}</h1>${meta}`,
    `<p>${escapeHtml(l.digest)}: <code>${bundle.digest}</code><br>${escapeHtml(l.chainHead)}: <code>${h.chainHead}</code></p>`,
    `<p>${escapeHtml(l.verify)}</p>`,
    ...bundle.conversations.map((entry) => conversationSection(entry, bundle, l)),
    `<script type="application/json" id="${EVIDENCE_SCRIPT_ID}">${jsonForScript(bundle)}</script>`,
    '</body></html>',
  ].join('\n');
}

const EMBEDDED = new RegExp(`<script type="application/json" id="${EVIDENCE_SCRIPT_ID}">([\\s\\S]*?)</script>`);

/** The bundle embedded in an exported HTML file (unchecked JSON), or null when there is none. */
export function bundleFromHtml(html: string): unknown {
  const match = EMBEDDED.exec(html);
  if (!match) return null;
  try {
    return JSON.parse(match[1]!) as unknown;
  } catch {
    return null;
  }
}

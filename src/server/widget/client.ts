import type { UploadResponse } from '../../shared/api/attachments';
import type { z } from 'zod';
import type {
  CustomerMessageResponse,
  CustomerMessagesResponseSchema,
  CustomerQueuesResponseSchema,
  CustomerSessionResponse,
  CustomerVisibleMessage,
} from '../../shared/api/customerChat';
import type { EscalationStatus } from '../../shared/api/escalation';
import type { AttachmentRef } from '../../shared/domain/conversations';

/**
 * The widget's script, run in the customer's browser. The server sends this function's source
 * (page.ts), so it must stand alone: no imports at run time, no names from outside its body.
 * Text from the server is only ever put into the page with textContent, never as HTML.
 */
type CustomerMessagesResponse = z.infer<typeof CustomerMessagesResponseSchema>;
type CustomerQueuesResponse = z.infer<typeof CustomerQueuesResponseSchema>;

export function widgetClient(): void {
  const TEXT = {
    zh: {
      title: '在线客服',
      queue: '咨询类型',
      placeholder: '请输入您的问题…',
      send: '发送',
      attach: '图片/文件',
      human: '转人工',
      platform: '转平台客服',
      typing: '对方正在输入…',
      read: '已读',
      connecting: '连接中…',
      online: '已连接',
      offline: '连接断开，正在重试…',
      me: '我',
      agent: '客服',
      bot: '智能助手',
      system: '系统',
      failed: '发送失败：',
      tooLarge: '文件太大',
      badType: '不支持的文件类型',
      escalated: '已为您转接平台客服',
      rate: '请为本次服务评分：',
      thanks: '感谢您的评价！',
      status: { bot: '智能助手服务中', queued: '排队中，请稍候', assigned: '人工客服服务中', waiting_customer: '人工客服服务中', resolved: '会话已结束', closed: '会话已关闭' },
    },
    en: {
      title: 'Customer service',
      queue: 'Topic',
      placeholder: 'Type your question…',
      send: 'Send',
      attach: 'Image/file',
      human: 'Talk to a person',
      platform: 'Ask the platform',
      typing: 'Typing…',
      read: 'Read',
      connecting: 'Connecting…',
      online: 'Connected',
      offline: 'Disconnected, retrying…',
      me: 'Me',
      agent: 'Agent',
      bot: 'Assistant',
      system: 'System',
      failed: 'Not sent: ',
      tooLarge: 'The file is too large',
      badType: 'This kind of file is not accepted',
      escalated: 'Transferred to the platform',
      rate: 'How did we do?',
      thanks: 'Thank you for your rating!',
      status: { bot: 'Assistant', queued: 'Waiting for an agent', assigned: 'Agent', waiting_customer: 'Agent', resolved: 'Finished', closed: 'Closed' },
    },
  };
  const params = new URLSearchParams(location.search);
  const lang = (params.get('lang') ?? navigator.language).toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const t = TEXT[lang];
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t.title;

  const $ = <E extends HTMLElement>(id: string): E => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`widget: #${id} missing`);
    return element as E;
  };
  const queueSelect = $<HTMLSelectElement>('queue');
  const list = $('messages');
  const input = $<HTMLTextAreaElement>('input');
  const sendButton = $<HTMLButtonElement>('send');
  const fileInput = $<HTMLInputElement>('file');
  const humanButton = $<HTMLButtonElement>('human');
  const platformButton = $<HTMLButtonElement>('platform');
  const typingLine = $('typing');
  const statusLine = $('status');
  const connection = $('connection');
  const errorLine = $('error');
  const ratingBar = $('rating');
  const ratingLabel = $('rating-label');
  const stars = $('stars');
  $('title').textContent = t.title;
  $('queue-label').textContent = t.queue;
  $('attach-label').textContent = t.attach;
  input.placeholder = t.placeholder;
  sendButton.textContent = t.send;
  humanButton.textContent = t.human;
  platformButton.textContent = t.platform;

  const store = {
    get: (key: string) => localStorage.getItem(`seatdesk.widget.${key}`),
    set: (key: string, value: string) => localStorage.setItem(`seatdesk.widget.${key}`, value),
  };
  let token = store.get('token') ?? '';
  let conversationId: string | null = null;
  let socket: WebSocket | null = null;
  let retryMs = 500;
  let typingSent = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let peerTypingTimer: ReturnType<typeof setTimeout> | undefined;
  const shown = new Map<string, HTMLElement>();

  async function api<T>(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
      body,
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({ message: response.statusText }))) as { message?: string };
      throw Object.assign(new Error(problem.message ?? String(response.status)), { status: response.status });
    }
    return (await response.json()) as T;
  }

  function showError(text: string): void {
    errorLine.textContent = text;
    errorLine.hidden = text === '';
  }

  function setConnection(state: 'connecting' | 'online' | 'offline'): void {
    connection.dataset.state = state;
    connection.textContent = t[state];
  }

  function senderName(kind: CustomerVisibleMessage['senderKind']): string {
    return kind === 'customer' ? t.me : kind === 'agent' ? t.agent : kind === 'bot' ? t.bot : t.system;
  }

  /** Fetches a file with the customer's token; the server never serves it to a bare URL. */
  async function blobUrl(ref: AttachmentRef): Promise<string> {
    const response = await fetch(`/api/attachments/${encodeURIComponent(ref.id)}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(String(response.status));
    return URL.createObjectURL(await response.blob());
  }

  function renderAttachment(ref: AttachmentRef): HTMLElement {
    if (ref.mime.startsWith('image/')) {
      const image = document.createElement('img');
      image.alt = ref.name;
      image.className = 'attachment-image';
      image.dataset.testid = 'widget-attachment-image';
      void blobUrl(ref).then((url) => (image.src = url)).catch(() => (image.alt = `⚠ ${ref.name}`));
      return image;
    }
    const link = document.createElement('a');
    link.textContent = `📎 ${ref.name}`;
    link.href = '#';
    link.className = 'attachment-file';
    link.addEventListener('click', (e) => {
      e.preventDefault();
      void blobUrl(ref).then((url) => {
        const save = document.createElement('a');
        save.href = url;
        save.download = ref.name;
        save.click();
      });
    });
    return link;
  }

  function render(message: CustomerVisibleMessage): void {
    if (message.conversationId !== conversationId || shown.has(message.id)) return;
    const item = document.createElement('li');
    item.className = `message from-${message.senderKind}`;
    item.dataset.testid = 'widget-message';
    item.dataset.sender = message.senderKind;
    item.dataset.id = message.id;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = senderName(message.senderKind);
    const body = document.createElement('div');
    body.className = 'body';
    body.textContent = message.body;
    item.append(who, body);
    for (const ref of message.attachments ?? []) item.append(renderAttachment(ref));
    if (message.senderKind === 'customer') {
      const read = document.createElement('span');
      read.className = 'read';
      item.append(read);
    }
    // Keep time order even when a push and a reload cross.
    const after = [...shown.values()].find((el) => Number(el.dataset.at) > message.createdAt);
    item.dataset.at = String(message.createdAt);
    list.insertBefore(item, after ?? null);
    shown.set(message.id, item);
    list.scrollTop = list.scrollHeight;
    if (message.senderKind !== 'customer') markRead(message.id);
  }

  function markRead(messageId: string): void {
    if (document.visibilityState === 'visible' && conversationId) send({ t: 'read', conversationId, messageId });
  }

  function showReadUpTo(messageId: string | null): void {
    const upTo = messageId ? shown.get(messageId) : undefined;
    if (!upTo) return;
    for (const el of shown.values()) {
      const read = el.querySelector('.read');
      if (read && Number(el.dataset.at) <= Number(upTo.dataset.at)) read.textContent = t.read;
    }
  }

  function showStatus(status: keyof typeof t.status): void {
    statusLine.textContent = t.status[status];
    statusLine.dataset.status = status;
    humanButton.hidden = status !== 'bot';
    const finished = status === 'resolved' || status === 'closed';
    if (finished && ratingBar.hidden) askForRating();
    if (!finished) ratingBar.hidden = true;
  }

  function askForRating(): void {
    ratingLabel.textContent = t.rate;
    stars.replaceChildren(
      ...[1, 2, 3, 4, 5].map((csat) => {
        const star = document.createElement('button');
        star.type = 'button';
        star.textContent = '★';
        star.title = String(csat);
        star.dataset.testid = `widget-rate-${csat}`;
        star.addEventListener('click', () => void rate(csat));
        return star;
      }),
    );
    ratingBar.hidden = false;
  }

  async function rate(csat: number): Promise<void> {
    if (!conversationId) return;
    try {
      await api('POST', `/api/customer/conversations/${encodeURIComponent(conversationId)}/rating`, JSON.stringify({ csat }));
    } catch (error) {
      // 409: rated before (another tab, an earlier visit): the thanks stand.
      if ((error as { status?: number }).status !== 409) return showError(t.failed + (error as Error).message);
    }
    ratingLabel.textContent = t.thanks;
    stars.replaceChildren();
  }

  async function refreshEscalation(): Promise<void> {
    if (!conversationId) return;
    try {
      const status = await api<EscalationStatus>('GET', `/api/customer/conversations/${encodeURIComponent(conversationId)}/escalation`);
      platformButton.hidden = !status.escalatable || status.escalatedFromQueueId !== null;
    } catch {
      platformButton.hidden = true;
    }
  }

  async function loadConversation(id: string): Promise<void> {
    conversationId = id;
    store.set(`conversation.${queueSelect.value}`, id);
    const history = await api<CustomerMessagesResponse>('GET', `/api/customer/conversations/${encodeURIComponent(id)}/messages`);
    history.messages.forEach(render);
    showStatus(history.status);
    showReadUpTo(history.agentReadUpTo);
    await refreshEscalation();
  }

  function send(frame: object): void {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  function connect(): void {
    setConnection('connecting');
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/customer/ws`);
    socket = ws;
    ws.addEventListener('open', () => ws.send(JSON.stringify({ t: 'auth', token })));
    ws.addEventListener('message', (event) => {
      const frame = JSON.parse(String(event.data)) as { t: string; name?: string; payload?: Record<string, unknown> };
      if (frame.t === 'hello') {
        setConnection('online');
        retryMs = 500;
        // Whatever happened while we were away.
        if (conversationId) void loadConversation(conversationId).catch(() => undefined);
        return;
      }
      if (frame.t !== 'event' || !frame.payload) return;
      const p = frame.payload;
      if (frame.name === 'messages.changed') render(p.message as CustomerVisibleMessage);
      else if (p.conversationId !== conversationId) return;
      else if (frame.name === 'typing.changed' && p.who === 'agent') showPeerTyping(p.typing === true);
      else if (frame.name === 'read.changed' && p.who === 'agent') showReadUpTo(p.messageId as string);
      else if (frame.name === 'conversations.changed') {
        showStatus(p.status as keyof typeof t.status);
        void refreshEscalation();
      }
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      setConnection('offline');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 15_000);
    });
  }

  function showPeerTyping(typing: boolean): void {
    typingLine.textContent = typing ? t.typing : '';
    clearTimeout(peerTypingTimer);
    // A lost "stopped" frame must not leave the hint up for ever.
    if (typing) peerTypingTimer = setTimeout(() => (typingLine.textContent = ''), 8000);
  }

  function typing(now: boolean): void {
    if (!conversationId || now === typingSent) return;
    typingSent = now;
    send({ t: 'typing', conversationId, typing: now });
  }

  async function post(text: string, attachmentIds: string[] = []): Promise<void> {
    showError('');
    const body: Record<string, unknown> = { queueId: queueSelect.value, text, clientMessageId: crypto.randomUUID() };
    if (conversationId) body.conversationId = conversationId;
    if (attachmentIds.length > 0) body.attachmentIds = attachmentIds;
    try {
      const answer = await api<CustomerMessageResponse>('POST', '/api/customer/messages', JSON.stringify(body));
      if (answer.conversationId !== conversationId) {
        list.replaceChildren();
        shown.clear();
        await loadConversation(answer.conversationId);
      }
      render(answer.message);
    } catch (error) {
      showError(t.failed + (error as Error).message);
      throw error;
    }
  }

  async function sendTyped(): Promise<void> {
    const text = input.value.trim();
    if (!text) return;
    sendButton.disabled = true;
    try {
      await post(text);
      input.value = '';
      typing(false);
    } catch {
      // shown by post()
    } finally {
      sendButton.disabled = false;
      input.focus();
    }
  }

  async function sendFile(file: File): Promise<void> {
    try {
      const uploaded = await api<UploadResponse>('POST', '/api/attachments', file, {
        'content-type': file.type || 'application/octet-stream',
        'x-filename': encodeURIComponent(file.name),
      });
      await post('', [uploaded.attachment.id]);
    } catch (error) {
      const status = (error as { status?: number }).status;
      showError(status === 413 ? t.tooLarge : status === 415 ? t.badType : t.failed + (error as Error).message);
    }
  }

  sendButton.addEventListener('click', () => void sendTyped());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void sendTyped();
    }
  });
  input.addEventListener('input', () => {
    typing(input.value.trim() !== '');
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => typing(false), 3000);
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) void sendFile(file);
  });
  // The bot hands over on these words (bot/humanRequest.ts).
  humanButton.addEventListener('click', () => void post(lang === 'zh' ? '转人工' : 'human').catch(() => undefined));
  platformButton.addEventListener('click', () => {
    if (!conversationId) return;
    void api<EscalationStatus>('POST', `/api/customer/conversations/${encodeURIComponent(conversationId)}/escalate`)
      .then(() => {
        platformButton.hidden = true;
        statusLine.textContent = t.escalated;
      })
      .catch((error: Error) => showError(t.failed + error.message));
  });
  queueSelect.addEventListener('change', () => {
    list.replaceChildren();
    shown.clear();
    conversationId = null;
    statusLine.textContent = '';
    humanButton.hidden = true;
    platformButton.hidden = true;
    ratingBar.hidden = true;
    const kept = store.get(`conversation.${queueSelect.value}`);
    if (kept) void loadConversation(kept).catch(() => (conversationId = null));
  });
  document.addEventListener('visibilitychange', () => {
    const last = [...shown.values()].pop();
    if (last?.dataset.id && last.dataset.sender !== 'customer') markRead(last.dataset.id);
  });

  async function start(): Promise<void> {
    const session = await api<CustomerSessionResponse>('POST', '/api/customer/sessions', JSON.stringify(token ? { token } : {}));
    token = session.token;
    store.set('token', token);
    const { queues } = await api<CustomerQueuesResponse>('GET', '/api/customer/queues');
    for (const queue of queues.filter((q) => q.channels.includes('chat'))) {
      const option = document.createElement('option');
      option.value = queue.id;
      option.textContent = queue.name;
      queueSelect.append(option);
    }
    const wanted = params.get('queue');
    if (wanted && queues.some((q) => q.id === wanted)) queueSelect.value = wanted;
    humanButton.hidden = true;
    platformButton.hidden = true;
    connect();
    queueSelect.dispatchEvent(new Event('change'));
  }

  start().catch((error: Error) => showError(t.failed + error.message));
}

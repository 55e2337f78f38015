import { widgetClient } from './client';

/*
 * The customer chat widget: one small page, its stylesheet and its script, all from this server,
 * so the Content-Security-Policy can forbid everything else (no inline script, no third parties).
 */

export const WIDGET_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // Attachments are fetched with the customer's token and shown from blob: URLs.
  "img-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const WIDGET_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>在线客服</title>
<link rel="stylesheet" href="/widget/widget.css">
<script src="/widget/widget.js" defer></script>
</head>
<body>
<main class="widget">
  <header>
    <h1 id="title">在线客服</h1>
    <span id="connection" data-testid="widget-connection" data-state="connecting"></span>
  </header>
  <label class="queue"><span id="queue-label">咨询类型</span> <select id="queue" data-testid="widget-queue"></select></label>
  <div class="bar">
    <span id="status" data-testid="widget-status"></span>
    <button id="human" type="button" data-testid="widget-human" hidden></button>
    <button id="platform" type="button" data-testid="widget-platform" hidden></button>
  </div>
  <ol id="messages" data-testid="widget-messages" aria-live="polite"></ol>
  <div id="rating" class="rating" data-testid="widget-rating" hidden><span id="rating-label"></span> <span id="stars"></span></div>
  <div id="typing" data-testid="widget-typing" class="typing"></div>
  <div id="error" data-testid="widget-error" class="error" role="alert" hidden></div>
  <footer>
    <textarea id="input" data-testid="widget-input" rows="2" maxlength="5000"></textarea>
    <label class="attach"><span id="attach-label">图片/文件</span>
      <input id="file" data-testid="widget-file" type="file" accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.docx,.xlsx"></label>
    <button id="send" type="button" data-testid="widget-send"></button>
  </footer>
</main>
</body>
</html>
`;

export const WIDGET_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; background: #f5f6f8; color: #1f2329; }
.widget { display: flex; flex-direction: column; height: 100vh; max-width: 480px; margin: 0 auto; background: #fff; }
header { display: flex; align-items: center; justify-content: space-between; padding: 10px 14px; background: #ff2442; color: #fff; }
h1 { font-size: 16px; margin: 0; }
#connection { font-size: 12px; opacity: .9; }
.queue, .bar { display: flex; align-items: center; gap: 8px; padding: 8px 14px; border-bottom: 1px solid #eee; }
.bar { min-height: 40px; }
#status { flex: 1; color: #646a73; }
#messages { flex: 1; overflow-y: auto; list-style: none; margin: 0; padding: 12px 14px; }
.message { margin: 8px 0; max-width: 80%; }
.message .who { display: block; font-size: 12px; color: #8f959e; }
.message .body { display: inline-block; padding: 8px 12px; border-radius: 10px; background: #f2f3f5; white-space: pre-wrap; word-break: break-word; }
.message .body:empty { display: none; }
.from-customer { margin-left: auto; text-align: right; }
.from-customer .body { background: #ffe4e8; }
.from-system .body { background: none; color: #8f959e; font-size: 12px; }
.read { display: block; font-size: 11px; color: #8f959e; }
.attachment-image { display: block; min-width: 24px; max-width: 220px; max-height: 220px; margin-top: 4px; border-radius: 6px; }
.from-customer .attachment-image { margin-left: auto; }
.attachment-file { display: inline-block; margin-top: 4px; }
.rating { padding: 8px 14px; border-top: 1px solid #eee; color: #646a73; }
.rating[hidden] { display: none; }
.rating button { padding: 0 4px; background: none; color: #f5a623; font-size: 20px; }
.typing { min-height: 20px; padding: 0 14px; font-size: 12px; color: #8f959e; }
.error { padding: 6px 14px; color: #d83931; font-size: 12px; }
footer { display: flex; gap: 8px; align-items: flex-end; padding: 10px 14px; border-top: 1px solid #eee; }
textarea { flex: 1; resize: none; padding: 6px 8px; border: 1px solid #d0d3d6; border-radius: 6px; font: inherit; }
.attach { cursor: pointer; font-size: 12px; color: #646a73; }
.attach input { display: none; }
button { padding: 6px 14px; border: 0; border-radius: 6px; background: #ff2442; color: #fff; font: inherit; cursor: pointer; }
button[hidden] { display: none; }
#human, #platform { padding: 4px 10px; font-size: 12px; background: #fff; color: #ff2442; border: 1px solid #ff2442; }
`;

/** The script: the client function's own (compiled) source, called once the page has loaded. */
export const WIDGET_JS = `"use strict";\n(${widgetClient.toString()})();\n`;

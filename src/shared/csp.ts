/**
 * The Content-Security-Policy of every Seatdesk window, in Electron and in browser mode.
 * Scripts only from our own bundle; styles may be inline because antd writes its CSS-in-JS into
 * <style> tags; no plugins, frames, forms or foreign connections.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/*
 * The server's public surface for other processes in this repo (the Node host starts an
 * embedded demo server; integration tests start real ones). Everything else is internal.
 */
export { startServer, type RunningServer, type StartServerOptions } from './app';
export { DEFAULT_SESSION_TTL_MS } from './accounts/service';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoUsername } from './demo/seed';
export { SERVER_NAME, SERVER_VERSION } from './version';

/*
 * Name and version the server reports on /api/health. Kept as constants because src/server
 * may not import package.json (it sits outside src/shared); bump together with package.json.
 */
export const SERVER_NAME = 'seatdesk-server' as const;
export const SERVER_VERSION = '0.1.0';

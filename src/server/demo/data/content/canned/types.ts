/** A canned reply as written: [shortcut, title, body]. The body may use the CANNED_VARIABLES. */
export type CannedRow = [shortcut: string, title: string, body: string];

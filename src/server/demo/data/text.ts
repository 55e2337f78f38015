/** Values for the {placeholders} of the content templates. */
export type Vars = Record<string, string | number | undefined>;

/** Fills {key} placeholders; a missing value is a bug in the templates, so it throws. */
export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`no value for {${key}} in "${template}"`);
    return String(value);
  });
}

/** The placeholders a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

/** Zero-padded decimal. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Yuan from whole fen, exact to two decimals. */
export function yuan(fen: number): number {
  return Math.round(fen) / 100;
}

/** "129.00"-style amount for chat text. */
export function yuanText(fen: number): string {
  return (Math.round(fen) / 100).toFixed(2);
}

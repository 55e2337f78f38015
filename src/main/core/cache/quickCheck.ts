import type { z } from 'zod';

/**
 * A structural check compiled from a zod schema, for the rows a sync brings by the hundred
 * thousand: true when the value certainly passes the schema as it is (zod's output would be the
 * same value, less any unknown keys), false when it cannot tell. Callers then ask zod itself,
 * which also says what is wrong. zod's own parse builds a new object per row and cost about a
 * fifth of the core's time in a first sync (docs/benchmarks.md); this reads the value in place.
 *
 * Compiled from the schema's definition (`_zod.def`), so it follows the schemas as they change.
 * Anything it does not know — transforms, defaults, refinements, formats other than a regex,
 * strict objects — compiles to "cannot tell", never to a guess.
 */
export type QuickCheck = (value: unknown) => boolean;

const unsure: QuickCheck = () => false;

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  catchall?: z.ZodType;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function quickCheck(schema: z.ZodType): QuickCheck {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((check) => checkOf(check._zod.def));
  if (checks.includes(null)) return unsure;
  const own = checks as ((value: never) => boolean)[];
  const base = typeCheck(def);
  if (own.length === 0) return base;
  return (value) => base(value) && own.every((check) => check(value as never));
}

function typeCheck(def: Def): QuickCheck {
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'unknown':
    case 'any':
      return () => true;
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => allowed.has(value);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return (value) => allowed.has(value);
    }
    case 'nullable': {
      const inner = quickCheck(def.innerType!);
      return (value) => value === null || inner(value);
    }
    case 'optional': {
      const inner = quickCheck(def.innerType!);
      return (value) => value === undefined || inner(value);
    }
    case 'array': {
      const element = quickCheck(def.element!);
      return (value) => Array.isArray(value) && value.every(element);
    }
    case 'union': {
      const options = def.options!.map(quickCheck);
      return (value) => options.some((option) => option(value));
    }
    case 'record': {
      if (defOf(def.keyType!).type !== 'string' || (defOf(def.keyType!).checks ?? []).length > 0) return unsure;
      const item = quickCheck(def.valueType!);
      return (value) => isPlainObject(value) && Object.values(value).every(item);
    }
    case 'object': {
      if (def.catchall !== undefined && defOf(def.catchall).type !== 'unknown') return unsure;
      const fields = Object.entries(def.shape!).map(([key, field]) => [key, quickCheck(field)] as const);
      return (value) => isPlainObject(value) && fields.every(([key, check]) => check(value[key]));
    }
    default:
      return unsure;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One of a schema's checks, or null for one this does not know. */
function checkOf(def: CheckDef): ((value: never) => boolean) | null {
  switch (def.check) {
    case 'string_format': {
      if (def.format !== 'regex' || !def.pattern || def.pattern.global || def.pattern.sticky) return null;
      const pattern = def.pattern;
      return (value: string) => pattern.test(value);
    }
    case 'number_format':
      return def.format === 'safeint' ? (value: number) => Number.isSafeInteger(value) : null;
    case 'greater_than': {
      const bound = def.value!;
      return def.inclusive ? (value: number) => value >= bound : (value: number) => value > bound;
    }
    case 'less_than': {
      const bound = def.value!;
      return def.inclusive ? (value: number) => value <= bound : (value: number) => value < bound;
    }
    case 'min_length': {
      const minimum = def.minimum!;
      return (value: { length: number }) => value.length >= minimum;
    }
    case 'max_length': {
      const maximum = def.maximum!;
      return (value: { length: number }) => value.length <= maximum;
    }
    case 'length_equals': {
      const length = def.length!;
      return (value: { length: number }) => value.length === length;
    }
    default:
      return null;
  }
}

import fc from "fast-check";
import type { z } from "zod";

/**
 * Hostile input for a procedure, derived from its zod input schema: the right shape with
 * boundary and malicious values in it, and now and then the wrong type altogether.
 */

const HUGE = "𝕏".repeat(300_000); // 600,000 UTF-16 units, 1.2 MB of UTF-8
const hostileStrings = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "line\u0000\nbreak",
    "\u001b[2J",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "'; drop table users; --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00%0d%0a",
    "__proto__",
    "constructor",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "a@b.c",
    "https://127.0.0.1:1/",
    "2026-02-30",
    "9999-12-31T23:59:59Z",
    "0000-01-01",
    "+275760-09-13T00:00:00Z",
    "-1",
    "1e309",
    HUGE,
  ),
);
const hostileNumbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    2 ** 31,
    2 ** 53,
    2 ** 53 - 1,
    -(2 ** 53),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e308,
  ),
);
/** Objects whose own keys try prototype pollution. */
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true, "role": "ADMIN"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  { prototype: { polluted: true } },
);
/** Anything at all, of any type. */
export const anyHostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, false, [], {}, Number.NaN),
  hostileStrings,
  hostileNumbers,
  pollution,
  fc.anything({ maxDepth: 2 }),
  fc.array(fc.constantFrom(1, "a", null), { maxLength: 3 }),
);

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def | null =>
  (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def ?? null;

/** Values shaped by the schema, each slot sometimes replaced by anything hostile. */
export const hostileFor = (schema: z.ZodType | unknown, depth = 0): fc.Arbitrary<unknown> => {
  const def = defOf(schema);
  const shaped = def && depth < 4 ? shapedBy(def, depth) : null;
  return shaped
    ? fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: anyHostile, weight: 1 })
    : anyHostile;
};

const shapedBy = (def: Def, depth: number): fc.Arbitrary<unknown> | null => {
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const record = fc.record(
        Object.fromEntries(Object.entries(shape).map(([key, inner]) => [key, hostileFor(inner, depth + 1)])),
        { requiredKeys: [] },
      );
      // Extra keys, the polluting ones among them, beside the expected ones.
      return fc
        .tuple(record, fc.option(pollution, { nil: undefined }))
        .map(([value, extra]) => (extra ? Object.assign(Object.create(null), extra, value) : value));
    }
    case "string":
      return hostileStrings;
    case "number":
    case "int":
    case "bigint":
      return hostileNumbers;
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.oneof(fc.date(), fc.constant(new Date(Number.NaN)));
    case "enum":
      return fc.oneof(
        fc.constantFrom(...Object.values(def.entries as Record<string, string>)),
        hostileStrings,
      );
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "array":
      return fc.oneof(
        fc.array(hostileFor(def.element, depth + 1), { maxLength: 4 }),
        fc.constant(Array.from({ length: 5_000 }, () => "x")),
      );
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return fc.oneof(hostileFor(def.innerType, depth), fc.constantFrom(undefined, null));
    case "pipe":
      return hostileFor(def.in, depth);
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((option) => hostileFor(option, depth)));
    case "record":
      return fc.dictionary(hostileStrings, hostileFor(def.valueType, depth + 1), { maxKeys: 4 });
    default:
      return null;
  }
};

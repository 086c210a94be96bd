import fc from "fast-check";
import type { z } from "zod";
import { anyHostile, hostileFor } from "./hostile-input.ts";

/**
 * Valid input for a procedure, derived from its zod input schema, so that a fuzzed call gets
 * past the schema and meets the business rules: ids come from the test's fixtures (by field
 * name), every other slot from a short list of plausible values, the first the schema accepts.
 */

type Def = { type: string; [key: string]: unknown };
type Schema = z.ZodType;
const defOf = (schema: unknown): Def | null =>
  (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def ?? null;
const accepts = (schema: unknown, value: unknown) =>
  (schema as { safeParse?: (value: unknown) => { success: boolean } }).safeParse?.(value).success ?? false;

/** A value for a field by its name (an id from the fixtures, a unique slug …); undefined: derive one. */
export type FieldValues = (field: string) => unknown;

// A 1×1 transparent PNG: the smallest logo the upload accepts.
const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/** Plausible strings, tried in order until the schema takes one. */
const stringCandidates = (unique: number): string[] => [
  `Fuzz value ${unique}`,
  `fuzz-${unique}`,
  `fuzz${unique}@fuzz.test`,
  `https://hooks.example.com/fuzz/${unique}`,
  `fuzz${unique}.example.com`,
  "#336699",
  "2026-06-01",
  "2026-06-01T12:00:00.000Z",
  "correct-horse-battery-staple",
  PNG_1X1,
  "image/png",
  "00000000-0000-4000-8000-000000000000",
  "This is a reasonably long description of a fuzzed problem.",
];
const NUMBER_CANDIDATES = [1, 12, 30, 100, 5, 0, 2_000, 100_000];

const NESTED_TYPES = new Set([
  "optional",
  "nullable",
  "default",
  "prefault",
  "readonly",
  "catch",
  "nonoptional",
]);

/** A value the schema accepts, or undefined when none of the candidates fits. */
export const validFor = (schema: unknown, values: FieldValues, unique: number, field = ""): unknown => {
  const def = defOf(schema);
  if (!def) return undefined;
  const named = field ? values(field) : undefined;
  if (named !== undefined && accepts(schema, named)) return named;
  if (NESTED_TYPES.has(def.type)) return validFor(def.innerType, values, unique, field);
  switch (def.type) {
    case "object":
      return validObject(schema, def, values, unique);
    case "pipe": {
      // The checks often sit on the output side (trim, then email): derive from it first.
      const fromOut = validFor(def.out, values, unique, field);
      return accepts(schema, fromOut) ? fromOut : validFor(def.in, values, unique, field);
    }
    case "intersection":
      return {
        ...(validFor(def.left, values, unique) as object),
        ...(validFor(def.right, values, unique) as object),
      };
    case "union":
      return (def.options as unknown[])
        .map((option) => validFor(option, values, unique, field))
        .find((value) => accepts(schema, value));
    case "array": {
      const element = validFor(def.element, values, unique, field);
      return element === undefined ? [] : [element];
    }
    case "record":
      return {};
    case "enum":
      return Object.values(def.entries as Record<string, string>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "boolean":
      return true;
    case "date":
      return new Date("2026-06-01T12:00:00.000Z");
    case "number":
    case "int":
      return NUMBER_CANDIDATES.find((value) => accepts(schema, value));
    case "string":
      return stringCandidates(unique).find((value) => accepts(schema, value));
    default:
      return undefined;
  }
};

/** All keys first; then without the optional ones that a cross-field rule may refuse together. */
const validObject = (schema: unknown, def: Def, values: FieldValues, unique: number) => {
  const shape = def.shape as Record<string, unknown>;
  const full: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(shape)) {
    const value = validFor(inner, values, unique, key);
    if (value !== undefined) full[key] = value;
  }
  if (accepts(schema, full)) return full;
  const required = Object.fromEntries(
    Object.entries(full).filter(([key]) => !accepts(shape[key], undefined)),
  );
  if (accepts(schema, required)) return required;
  // One optional key at a time back in, kept when the whole still parses.
  const kept = { ...required };
  for (const [key, value] of Object.entries(full)) {
    if (key in kept) continue;
    if (accepts(schema, { ...kept, [key]: value })) kept[key] = value;
  }
  return kept;
};

/**
 * The valid input with exactly one slot hostile: a top-level field of an object input (its
 * value derived from that field's schema, or anything at all), else the whole input hostile.
 */
export const oneHostileSlot = (schema: Schema | undefined, valid: unknown): fc.Arbitrary<unknown> => {
  const shape = defOf(schema)?.shape as Record<string, unknown> | undefined;
  if (!schema || !shape || typeof valid !== "object" || valid === null) {
    return schema ? hostileFor(schema) : anyHostile;
  }
  const keys = Object.keys(shape);
  if (keys.length === 0) return anyHostile;
  return fc
    .constantFrom(...keys)
    .chain((key) => hostileFor(shape[key]).map((value) => ({ ...valid, [key]: value })));
};

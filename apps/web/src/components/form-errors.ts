/** A message for one dotted path, as zod issues and the API's `fieldErrors` both name them. */
export interface PathMessage {
  path: string;
  message: string;
}

const isBranch = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  !(value instanceof Date) &&
  !(value instanceof Blob) &&
  Object.keys(value).length > 0;

/** The dotted paths of a form's fields: the leaves of its values (`billingAddress.city` …). */
export const fieldPathsOf = (values: unknown, prefix = ""): string[] =>
  isBranch(values)
    ? Object.entries(values).flatMap(([key, value]) => fieldPathsOf(value, prefix ? `${prefix}.${key}` : key))
    : prefix
      ? [prefix]
      : [];

/**
 * Puts each message on the field that shows it: the field itself (or the group it names), else
 * the nearest field above it (`metadata.plan` lands on `metadata`, prefixed "plan: "), else the
 * form as a whole (`root`), so no message is ever dropped.
 */
export const placeMessages = (messages: PathMessage[], fields: string[]): Map<string, string> => {
  const placed = new Map<string, string>();
  const add = (path: string, message: string) => {
    if (!placed.has(path)) placed.set(path, message);
  };
  for (const { path, message } of messages) {
    if (path !== "" && fields.some((field) => field === path || field.startsWith(`${path}.`))) {
      add(path, message);
      continue;
    }
    const above = fields
      .filter((field) => path.startsWith(`${field}.`))
      .sort((a, b) => b.length - a.length)[0];
    const rest = path.slice((above?.length ?? 0) + 1);
    // A list typed as text (`holidays.2`) names the entry by its place, counted from 1.
    const where = /^\d+$/.test(rest) ? `entry ${Number(rest) + 1}` : rest;
    if (above) add(above, `${where}: ${message}`);
    else add("root", path ? `${path}: ${message}` : message);
  }
  return placed;
};

/** The flat messages of react-hook-form's nested errors (what `zodResolver` returns). */
export const messagesOf = (errors: unknown, prefix = ""): PathMessage[] => {
  if (typeof errors !== "object" || errors === null) return [];
  const node = errors as Record<string, unknown>;
  const own = typeof node.message === "string" ? [{ path: prefix, message: node.message }] : [];
  const nested = Object.entries(node)
    .filter(([key]) => !["message", "type", "ref", "types"].includes(key))
    .flatMap(([key, child]) => messagesOf(child, prefix ? `${prefix}.${key}` : key));
  return [...own, ...nested];
};

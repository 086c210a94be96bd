import { DomainError } from "../errors.ts";

/** What a macro's body may name, each filled in from the ticket it is applied to. */
export const MACRO_PLACEHOLDERS = [
  "customer.name",
  "organization.name",
  "ticket.number",
  "ticket.subject",
  "agent.name",
] as const;
type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];
export type MacroValues = Record<MacroPlaceholder, string>;

/** `{{ name }}`, spaces inside the braces allowed; anything between the braces is its name. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isKnown = (name: string): name is MacroPlaceholder =>
  (MACRO_PLACEHOLDERS as readonly string[]).includes(name);

/** The placeholder names a body uses that are not ours, each once, in order of appearance. */
export const unknownPlaceholders = (body: string): string[] => {
  const unknown = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!isKnown(name)) unknown.add(name);
  }
  return [...unknown];
};

/** The sentence a refused body gets: which placeholders are unknown and which exist. */
export const unknownPlaceholderMessage = (unknown: readonly string[]) =>
  `uses ${unknown.map((name) => `{{${name}}}`).join(", ")}, which ${unknown.length === 1 ? "is" : "are"} not a placeholder; use ${MACRO_PLACEHOLDERS.map((name) => `{{${name}}}`).join(", ")}`;

/**
 * The reply a macro writes on one ticket: each placeholder replaced by its value, taken
 * literally (a value holding `{{…}}` or `$&` stays as it is). Bodies are checked when saved,
 * so an unknown name here is a stored body that predates the check: refused, naming `body`.
 */
export const renderMacro = (body: string, values: MacroValues): string => {
  const unknown = unknownPlaceholders(body);
  if (unknown.length > 0) {
    throw new DomainError("VALIDATION_FAILED", `body ${unknownPlaceholderMessage(unknown)}`, {
      field: "body",
    });
  }
  return body.replace(PLACEHOLDER, (_match, name: MacroPlaceholder) => values[name]);
};

import { z } from "zod";

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Whether `value` holds a C0 control character or DEL. PostgreSQL cannot store NUL in text
 * at all, and the others hide or rewrite text in logs and screens; multi-line text keeps
 * tab, line feed and carriage return.
 */
export const hasControlCharacter = (value: string, multiline = false): boolean => {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && code !== 0x7f) continue;
    if (multiline && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) continue;
    return true;
  }
  return false;
};

/**
 * The one builder for free-text inputs: trimmed (unless `trim: false`) and free of control
 * characters, so that every input schema refuses them the same way, naming the field.
 * Chain `.min()`/`.max()` as on any string.
 */
export const textInput = (options: { multiline?: boolean; trim?: boolean } = {}) => {
  const base = options.trim === false ? z.string() : z.string().trim();
  return base.refine((value) => !hasControlCharacter(value, options.multiline), {
    message: options.multiline
      ? "must not contain control characters other than tabs and line breaks"
      : "must not contain control characters",
  });
};

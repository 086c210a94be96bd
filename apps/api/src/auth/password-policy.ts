import { DomainError } from "@tessera/domain";

/** zxcvbn's scale: 3 is "safely unguessable" (about 10^10 guesses), what we ask for. */
const MIN_SCORE = 3;

type Checker = { check(password: string, userInputs?: string[]): { score: number; feedback: Feedback } };
interface Feedback {
  warning: string | null;
  suggestions: string[];
}

let checker: Promise<Checker> | null = null;

/**
 * zxcvbn-ts with the bundled common dictionaries (passwords, names, keyboard patterns); loaded
 * on the first check, as the dictionaries are megabytes most processes never need. No network.
 */
const loadChecker = (): Promise<Checker> => {
  checker ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({ graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary } }),
  );
  return checker;
};

const WARNINGS: Record<string, string> = {
  common: "is one of the most common passwords",
  commonNames: "is built on a common name",
  similarToCommon: "is too close to a common password",
  wordByItself: "is a single word",
  keyPattern: "follows a keyboard pattern",
  straightRow: "is a row of keys",
  simpleRepeat: "repeats characters",
  extendedRepeat: "repeats a pattern",
  sequences: "is a sequence like abc or 123",
  recentYears: "relies on a recent year",
  dates: "relies on a date",
  userInputs: "contains your name, email or the product's name",
};

/**
 * Refuse a guessable password, naming the field and why. `about` holds what an attacker
 * would try first for this account (email, name): a password built on them scores low.
 */
export const assertPasswordAcceptable = async (
  password: string,
  about: { email?: string; name?: string } = {},
  field = "password",
): Promise<void> => {
  const inputs = [
    "tessera",
    ...(about.email?.split(/[@.]/) ?? []),
    ...(about.name?.split(/\s+/) ?? []),
  ].filter((input) => input.length >= 3);
  const result = (await loadChecker()).check(password, inputs);
  if (result.score >= MIN_SCORE) return;
  const why = WARNINGS[result.feedback.warning ?? ""] ?? "is too easy to guess";
  throw new DomainError("WEAK_PASSWORD", `${field} ${why}: use a longer phrase of unrelated words`, {
    field,
  });
};

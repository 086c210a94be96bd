import { apiProblem } from "../trpc.ts";

/**
 * The API's message for one field of a form: a validation error's own list, or a refusal that
 * names the field (`MFA_CODE_INVALID` on `code`, `INVALID_CREDENTIALS` on `currentPassword` …).
 */
export const fieldProblem = (error: unknown, field: string): string[] | undefined => {
  const problem = apiProblem(error);
  if (!problem) return undefined;
  if (problem.fieldErrors[field]) return problem.fieldErrors[field];
  const named = (error as { data?: { field?: unknown } }).data?.field;
  return named === field ? [problem.message] : undefined;
};

import { apiProblem } from "../trpc.ts";

/**
 * Whether a failed load means the record is not there for this user: NOT_FOUND (the API
 * says so for records of other organisations too), or an id in the address that cannot
 * name any record (refused as VALIDATION_FAILED on `…Id` fields alone).
 */
export const isMissingRecord = (error: unknown) => {
  const problem = apiProblem(error);
  if (!problem) return false;
  if (problem.code === "NOT_FOUND") return true;
  const fields = Object.keys(problem.fieldErrors);
  return (
    problem.code === "VALIDATION_FAILED" && fields.length > 0 && fields.every((field) => field.endsWith("Id"))
  );
};

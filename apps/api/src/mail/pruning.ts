import { mailOutbox } from "@tessera/db/schema";
import { and, inArray, lt } from "drizzle-orm";
import type { AppDeps } from "../context.ts";

/** How long a finished mail (its rendering and attempts) is kept for the Sent email page. */
const KEEP_DAYS = 30;

/** Delete finished mails older than the retention; pending ones stay whatever their age. */
export const pruneMail = async (deps: Pick<AppDeps, "db">, now: Date): Promise<number> => {
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 86_400_000);
  const deleted = await deps.db
    .delete(mailOutbox)
    .where(and(inArray(mailOutbox.status, ["SENT", "SKIPPED", "DEAD"]), lt(mailOutbox.createdAt, cutoff)))
    .returning({ id: mailOutbox.id });
  return deleted.length;
};

import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Shared column pieces: every table has a uuid key and created/updated timestamps. */
export const id = () => uuid().primaryKey().defaultRandom();

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

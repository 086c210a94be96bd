import { z } from "zod";

/** The instants an input may name: PostgreSQL refuses year 0, and nothing here predates 1970. */
const EARLIEST_INPUT_DATE = new Date("1970-01-01T00:00:00.000Z");
const LATEST_INPUT_DATE = new Date("9999-12-31T23:59:59.999Z");

/** The shared date input: an ISO string or a Date, between 1970 and 9999. */
export const dateInput = () =>
  z.coerce
    .date({ message: "must be a date such as 2026-01-31" })
    .min(EARLIEST_INPUT_DATE, { message: "must not be before 1970" })
    .max(LATEST_INPUT_DATE, { message: "must not be after 9999" });

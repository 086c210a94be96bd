import { useDateFormat } from "./use-date-format.ts";

type Instant = Date | string | number | null | undefined;

/**
 * Dates as elements, for places that cannot call a hook themselves: table column definitions
 * are module constants, and their cells render these.
 */
export const DayText = ({ value }: { value: Instant }) => <>{useDateFormat().day(value)}</>;

export const InstantText = ({ value }: { value: Instant }) => <>{useDateFormat().instant(value)}</>;

/** A usage period `YYYY-MM`, saying it is a UTC month. */
export const UtcPeriodText = ({ value }: { value: string }) => <>{useDateFormat().utcPeriod(value)}</>;

/** A UTC day `YYYY-MM-DD`, as the person reads days. */
export const UtcDayText = ({ value }: { value: string }) => <>{useDateFormat().utcDay(value)}</>;

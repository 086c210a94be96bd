/** The end of a day typed in a date input, in local time: a key set to expire then works through that day. */
export const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59.999`) : undefined);

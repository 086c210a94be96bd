/** A date as people read it in mail: "1 July 2026", in UTC so every recipient sees the same day. */
export const longDay = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

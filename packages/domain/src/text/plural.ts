/**
 * A count with its noun in the right number ("1 ticket", "2 tickets", "1,250 deliveries"):
 * pass the plural when adding "s" is wrong. Counts are grouped in thousands, in English as
 * the product's copy is.
 */
export const countOf = (count: number, one: string, many = `${one}s`): string =>
  `${COUNT_FORMAT.format(count)} ${count === 1 ? one : many}`;

const COUNT_FORMAT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** A PostgreSQL WAL position (`16/B374D848`) as one comparable number. */
const parseLsn = (lsn: string): bigint => {
  const [high, low] = lsn.split("/");
  if (high === undefined || low === undefined) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
};

/** Whether a replica that has replayed up to `replayed` holds everything written up to `target`. */
export const lsnReached = (replayed: string | null, target: string): boolean =>
  replayed !== null && parseLsn(replayed) >= parseLsn(target);

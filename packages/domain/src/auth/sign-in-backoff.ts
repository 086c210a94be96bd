/**
 * How long one (email, address) pair waits before its next sign-in attempt after `failures`
 * failed ones in a row: base, 2×base, 4×base … capped at `maxSeconds`. Zero base: no wait.
 */
export const signInBackoffSeconds = (failures: number, baseSeconds: number, maxSeconds: number): number => {
  if (failures < 1 || baseSeconds <= 0) return 0;
  // 2^30 already exceeds any window: stop doubling there rather than overflow.
  return Math.min(maxSeconds, baseSeconds * 2 ** Math.min(failures - 1, 30));
};

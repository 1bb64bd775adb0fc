/**
 * Change from the previous plan in whole percent, rounded half away from zero as the print
 * does (-24,6 % → -25 %). `null` where there was no previous plan (no base to compare).
 */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  const exact = ((current - previous) / previous) * 100;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

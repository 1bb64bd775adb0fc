/** The median: the middle value, or the mean of the two middle values. Throws on no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median: keine Werte');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

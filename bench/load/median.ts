/** The median of a non-empty list: the upper of the middle two for an even count, a value that was measured. */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

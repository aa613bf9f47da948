/**
 * Metadata delays (clb.md §4) are converted like Python's `int()`: numbers
 * are truncated, booleans count as 0/1 and numeric strings (optional sign,
 * surrounding blanks, `_` between digits) are parsed. Anything else (`"1.5"`,
 * null, objects) is not a delay; the caller answers 400 instead of the
 * original's 500.
 */
export function pythonInt(value: unknown): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value === 'string' && /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value)) {
    const parsed = Number(value.replace(/_/g, '').trim());
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Python truthiness of a JSON value: the original falls back to a default for falsy delays. */
export function isFalsy(value: unknown): boolean {
  return value === null || value === false || value === 0 || value === '' || value === undefined;
}

/**
 * Timestamp formats from the reference (core.md §3). Clock values are seconds
 * since the epoch, possibly fractional.
 */

/** `YYYY-MM-DDTHH:MM:SS.ffffffZ`, UTC, always six fraction digits, rounded to the microsecond. */
export function formatIsoMicro(seconds: number): string {
  const micros = Math.round(seconds * 1e6);
  const wholeSeconds = Math.floor(micros / 1e6);
  const fraction = micros - wholeSeconds * 1e6;
  const base = new Date(wholeSeconds * 1000).toISOString().slice(0, 19);
  return `${base}.${String(fraction).padStart(6, '0')}Z`;
}

/** Identity token expiry: `YYYY-MM-DDTHH:MM:SS` followed by the literal `.999-05:00`. */
export function formatTokenExpiry(seconds: number, zone: 'utc' | 'local' = 'utc'): string {
  const date = new Date(Math.floor(seconds) * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const parts =
    zone === 'utc'
      ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
      : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  const [y, mo, d, h, mi, s] = parts;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.999-05:00`;
}

/**
 * Parses an ISO-8601 date-time (with or without an offset; no offset means
 * UTC) into clock seconds. Returns undefined when it cannot be parsed.
 */
export function parseIsoDateTime(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = match;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) {
    return undefined;
  }
  let millis = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
  if (Number.isNaN(millis)) return undefined;
  // Date.UTC rolls February 30th over into March: a day the month does not have is not a date.
  if (new Date(Date.UTC(Number(y), month - 1, day)).getUTCDate() !== day) return undefined;
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    // `+01` (hours only) is ISO 8601 too.
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
  }
  millis -= offsetMinutes * 60_000;
  const fraction = frac ? Number(`0.${frac}`) : 0;
  return millis / 1000 + fraction;
}

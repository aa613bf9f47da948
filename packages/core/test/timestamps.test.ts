import { formatIsoMicro, formatTokenExpiry, parseIsoDateTime } from '@mimic/core';

describe('timestamps', () => {
  it.each([
    [0, '1970-01-01T00:00:00.000000Z'],
    [3.6, '1970-01-01T00:00:03.600000Z'],
    [1.0000004, '1970-01-01T00:00:01.000000Z'],
    [1.0000006, '1970-01-01T00:00:01.000001Z'],
    [59.9999996, '1970-01-01T00:01:00.000000Z'],
    [86_400 * 365, '1971-01-01T00:00:00.000000Z'],
  ])('formats %p as %s', (seconds, expected) => {
    expect(formatIsoMicro(seconds)).toBe(expected);
  });

  it('formats token expiry with the literal .999-05:00 suffix', () => {
    expect(formatTokenExpiry(86_400)).toBe('1970-01-02T00:00:00.999-05:00');
    expect(formatTokenExpiry(86_400 + 0.7)).toBe('1970-01-02T00:00:00.999-05:00');
    expect(formatTokenExpiry(0, 'local')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.999-05:00$/);
  });

  it.each([
    ['1970-01-01T00:00:10Z', 10],
    ['1970-01-01T00:00:10.5Z', 10.5],
    ['1970-01-01T00:00:10', 10],
    ['1970-01-01T01:00:10+01:00', 10],
    ['1970-01-01T00:00:10-0100', 3610],
    ['1970-01-02', 86_400],
    ['1970-01-01T01:00:17+01', 17],
    ['1972-02-29T00:00:00Z', 68_169_600],
  ])('parses %s', (text, seconds) => {
    expect(parseIsoDateTime(text)).toBeCloseTo(seconds, 6);
  });

  it.each(['', 'yesterday', '1970-13-01T00:00:00Z', '1970-01-01T25:00:00Z', '12345', '1970-02-30T00:00:00Z', '1971-02-29T00:00:00Z', '1970-04-31'])('rejects %p', (text) => {
    expect(parseIsoDateTime(text)).toBeUndefined();
  });
});

import fc from 'fast-check';
import { jsonEscape, jsonQuote } from '@mimic/core';

describe('jsonQuote', () => {
  it('writes what JSON.stringify writes, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(jsonQuote(text)).toBe(JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['plain', 'a"b', 'back\\slash', 'nul\u0000', 'tab\t', 'lone \ud800', 'pair \ud83d\ude00', '\u2028', ''])('quotes %j like JSON.stringify', (text) => {
    expect(jsonQuote(text)).toBe(JSON.stringify(text));
    expect(JSON.parse(jsonQuote(text))).toBe(text);
  });
});

describe('jsonEscape', () => {
  it('escapes pieces joined by ASCII text as JSON.stringify escapes the whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(`"${jsonEscape(a)}/servers/${jsonEscape(b)}"`).toBe(JSON.stringify(`${a}/servers/${b}`));
      }),
      { numRuns: 2000 },
    );
  });
});

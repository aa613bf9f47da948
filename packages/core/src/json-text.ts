/**
 * Building small JSON answers as text. On hot routes JSON.stringify of a
 * short-lived object cost several times its size in CPU (docs/performance.md:
 * about 5 µs of a server create); a template of quoted values is the cheap
 * way to the same bytes. Test each template against JSON.stringify.
 */

/** Characters JSON.stringify escapes: quote, backslash, controls, and surrogates (a lone one is written as \uXXXX). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(text)`, without its cost when nothing needs escaping (ids, URLs, names). */
export function jsonQuote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * `JSON.stringify(text)` without its quotes: a piece of a longer JSON string
 * (`"${jsonEscape(root)}/servers/${jsonEscape(id)}"`). Escaping is per
 * character, so pieces joined by ASCII text escape as the whole would.
 */
export function jsonEscape(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text).slice(1, -1) : text;
}

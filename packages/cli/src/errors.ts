/**
 * A problem the user can fix (bad option, unreadable config, unloadable
 * plugin, busy port). The CLI prints its one-line message on stderr and exits 1,
 * never a stack trace.
 */
export class CliError extends Error {
  override name = 'CliError';
}

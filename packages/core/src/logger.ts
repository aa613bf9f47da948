/** The logging surface core and plugins use; pino's logger satisfies it. */
export interface MimicLogger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** Default logger: silent except errors, which go to stderr (a 500 always leaves a stack). */
export const defaultLogger: MimicLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (obj, msg) => console.error(msg ?? '', obj),
};

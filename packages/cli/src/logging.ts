import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config';

/** A log record as pino-pretty hands it to `messageFormat`. */
type Record_ = Record<string, unknown>;

/**
 * One line per request in pretty mode too: `GET /path 200 1.2ms`. Core logs
 * requests as `{method, path, status, ms}` with the message "request".
 */
function prettyMessage(log: Record_, messageKey: string): string {
  const message = typeof log[messageKey] === 'string' ? (log[messageKey] as string) : '';
  if (typeof log.method !== 'string' || typeof log.path !== 'string') return message;
  const head = `${log.method} ${log.path}`;
  if (message === 'request') return `${head} ${String(log.status)} ${String(log.ms)}ms`;
  return `${message} (${head})`;
}

/**
 * The CLI's logger: pino, written synchronously to stdout so nothing is lost
 * when the process exits after a signal. `json` = one JSON object per line;
 * `pretty` = pino-pretty, coloured on a terminal.
 */
export function createLogger(level: LogLevel, format: LogFormat, fd = 1): Logger {
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (format === 'json') return pino(options, pino.destination({ dest: fd, sync: true }));
  const stream = pretty({
    destination: fd,
    sync: true,
    colorize: fd === 1 ? process.stdout.isTTY === true : false,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'method,path,status,ms',
    singleLine: true,
    messageFormat: prettyMessage as never,
  });
  return pino(options, stream);
}

import { connect, type Socket } from 'node:net';

/** What a raw-socket client saw: the parsed response (if complete) and any socket error. */
export interface RawResult {
  status?: number;
  headers: Record<string, string>;
  body: string;
  /** True when the status line, headers and the whole Content-Length body arrived. */
  complete: boolean;
  /** Body bytes sent when the complete response had arrived (undefined: it came after the upload). */
  answeredAfter?: number;
  /** The answer to a `GET /` sent on the same connection afterwards (option `followUp`). */
  followUp?: Pick<RawResult, 'status' | 'body' | 'complete'>;
  /** ECONNRESET, EPIPE, … when the socket failed. */
  error?: string;
  /** Body bytes the client managed to hand to the socket. */
  bytesSent: number;
  /** True when the server closed the connection (FIN or reset). */
  closed: boolean;
}

export interface UploadOptions {
  port: number;
  method?: string;
  path: string;
  /** Total body size in bytes. */
  size: number;
  /** Declare Content-Length (default) or send `Transfer-Encoding: chunked`. */
  chunked?: boolean;
  chunkSize?: number;
  /** Extra header lines. */
  headers?: Record<string, string>;
  /** Stop uploading after this many body bytes until the whole response has arrived. */
  pauseAfter?: number;
  /** After the upload and its answer, send `GET /` on the same connection. */
  followUp?: boolean;
}

/** Parses one HTTP/1.1 response out of `buffer` (Content-Length framing only, which is all Mimic uses). */
export function parseResponse(buffer: Buffer): Pick<RawResult, 'status' | 'headers' | 'body' | 'complete'> {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return { headers: {}, body: '', complete: false };
  const [statusLine, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(statusLine.split(' ')[1]);
  const length = Number(headers['content-length'] ?? 0);
  const body = buffer.subarray(end + 4, end + 4 + length);
  return { status, headers, body: body.toString('utf8'), complete: body.length === length };
}

/**
 * Uploads `size` bytes over a plain TCP socket, honouring back-pressure, and
 * reads the server's answer. Resolves once a complete response arrived and the
 * upload finished (or the socket died), so a reset mid-upload is visible.
 */
export function rawUpload(options: UploadOptions): Promise<RawResult> {
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const chunk = Buffer.alloc(chunkSize, 'x');
  const headerLines = [
    `${options.method ?? 'POST'} ${options.path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    options.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${options.size}`,
    ...Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  return new Promise((resolve) => {
    const socket: Socket = connect(options.port, '127.0.0.1');
    const received: Buffer[] = [];
    const result: RawResult = { headers: {}, body: '', complete: false, bytesSent: 0, closed: false };
    let uploadDone = false;
    let settled = false;
    let first: Buffer | undefined;
    let answered: (() => void) | undefined;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (first) {
        Object.assign(result, parseResponse(first));
        const { status, body, complete } = parseResponse(Buffer.concat(received));
        result.followUp = { status, body, complete };
      } else {
        Object.assign(result, parseResponse(Buffer.concat(received)));
      }
      socket.destroy();
      resolve(result);
    };
    const maybeFinish = () => {
      const complete = parseResponse(Buffer.concat(received)).complete;
      if (complete && !first && result.answeredAfter === undefined && !uploadDone) result.answeredAfter = result.bytesSent;
      if (complete && answered) answered();
      if (!uploadDone || !complete) return;
      if (options.followUp && !first) {
        first = Buffer.concat(received);
        received.length = 0;
        socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
        return;
      }
      finish();
    };
    socket.on('data', (data) => {
      received.push(data);
      maybeFinish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      result.error ??= error.code ?? error.message;
      finish();
    });
    socket.on('close', () => {
      result.closed = true;
      finish();
    });
    socket.on('end', () => {
      result.closed = true;
    });
    const write = (data: Buffer | string) =>
      new Promise<void>((ok) => {
        if (socket.destroyed) return ok();
        if (socket.write(data)) ok();
        else {
          const onDrain = () => {
            socket.off('close', onDrain);
            ok();
          };
          socket.once('drain', onDrain);
          socket.once('close', onDrain);
        }
      });
    socket.once('connect', async () => {
      await write(`${headerLines.join('\r\n')}\r\n\r\n`);
      let left = options.size;
      while (left > 0 && !socket.destroyed) {
        if (options.pauseAfter !== undefined && result.bytesSent >= options.pauseAfter && result.answeredAfter === undefined) {
          await new Promise<void>((ok) => {
            answered = ok;
            socket.once('close', ok);
          });
        }
        const piece = left >= chunkSize ? chunk : chunk.subarray(0, left);
        await write(options.chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece);
        if (!socket.destroyed) result.bytesSent += piece.length;
        left -= piece.length;
      }
      if (options.chunked) await write('0\r\n\r\n');
      uploadDone = true;
      maybeFinish();
    });
  });
}

/** Opens a socket and resolves when it is connected. */
export function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves when `socket` closes, with whatever the server wrote to it. */
export function whenClosed(socket: Socket): Promise<string> {
  const received: Buffer[] = [];
  socket.on('data', (data) => received.push(data));
  socket.on('error', () => undefined);
  return new Promise((resolve) => {
    if (socket.destroyed) resolve('');
    socket.once('close', () => resolve(Buffer.concat(received).toString('utf8')));
  });
}

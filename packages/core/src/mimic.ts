import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createMimicApp, type MimicApp, type MimicAppOptions } from './app';
import type { Clock } from './clock';
import { answerClientError } from './http';

export interface CreateMimicOptions extends Omit<MimicAppOptions, 'port'> {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port), which is what tests want; the CLI passes 8900. */
  port?: number;
  /** Slow-client limits in milliseconds (docs/robustness.md); 0 disables one. */
  timeouts?: MimicTimeouts;
  /** Open connections accepted at once; later ones are closed on arrival. Default 1024; 0 = no cap. */
  maxConnections?: number;
}

export interface MimicTimeouts {
  /** Time for a client to send the whole request head, counted from connect or from the end of the previous request. Default 10 000. */
  headers?: number;
  /** Time for a client to send the whole request, head and body. Default 30 000. */
  request?: number;
  /** Time an idle keep-alive connection is kept after a response. Default 5 000. */
  keepAlive?: number;
  /** How often the server looks for connections past `headers`/`request`. Default 1 000 (Node's own is 30 000). */
  checkInterval?: number;
}

/** The defaults of `timeouts` and `maxConnections`. */
export const SERVER_LIMITS = {
  headers: 10_000,
  request: 30_000,
  keepAlive: 5_000,
  checkInterval: 1_000,
  maxConnections: 1024,
} as const;

export interface Mimic {
  /** `http://<host>:<port>/` */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly clock: Clock;
  readonly app: MimicApp;
  readonly server: Server;
  /** Drops every session and all plugin state; `{clock: true}` also resets time. */
  reset(options?: { clock?: boolean }): void;
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

/** Starts a Mimic instance listening on `host:port`. */
export async function createMimic(options: CreateMimicOptions): Promise<Mimic> {
  const host = options.host ?? '127.0.0.1';
  let port = options.port ?? 0;
  const app = createMimicApp({ ...options, host, port: () => port });
  const timeouts = options.timeouts ?? {};
  const requestTimeout = timeouts.request ?? SERVER_LIMITS.request;
  let headersTimeout = timeouts.headers ?? SERVER_LIMITS.headers;
  // Node requires headers <= request when both are on.
  if (requestTimeout > 0 && (headersTimeout === 0 || headersTimeout > requestTimeout)) headersTimeout = requestTimeout;
  const server = createServer(
    { connectionsCheckingInterval: timeouts.checkInterval ?? SERVER_LIMITS.checkInterval, headersTimeout, requestTimeout },
    app.koa.callback(),
  );
  server.keepAliveTimeout = timeouts.keepAlive ?? SERVER_LIMITS.keepAlive;
  const maxConnections = options.maxConnections ?? SERVER_LIMITS.maxConnections;
  if (maxConnections > 0) server.maxConnections = maxConnections;
  server.on('clientError', answerClientError);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(port, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => {
      throw error;
    }),
  ]);
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    host,
    clock: app.clock,
    app,
    server,
    reset: (opts) => app.reset(opts),
    close: () =>
      new Promise<void>((resolve, reject) => {
        app.clock.dispose();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        // Connections still busy finish their request; idle keep-alive sockets close now.
        for (const socket of sockets) {
          if (!(socket as Socket & { _httpMessage?: unknown })._httpMessage) socket.destroy();
        }
      }),
  };
}

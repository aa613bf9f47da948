import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createMimicApp, type MimicApp, type MimicAppOptions } from './app';
import type { Clock } from './clock';

export interface CreateMimicOptions extends Omit<MimicAppOptions, 'port'> {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port), which is what tests want; the CLI passes 8900. */
  port?: number;
  /** Slow-client limits in milliseconds. */
  timeouts?: { headers?: number; request?: number; keepAlive?: number };
}

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
  const server = createServer(app.koa.callback());
  const timeouts = options.timeouts ?? {};
  server.headersTimeout = timeouts.headers ?? 10_000;
  server.requestTimeout = timeouts.request ?? 30_000;
  server.keepAliveTimeout = timeouts.keepAlive ?? 5_000;
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

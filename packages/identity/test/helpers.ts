import { request } from 'node:http';
import { createMimic, definePlugin, respondJson, testClient, type Mimic, type MimicPlugin, type TestClient } from '@mimic/core';
import { identity, type IdentityOptions } from '@mimic/identity';

/** A test-only plugin with one service (two regions), a tenant route and a version document. */
export function widgets(): MimicPlugin {
  return definePlugin({
    name: 'test-widgets',
    core: '^0.1.0',
    services: [{ name: 'cloudWidgets', type: 'rax:widgets', implName: 'WidgetApi', regions: ['ORD', 'DFW'], prefix: 'v1' }],
    setup(ctx) {
      const router = ctx.service('cloudWidgets');
      router.get('/v1', (k) => respondJson(k, 200, { version: 'v1' }));
      router.get('/v1/:tenantId/widgets', (k) => respondJson(k, 200, { tenant: k.params.tenantId, widgets: [] }));
    },
  });
}

export interface Harness {
  mimic: Mimic;
  client: TestClient;
}

/** A real Mimic on port 0 with identity (and, by default, the widgets plugin). */
export async function start(options: IdentityOptions = {}, extra: MimicPlugin[] = [widgets()]): Promise<Harness> {
  const mimic = await createMimic({ plugins: [identity(options), ...extra] });
  return { mimic, client: testClient(mimic) };
}

export const passwordAuth = (username: string, extra: Record<string, unknown> = {}) => ({
  auth: { passwordCredentials: { username, password: 'secret' }, ...extra },
});

export const apiKeyAuth = (username: string, extra: Record<string, unknown> = {}) => ({
  auth: { 'RAX-KSKEY:apiKeyCredentials': { username, apiKey: 'key' }, ...extra },
});

export const tokenAuth = (token: string, extra: Record<string, unknown> = {}) => ({
  auth: { token: { id: token }, ...extra },
});

export const INVALID_JSON = { message: 'Invalid JSON request body', code: 400 };

/** A GET with an explicit Host header (fetch does not let tests set one). */
export function getWithHost(mimic: Mimic, path: string, host: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: mimic.port, path, headers: { host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

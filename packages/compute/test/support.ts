import { createMimic, testClient, type Mimic, type TestClient } from '@mimic/core';
import { compute } from '../src';

export interface ComputeHarness {
  mimic: Mimic;
  client: TestClient;
  /** `/mimicking/<NovaApi-id>/<region>/v2/<tenant>` */
  novaUrl(tenant?: string, region?: string): string;
  /** `/mimicking/<NovaControlApi-id>/<region>/v2/<tenant>` */
  controlUrl(tenant?: string, region?: string): string;
  /** `/mimicking/<GlanceApi-id>/<region>/image/<tenant>` (the Glance endpoint root) */
  glanceUrl(tenant?: string, region?: string): string;
  /** `{pfx}`, absolute: `http://127.0.0.1:<port>/mimicking/<NovaApi-id>/<region>` */
  pfx(region?: string): string;
  tick(seconds: number): Promise<void>;
}

/** A real Mimic with the compute plugin on a free port. */
export async function startCompute(): Promise<ComputeHarness> {
  const mimic = await createMimic({ plugins: [compute()] });
  const client = testClient(mimic);
  const path = (name: string, prefix = 'v2') => (tenant = '123456', region = 'ORD') =>
    `/mimicking/${mimic.app.catalog.get(name)!.id}/${region}/${prefix}/${tenant}`;
  return {
    mimic,
    client,
    novaUrl: path('cloudServersOpenStack'),
    controlUrl: path('cloudServersBehavior'),
    glanceUrl: path('cloudImages', 'image'),
    pfx: (region = 'ORD') => `${mimic.url}mimicking/${mimic.app.catalog.get('cloudServersOpenStack')!.id}/${region}`,
    tick: async (seconds) => {
      const res = await client.post('/mimic/v1.1/tick', { body: { amount: seconds } });
      if (res.status !== 200) throw new Error(`tick failed: ${res.status}`);
    },
  };
}

/** `{"server": {...}}` with sensible defaults. */
export function serverBody(overrides: Record<string, unknown> = {}): { server: Record<string, unknown> } {
  return { server: { name: 'web1', imageRef: 'image-1', flavorRef: '2', ...overrides } };
}

/** Creates a server and returns its id (fails the test on a non-202). */
export async function createServer(h: ComputeHarness, overrides: Record<string, unknown> = {}, tenant?: string, region?: string): Promise<string> {
  const res = await h.client.post(`${h.novaUrl(tenant, region)}/servers`, { body: serverBody(overrides) });
  if (res.status !== 202) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.json.server.id;
}

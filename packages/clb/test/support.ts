import { createMimic, testClient, type Mimic, type TestClient, type TestResponse } from '@mimic/core';
import { clb } from '@mimic/clb';

/** A running Mimic with only the CLB plugin, and URL helpers for one tenant. */
export interface ClbHarness {
  mimic: Mimic;
  http: TestClient;
  /** `{clb}` of the reference, as a path: `/mimicking/<id>/ORD/v2/<tenant>`. */
  clb: string;
  /** `{clbctl}`. */
  ctl: string;
  lbs: string;
  tick(seconds: number): Promise<TestResponse>;
  /** Creates a load balancer (wrapped form) and returns its id; extra fields merge into the body. */
  createLb(extra?: Record<string, unknown>): Promise<number>;
  lb(id: number): Promise<TestResponse>;
  status(id: number): Promise<string>;
}

export async function startClb(tenant = '123456', region = 'ORD'): Promise<ClbHarness> {
  const mimic = await createMimic({ plugins: [clb()] });
  const http = testClient(mimic);
  const api = mimic.app.catalog.get('cloudLoadBalancers')!;
  const control = mimic.app.catalog.get('cloudLoadBalancerControl')!;
  const clbRoot = `/mimicking/${api.id}/${region}/v2/${tenant}`;
  const lbs = `${clbRoot}/loadbalancers`;
  const harness: ClbHarness = {
    mimic,
    http,
    clb: clbRoot,
    ctl: `/mimicking/${control.id}/${region}/v2/${tenant}`,
    lbs,
    tick: (seconds) => http.post('/mimic/v1.1/tick', { body: { amount: seconds } }),
    createLb: async (extra = {}) => {
      const response = await http.post(lbs, { body: { loadBalancer: { name: 'lb1', protocol: 'HTTP', virtualIps: [{ type: 'PUBLIC' }], ...extra } } });
      if (response.status !== 202) throw new Error(`create failed: ${response.status} ${response.text}`);
      return response.json.loadBalancer.id as number;
    },
    lb: (id) => http.get(`${lbs}/${id}`),
    status: async (id) => (await http.get(`${lbs}/${id}`)).json?.loadBalancer?.status ?? `(${(await http.get(`${lbs}/${id}`)).status})`,
  };
  return harness;
}

export const node = (address: string, port = 80, extra: Record<string, unknown> = {}) => ({ address, port, condition: 'ENABLED', ...extra });

export const SCHEMA = { message: ['JSON does not match the expected schema'] };
export const BAD_JSON = { message: 'Invalid JSON request body', code: 400 };
export const LB404 = { message: 'Load balancer not found', code: 404 };
export const NODE404 = { message: 'Node not found', code: 404 };
export const GONE = { message: 'The loadbalancer is marked as deleted.', code: 410 };

export function validation(...messages: string[]) {
  return { validationErrors: { messages }, message: 'Validation Failure', code: 400, details: 'The object is not valid' };
}

export function immutable(id: number, status: string) {
  return { message: `Load Balancer '${id}' has a status of '${status}' and is considered immutable.`, code: 422 };
}

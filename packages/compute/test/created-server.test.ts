import fc from 'fast-check';
import { createdServer, createdServerJson, type Server } from '../src/model/server';

const server = (id: string, tenantId: string, diskConfig: 'AUTO' | 'MANUAL'): Server => ({
  id,
  name: 'n',
  tenantId,
  status: 'ACTIVE',
  created: 0,
  updated: 0,
  flavorRef: 'f',
  imageRef: 'i',
  metadata: {},
  revision: 0,
  keyName: null,
  diskConfig,
  privateIp: 0,
  publicIp: 0,
});

describe('createdServerJson', () => {
  it('is JSON.stringify of the create answer, whatever the root, tenant, id and password hold', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        fc.string(),
        fc.constantFrom<'AUTO' | 'MANUAL'>('AUTO', 'MANUAL'),
        (root, tenantId, id, adminPass, diskConfig) => {
          const s = server(id, tenantId, diskConfig);
          expect(createdServerJson(root, s, adminPass)).toBe(JSON.stringify(createdServer(root, s, adminPass)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('links the server under the tenant, self and bookmark', () => {
    const body = JSON.parse(createdServerJson('http://h/mimicking/N/ORD', server('test-server1-id-1', 't"1', 'AUTO'), 'pw'));
    expect(body.server.links).toEqual([
      { href: 'http://h/mimicking/N/ORD/v2/t"1/servers/test-server1-id-1', rel: 'self' },
      { href: 'http://h/mimicking/N/ORD/t"1/servers/test-server1-id-1', rel: 'bookmark' },
    ]);
    expect(body.server.adminPass).toBe('pw');
  });
});

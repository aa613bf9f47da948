import { Clock } from '@mimic/core';
import { ServerStore } from '../src/model/server-store';

const fields = { name: 'web', imageRef: 'img', flavorRef: 'flv', metadata: {}, keyName: null, diskConfig: 'AUTO' as const };

describe('ServerStore lookups by id', () => {
  const clock = new Clock();

  it('finds every server it created, by its id, and lists after a marker', () => {
    const store = new ServerStore('t1', clock);
    const servers = Array.from({ length: 50 }, () => store.create(fields, 'ACTIVE'));
    for (const server of servers) expect(store.get(server.id)).toBe(server);
    const page = store.list({ marker: servers[9].id, limit: 3 });
    expect(page).toEqual({ ok: true, servers: servers.slice(10, 13) });
  });

  it('knows nothing of ids it did not hand out: another store’s, or one spelled with leading zeros', () => {
    const store = new ServerStore('t1', clock);
    const other = new ServerStore('t1', clock);
    const mine = store.create(fields, 'ACTIVE');
    const theirs = other.create(fields, 'ACTIVE');
    expect(store.get(theirs.id)).toBeUndefined();
    const n = /^test-server(\d+)-/.exec(mine.id)![1];
    expect(store.get(`test-server0${n}-id-0${n}`)).toBeUndefined();
    expect(store.get('test-server-id-')).toBeUndefined();
    expect(store.list({ marker: theirs.id })).toEqual({ ok: false, markerNotFound: theirs.id });
  });

  it('a deleted server keeps its id: get finds it, live does not', () => {
    const store = new ServerStore('t1', clock);
    const server = store.create(fields, 'ACTIVE');
    store.delete(server);
    expect(store.get(server.id)?.status).toBe('DELETED');
    expect(store.live(server.id)).toBeUndefined();
  });
});

import { BAD_JSON, GONE, immutable, LB404, SCHEMA, startClb, validation, type ClbHarness } from './support';

let h: ClbHarness;
let id: number;
beforeEach(async () => {
  h = await startClb();
  id = await h.createLb();
});
afterEach(async () => {
  await h.mimic.close();
});

const at = (path: string) => `${h.lbs}/${id}/${path}`;

describe('health monitor (original)', () => {
  test('GET {} by default; PUT stores wrapped or bare (pkgcloud) objects; DELETE resets; 202 empty', async () => {
    expect((await h.http.get(at('healthmonitor'))).json).toEqual({ healthMonitor: {} });
    const monitor = { type: 'HTTP', delay: 10, timeout: 5, attemptsBeforeDeactivation: 2, path: '/', statusRegex: '^[234][0-9][0-9]$' };
    const put = await h.http.put(at('healthmonitor'), { body: { healthMonitor: monitor } });
    expect([put.status, put.text]).toEqual([202, '']);
    expect((await h.http.get(at('healthmonitor'))).json).toEqual({ healthMonitor: monitor });
    await h.http.put(at('healthmonitor'), { body: { type: 'CONNECT', delay: 3 } });
    expect((await h.http.get(at('healthmonitor'))).json).toEqual({ healthMonitor: { type: 'CONNECT', delay: 3 } });
    const del = await h.http.delete(at('healthmonitor'));
    expect([del.status, del.text]).toEqual([202, '']);
    expect((await h.http.get(at('healthmonitor'))).json).toEqual({ healthMonitor: {} });
  });

  test('BadJSON before LB404; non-object monitors → Schema; unknown LB → LB404', async () => {
    expect((await h.http.put(`${h.lbs}/1/healthmonitor`, { raw: 'x' })).json).toEqual(BAD_JSON);
    expect((await h.http.put(`${h.lbs}/1/healthmonitor`, { body: {} })).json).toEqual(LB404);
    expect((await h.http.put(at('healthmonitor'), { body: { healthMonitor: 5 } })).json).toEqual(SCHEMA);
    expect((await h.http.put(at('healthmonitor'), { body: [1] })).json).toEqual(SCHEMA);
    expect((await h.http.get(`${h.lbs}/1/healthmonitor`)).json).toEqual(LB404);
    expect((await h.http.delete(`${h.lbs}/1/healthmonitor`)).json).toEqual(LB404);
  });

  test('no status check: PUT works in BUILD', async () => {
    const building = await h.createLb({ metadata: [{ key: 'lb_building', value: 10 }] });
    expect((await h.http.put(`${h.lbs}/${building}/healthmonitor`, { body: { healthMonitor: { type: 'CONNECT' } } })).status).toBe(202);
    expect(await h.status(building)).toBe('BUILD');
  });
});

describe.each([
  ['connectionthrottle', 'connectionThrottle', {}, { maxConnectionRate: 50, maxConnections: 100, minConnections: 10, rateInterval: 60 }, {}],
  ['sessionpersistence', 'sessionPersistence', {}, { persistenceType: 'HTTP_COOKIE' }, {}],
  ['connectionlogging', 'connectionLogging', { enabled: false }, { enabled: true }, { enabled: false }],
  ['contentcaching', 'contentCaching', { enabled: false }, { enabled: true }, { enabled: false }],
])('%s (beyond the original)', (path, key, initial, value, cleared) => {
  test('GET / PUT (wrapped and bare) / DELETE, stored and returned', async () => {
    expect((await h.http.get(`${at(path)}?cache-busting=1`)).json).toEqual({ [key]: initial });
    const put = await h.http.put(at(path), { body: { [key]: value } });
    expect([put.status, put.text]).toEqual([202, '']);
    expect((await h.http.get(at(path))).json).toEqual({ [key]: value });
    expect((await h.lb(id)).json.loadBalancer[key]).toEqual(value);
    const del = await h.http.delete(at(path));
    expect([del.status, del.text]).toEqual([202, '']);
    expect((await h.http.get(at(path))).json).toEqual({ [key]: cleared });
    expect((await h.http.put(at(path), { body: value })).status).toBe(202);
    expect((await h.http.get(at(path))).json).toEqual({ [key]: value });
  });

  test('bad input → 400 in CLB shapes; unknown LB → LB404; DELETED → 410 on reads', async () => {
    expect((await h.http.put(at(path), { raw: '{' })).json).toEqual(BAD_JSON);
    expect((await h.http.put(at(path), { body: [] })).json).toEqual(SCHEMA);
    expect((await h.http.put(at(path), { body: { [key]: 'x' } })).json).toEqual(SCHEMA);
    expect((await h.http.put(at(path), { body: { [key]: { bogus: 1 } } })).json).toEqual(SCHEMA);
    expect((await h.http.get(`${h.lbs}/1/${path}`)).json).toEqual(LB404);
    const doomed = await h.createLb({ metadata: [{ key: 'lb_pending_delete', value: 1 }] });
    await h.http.delete(`${h.lbs}/${doomed}`);
    expect((await h.http.put(`${h.lbs}/${doomed}/${path}`, { body: { [key]: value } })).json).toEqual(immutable(doomed, 'PENDING-DELETE'));
    await h.tick(1);
    expect((await h.http.get(`${h.lbs}/${doomed}/${path}`)).json).toEqual(GONE);
  });
});

describe('order of checks on writes beyond the original', () => {
  test('BadJSON → LB404 → Gone → Immutable → Schema → Validation', async () => {
    const path = 'sessionpersistence';
    expect((await h.http.put(`${h.lbs}/1/${path}`, { raw: '' })).json).toEqual(BAD_JSON);
    expect((await h.http.put(`${h.lbs}/1/${path}`, { body: [] })).json).toEqual(LB404);
    expect((await h.http.delete(`${h.lbs}/1/${path}`)).json).toEqual(LB404);
    const building = await h.createLb({ metadata: [{ key: 'lb_building', value: 10 }] });
    expect((await h.http.put(`${h.lbs}/${building}/${path}`, { body: [] })).json).toEqual(immutable(building, 'BUILD'));
    expect((await h.http.delete(`${h.lbs}/${building}/${path}`)).json).toEqual(immutable(building, 'BUILD'));
    expect((await h.http.put(`${h.lbs}/${building}`, { body: { port: {} } })).json).toEqual(immutable(building, 'BUILD'));
    const doomed = await h.createLb({ metadata: [{ key: 'lb_pending_delete', value: 1 }] });
    await h.http.delete(`${h.lbs}/${doomed}`);
    await h.tick(1);
    expect((await h.http.put(`${h.lbs}/${doomed}/${path}`, { body: [] })).json).toEqual(GONE);
    expect((await h.http.put(`${h.lbs}/${doomed}`, { body: { name: 'x' } })).json).toEqual(GONE);
    expect((await h.http.post(`${h.lbs}/${doomed}/metadata`, { body: { metadata: [] } })).json).toEqual(GONE);
    expect((await h.http.get(`${h.lbs}/${doomed}/metadata`)).json).toEqual(GONE);
    expect((await h.http.get(`${h.lbs}/${doomed}/accesslist`)).json).toEqual(GONE);
    expect((await h.http.get(`${h.lbs}/${doomed}/virtualips`)).json).toEqual(GONE);
    expect((await h.http.get(`${h.lbs}/${doomed}/stats`)).json).toEqual(GONE);
    expect((await h.http.put(at(path), { body: { sessionPersistence: { persistenceType: 5 } } })).json).toEqual(SCHEMA);
    expect((await h.http.put(at(path), { body: { sessionPersistence: { persistenceType: 'X' } } })).json).toEqual(
      validation('Persistence type must be one of HTTP_COOKIE, SOURCE_IP.'),
    );
  });

  test('a failed write changes nothing and does not move the status', async () => {
    const lb = await h.createLb({ metadata: [{ key: 'lb_pending_update', value: 10 }] });
    expect((await h.http.put(`${h.lbs}/${lb}/connectionthrottle`, { body: { connectionThrottle: { rateInterval: 0 } } })).status).toBe(400);
    expect((await h.http.get(`${h.lbs}/${lb}/connectionthrottle`)).json).toEqual({ connectionThrottle: {} });
    expect(await h.status(lb)).toBe('ACTIVE');
  });
});

describe('validation of settings', () => {
  test('connection throttle ranges and types', async () => {
    expect((await h.http.put(at('connectionthrottle'), { body: { connectionThrottle: { maxConnections: 200000, rateInterval: 0 } } })).json).toEqual(
      validation("'maxConnections' must be between 0 and 100000.", "'rateInterval' must be between 1 and 3600."),
    );
    expect((await h.http.put(at('connectionthrottle'), { body: { connectionThrottle: {} } })).json).toEqual(validation('Must provide at least one connection throttle attribute.'));
    expect((await h.http.put(at('connectionthrottle'), { body: { connectionThrottle: { maxConnections: '5' } } })).json).toEqual(SCHEMA);
  });

  test('session persistence type', async () => {
    expect((await h.http.put(at('sessionpersistence'), { body: { sessionPersistence: { persistenceType: 'MAGIC' } } })).json).toEqual(
      validation('Persistence type must be one of HTTP_COOKIE, SOURCE_IP.'),
    );
  });
});

describe('error page (beyond the original)', () => {
  test('default page, PUT stores, DELETE restores the default', async () => {
    const initial = (await h.http.get(at('errorpage'))).json.errorpage.content;
    expect(initial).toMatch(/<html>/);
    expect((await h.http.put(at('errorpage'), { body: { errorpage: { content: '<html>oops</html>' } } })).status).toBe(202);
    expect((await h.http.get(at('errorpage'))).json).toEqual({ errorpage: { content: '<html>oops</html>' } });
    expect((await h.http.delete(at('errorpage'))).status).toBe(202);
    expect((await h.http.get(at('errorpage'))).json.errorpage.content).toBe(initial);
  });

  test('bad content → 400', async () => {
    expect((await h.http.put(at('errorpage'), { body: { errorpage: { content: 5 } } })).json).toEqual(SCHEMA);
    expect((await h.http.put(at('errorpage'), { body: { errorpage: { content: ' ' } } })).json).toEqual(validation('Error page content must not be empty.'));
    expect((await h.http.put(at('errorpage'), { body: { errorpage: { content: 'x'.repeat(65537) } } })).json).toEqual(
      validation('Error page content must not exceed 65536 characters.'),
    );
  });
});

describe('access list (beyond the original)', () => {
  test('POST appends, GET lists with ids, DELETE one item, DELETE ?id=, DELETE all; 202 each', async () => {
    expect((await h.http.get(at('accesslist'))).json).toEqual({ accessList: [] });
    const post = await h.http.post(at('accesslist'), { body: { accessList: [{ address: '10.0.0.0/8', type: 'ALLOW' }, { address: '0.0.0.0/0', type: 'DENY' }] } });
    expect([post.status, post.text]).toEqual([202, '']);
    expect((await h.http.put(at('accesslist'), { body: { accessList: [{ address: '2001:db8::/32', type: 'DENY' }] } })).status).toBe(202);
    const list = (await h.http.get(at('accesslist'))).json.accessList;
    expect(list.map((r: { address: string; type: string }) => [r.address, r.type])).toEqual([['10.0.0.0/8', 'ALLOW'], ['0.0.0.0/0', 'DENY'], ['2001:db8::/32', 'DENY']]);
    expect(new Set(list.map((r: { id: number }) => r.id)).size).toBe(3);
    expect((await h.lb(id)).json.loadBalancer.accessList).toEqual(list);
    const one = await h.http.delete(`${at('accesslist')}/${list[0].id}`);
    expect([one.status, one.text]).toEqual([202, '']);
    expect((await h.http.delete(`${at('accesslist')}/${list[0].id}`)).json).toEqual({ message: 'Access list item not found', code: 404 });
    expect((await h.http.delete(`${at('accesslist')}?id=${list[1].id}&id=999999999`)).json).toEqual(validation('Access list ids 999999999 are not a part of your loadbalancer'));
    expect((await h.http.delete(`${at('accesslist')}?id=${list[1].id}`)).status).toBe(202);
    expect((await h.http.get(at('accesslist'))).json.accessList).toEqual([list[2]]);
    expect((await h.http.delete(at('accesslist'))).status).toBe(202);
    expect((await h.http.get(at('accesslist'))).json).toEqual({ accessList: [] });
  });

  test('bad items → 400; 100 items at most', async () => {
    expect((await h.http.post(at('accesslist'), { body: { accessList: [{ address: '1.2.3.4', type: 'MAYBE' }] } })).json).toEqual(SCHEMA);
    expect((await h.http.post(at('accesslist'), { body: { accessList: {} } })).json).toEqual(SCHEMA);
    expect((await h.http.post(at('accesslist'), { body: { accessList: [{ address: 'not an ip', type: 'DENY' }] } })).json).toEqual(
      validation("'not an ip' is not a valid IP address or network."),
    );
    const many = Array.from({ length: 101 }, (_, i) => ({ address: `10.0.${Math.floor(i / 250)}.${i % 250}`, type: 'DENY' }));
    expect((await h.http.post(at('accesslist'), { body: { accessList: many } })).json).toEqual({ message: 'Access list must not exceed 100 items per load balancer.', code: 413 });
  });
});

describe('metadata (beyond the original)', () => {
  test('list, add (wrapped or a bare list), get one, delete one, delete ?id=', async () => {
    expect((await h.http.get(at('metadata'))).json).toEqual({ metadata: [] });
    const add = await h.http.post(at('metadata'), { body: { metadata: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] } });
    expect(add.status).toBe(200);
    expect(add.json.metadata.map((m: { key: string }) => m.key)).toEqual(['a', 'b']);
    expect((await h.http.post(at('metadata'), { body: [{ key: 'c', value: '3' }] })).status).toBe(200);
    const list = (await h.http.get(at('metadata'))).json.metadata;
    expect(list.map((m: { key: string; value: string }) => [m.key, m.value])).toEqual([['a', '1'], ['b', '2'], ['c', '3']]);
    expect((await h.lb(id)).json.loadBalancer.metadata).toEqual(list);
    expect((await h.http.get(`${at('metadata')}/${list[0].id}`)).json).toEqual({ meta: list[0] });
    const del = await h.http.delete(`${at('metadata')}/${list[0].id}`);
    expect([del.status, del.text]).toEqual([202, '']);
    expect((await h.http.get(`${at('metadata')}/${list[0].id}`)).json).toEqual({ message: 'Metadata item not found', code: 404 });
    expect((await h.http.delete(`${at('metadata')}?id=${list[1].id}&id=${list[2].id}`)).status).toBe(202);
    expect((await h.http.get(at('metadata'))).json).toEqual({ metadata: [] });
    expect((await h.http.delete(at('metadata'))).json).toEqual({ message: "Must supply one or more id's to process this request.", code: 400 });
  });

  test('duplicate keys, bad delays, bad shapes and the 25-item limit → 4xx', async () => {
    await h.http.post(at('metadata'), { body: { metadata: [{ key: 'a', value: '1' }] } });
    expect((await h.http.post(at('metadata'), { body: { metadata: [{ key: 'a', value: '2' }] } })).json).toEqual(validation("Duplicate metadata key 'a'."));
    expect((await h.http.post(at('metadata'), { body: { metadata: [{ key: 'lb_pending_update', value: '1.5' }] } })).json).toEqual(
      validation("Metadata value of 'lb_pending_update' must be a whole number of seconds."),
    );
    expect((await h.http.post(at('metadata'), { body: { metadata: 'x' } })).json).toEqual(SCHEMA);
    expect((await h.http.post(at('metadata'), { body: { metadata: [{ key: 'v', value: { deep: 1 } }] } })).json).toEqual(SCHEMA);
    const many = Array.from({ length: 25 }, (_, i) => ({ key: `k${i}`, value: i }));
    expect((await h.http.post(at('metadata'), { body: { metadata: many } })).json).toEqual({ message: 'Metadata must not exceed 25 per load balancer.', code: 413 });
    expect((await h.http.get(at('metadata'))).json.metadata).toHaveLength(1);
  });

  test('adding a behaviour key changes the status machine from then on', async () => {
    await h.http.post(at('metadata'), { body: { metadata: [{ key: 'lb_error_state', value: true }] } });
    // The add itself is a mutation: the LB is now in ERROR.
    expect(await h.status(id)).toBe('ERROR');
  });
});

describe('virtual IPs and stats (beyond the original)', () => {
  test('virtual IPs list the canned addresses; stats are zeros', async () => {
    expect((await h.http.get(at('virtualips'))).json).toEqual({
      virtualIps: [
        { address: '127.0.0.1', id: 1111, type: 'PUBLIC', ipVersion: 'IPV4' },
        { address: '0000:0000:0000:0000:1111:111b:0000:0000', id: 1111, type: 'PUBLIC', ipVersion: 'IPV6' },
      ],
    });
    const stats = (await h.http.get(at('stats'))).json;
    expect(stats).toMatchObject({ connectTimeOut: 0, connectError: 0, connectFailure: 0, dataTimedOut: 0, keepAliveTimedOut: 0, maxConn: 0, currentConn: 0 });
    expect(Object.values(stats).every((v) => v === 0)).toBe(true);
    expect((await h.http.get(`${h.lbs}/1/stats`)).json).toEqual(LB404);
    expect((await h.http.get(`${h.lbs}/1/virtualips`)).json).toEqual(LB404);
  });

  test('node service events (pkgcloud) are an empty list, not a node id', async () => {
    expect((await h.http.get(at('nodes/events'))).json).toEqual({ nodeServiceEvents: [] });
  });
});

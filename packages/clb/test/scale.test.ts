import { startClb, type ClbHarness } from './support';

let h: ClbHarness;
beforeAll(async () => {
  h = await startClb();
});
afterAll(async () => {
  await h.mimic.close();
});

test('a tenant with 10,000 load balancers: unique ids, all listed in creation order, each found by id', async () => {
  const ids: number[] = [];
  for (let batch = 0; batch < 100; batch++) {
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, i) => h.http.post(h.lbs, { body: { name: `lb-${batch * 100 + i}`, protocol: 'HTTP' } })),
    );
    for (const r of created) {
      expect(r.status).toBe(202);
      ids.push(r.json.loadBalancer.id);
    }
  }
  expect(new Set(ids).size).toBe(10_000);
  expect(ids.every((id) => Number.isInteger(id) && id >= 0 && id < 99999)).toBe(true);
  const list = await h.http.get(h.lbs);
  expect(list.json.loadBalancers).toHaveLength(10_000);
  expect(list.json.loadBalancers.map((lb: { id: number }) => lb.id)).toEqual(ids);
  for (const id of [ids[0], ids[5000], ids[9999]]) expect((await h.lb(id)).json.loadBalancer.id).toBe(id);
}, 120_000);

import { startCompute } from './support';

describe('catalog entries', () => {
  it('lists cloudServersOpenStack first (pkgcloud takes the first compute entry), then the control API, then cloudImages', async () => {
    const h = await startCompute();
    try {
      const entries = h.mimic.app.catalog.build('42', h.mimic.url);
      expect(entries.map((e) => [e.name, e.type])).toEqual([
        ['cloudServersOpenStack', 'compute'],
        ['cloudServersBehavior', 'compute'],
        ['cloudImages', 'image'],
      ]);
      expect(entries[0].endpoints.map((e) => e.region)).toEqual(['ORD', 'DFW', 'IAD']);
      expect(entries[0].endpoints[0].publicURL).toMatch(new RegExp(`^${h.mimic.url}mimicking/NovaApi-[0-9a-f]{6}/ORD/v2/42$`));
      expect(entries[1].endpoints[0].publicURL).toMatch(/mimicking\/NovaControlApi-[0-9a-f]{6}\/ORD\/v2\/42$/);
    } finally {
      await h.mimic.close();
    }
  });
});

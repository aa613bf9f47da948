import { createServer, startCompute, type ComputeHarness } from './support';

describe('server actions (compute.md §7, §8)', () => {
  let h: ComputeHarness;
  let id: string;
  beforeEach(async () => {
    h = await startCompute();
    id = await createServer(h, { flavorRef: '2', imageRef: 'img-1' });
  });
  afterEach(() => h.mimic.close());

  const act = (body: unknown, raw?: string) => h.client.post(`${h.novaUrl()}/servers/${id}/action`, raw === undefined ? { body } : { raw });
  const server = async () => (await h.client.get(`${h.novaUrl()}/servers/${id}`)).json.server;

  it('an unknown server → 404 before the body is read', async () => {
    const res = await h.client.post(`${h.novaUrl()}/servers/nope/action`, { raw: '{' });
    expect(res.json).toEqual({ itemNotFound: { message: 'Instance nope could not be found', code: 404 } });
  });

  it('a non-JSON body → 400 (the original answered 500); an unknown action → 400', async () => {
    expect((await act(undefined, 'x')).status).toBe(400);
    expect((await act({ explode: {} })).json).toEqual({ badRequest: { message: 'There is no such action currently supported', code: 400 } });
  });

  it('resize → VERIFY_RESIZE; confirm → ACTIVE (204); updated does not move', async () => {
    await h.tick(10);
    const res = await act({ resize: { flavorRef: '3' } });
    expect(res.status).toBe(202);
    expect(res.text).toBe('');
    expect(await server()).toMatchObject({ status: 'VERIFY_RESIZE', flavor: { id: '3' }, updated: '1970-01-01T00:00:00.000000Z' });
    expect((await act({ confirmResize: null })).status).toBe(204);
    expect(await server()).toMatchObject({ status: 'ACTIVE', flavor: { id: '3' } });
  });

  it('revert → ACTIVE with the old flavor (202)', async () => {
    await act({ resize: { flavorRef: '4' } });
    expect((await act({ revertResize: null })).status).toBe(202);
    expect(await server()).toMatchObject({ status: 'ACTIVE', flavor: { id: '2' } });
  });

  it('resize needs a flavorRef; confirm/revert need VERIFY_RESIZE', async () => {
    expect((await act({ resize: {} })).json).toEqual({ badRequest: { message: "Resize requests require 'flavorRef' attribute", code: 400 } });
    expect((await act({ resize: { flavorRef: '' } })).status).toBe(400);
    expect((await act({ confirmResize: null })).json).toEqual({
      conflictingRequest: { message: `Cannot 'confirmResize' instance ${id} while it is in vm_state active`, code: 409 },
    });
    expect((await act({ revertResize: null })).status).toBe(409);
  });

  it('rescue → RESCUE with an adminPass; unrescue → ACTIVE; wrong states → 409', async () => {
    expect((await act({ unrescue: null })).json).toEqual({
      conflictingRequest: { message: `Cannot 'unrescue' instance ${id} while it is in task state other than rescue`, code: 409 },
    });
    const rescue = await act({ rescue: {} });
    expect(rescue.status).toBe(200);
    expect(rescue.json.adminPass).toHaveLength(12);
    expect((await server()).status).toBe('RESCUE');
    expect((await act({ rescue: {} })).json.conflictingRequest.message).toBe(`Cannot 'rescue' instance ${id} while it is in task state other than active`);
    const unrescue = await act({ unrescue: null });
    expect(unrescue.status).toBe(200);
    expect((await server()).status).toBe('ACTIVE');
  });

  it('SOFT reboot → REBOOT, ACTIVE after 3 s; HARD → HARD_REBOOT, ACTIVE after 6 s', async () => {
    expect((await act({ reboot: { type: 'SOFT' } })).status).toBe(202);
    expect((await server()).status).toBe('REBOOT');
    await h.tick(3);
    expect((await server()).status).toBe('ACTIVE');
    await act({ reboot: { type: 'HARD' } });
    expect((await server()).status).toBe('HARD_REBOOT');
    await h.tick(5.9);
    expect((await server()).status).toBe('HARD_REBOOT');
    await h.tick(0.1);
    expect(await server()).toMatchObject({ status: 'ACTIVE', updated: '1970-01-01T00:00:09.000000Z' });
  });

  it('reboot type checks', async () => {
    expect((await act({ reboot: {} })).json).toEqual({ badRequest: { message: "Missing argument 'type' for reboot", code: 400 } });
    expect((await act({ reboot: { type: 'GENTLE' } })).json).toEqual({ badRequest: { message: "Argument 'type' for reboot is not HARD or SOFT", code: 400 } });
  });

  it('changePassword: 202 when ACTIVE; missing adminPass 400 beats the 409', async () => {
    expect((await act({ changePassword: { adminPass: 'new' } })).status).toBe(202);
    await act({ rescue: {} });
    expect((await act({ changePassword: {} })).json).toEqual({ badRequest: { message: 'No adminPass was specified', code: 400 } });
    expect((await act({ changePassword: { adminPass: 'x' } })).status).toBe(409);
  });

  it('rebuild → REBUILD with the new image, ACTIVE after 5 s', async () => {
    const res = await act({ rebuild: { imageRef: 'img-2' } });
    expect(res.status).toBe(202);
    expect(res.json.server).toMatchObject({ id, status: 'REBUILD', adminPass: 'password', image: { id: 'img-2' } });
    await h.tick(5);
    expect(await server()).toMatchObject({ status: 'ACTIVE', image: { id: 'img-2' } });
  });

  it('rebuild checks', async () => {
    expect((await act({ rebuild: {} })).json).toEqual({ badRequest: { message: 'Could not parse imageRef from request.', code: 400 } });
    await act({ rescue: {} });
    expect((await act({ rebuild: { imageRef: 'x' } })).status).toBe(409);
  });

  it('createImage → 202 with a Location whose last segment is the new image id', async () => {
    const res = await act({ createImage: { name: 'snap-1' } });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${h.pfx()}/v2/123456/images/[^/]+$`));
    expect((await act({ createImage: {} })).status).toBe(400);
  });

  it('a pending reboot never revives a deleted server', async () => {
    await act({ reboot: { type: 'HARD' } });
    await h.client.delete(`${h.novaUrl()}/servers/${id}`);
    await h.tick(10);
    expect((await h.client.get(`${h.novaUrl()}/servers/${id}`)).status).toBe(404);
  });
});

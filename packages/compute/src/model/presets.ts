/** The `servers` section of `GET /mimic/v1.0/presets` (core.md §6), exact values. */
export const INVALID_IMAGE_REFS: readonly string[] = Object.freeze(['INVALID-IMAGE-ID', '1111', 'image_ends_with_Z']);
export const INVALID_FLAVOR_REFS: readonly string[] = Object.freeze(['INVALID-FLAVOR-ID', '8888', '-4', '1']);

export const COMPUTE_PRESETS = Object.freeze({
  create_server_failure: '{"message": "given message","code": given code}',
  delete_server_failure: '{"code": given code,"times": returns given code that many times}',
  invalid_image_ref: INVALID_IMAGE_REFS,
  invalid_flavor_ref: INVALID_FLAVOR_REFS,
  server_error: 'sets server state to error on create',
  server_building: 'sets the server to be in building state for given time in seconds',
});

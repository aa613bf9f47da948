import semver from 'semver';
import type { MimicPlugin } from './plugin';
import { CORE_VERSION } from './version';

/** A plugin descriptor is malformed or does not fit with the others; the message names the plugin and the fix. */
export class PluginError extends Error {
  override name = 'PluginError';
}

const IMPL_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const PREFIX = /^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/;

function fail(plugin: string, problem: string, fix: string): never {
  throw new PluginError(`Plugin "${plugin}": ${problem}. ${fix}`);
}

/** Checks one descriptor's shape and its core range. */
export function validateDescriptor(candidate: unknown): asserts candidate is MimicPlugin {
  if (typeof candidate !== 'object' || candidate === null) {
    throw new PluginError('A plugin must be an object made by definePlugin({ name, core, setup, ... }).');
  }
  const plugin = candidate as Partial<MimicPlugin> & Record<string, unknown>;
  if (typeof plugin.name !== 'string' || plugin.name.trim() === '') {
    throw new PluginError('A plugin has no name. Give definePlugin a non-empty string `name`, e.g. "@acme/mimic-dns".');
  }
  const name = plugin.name;
  if (typeof plugin.core !== 'string' || semver.validRange(plugin.core) === null) {
    fail(name, '`core` must be a semver range of @mimic/core', `Declare the range you built against, e.g. core: "^${CORE_VERSION}".`);
  }
  if (!semver.satisfies(CORE_VERSION, plugin.core, { includePrerelease: true })) {
    fail(name, `needs @mimic/core ${plugin.core} but this is ${CORE_VERSION}`, 'Install a matching @mimic/core or a plugin release built for this one.');
  }
  if (typeof plugin.setup !== 'function') {
    fail(name, '`setup` must be a function', 'Add setup(context) { ... } that registers the routes.');
  }
  if (plugin.presets !== undefined && (typeof plugin.presets !== 'object' || plugin.presets === null || Array.isArray(plugin.presets))) {
    fail(name, '`presets` must be an object', 'Use { "<section>": { ... } }.');
  }
  if (plugin.services === undefined) return;
  if (!Array.isArray(plugin.services)) fail(name, '`services` must be a list', 'Use services: [{ name, type, implName, regions, prefix }].');
  plugin.services.forEach((service: unknown, i: number) => {
    const where = `services[${i}]`;
    if (typeof service !== 'object' || service === null) fail(name, `${where} is not an object`, 'Describe it as { name, type, implName, regions, prefix }.');
    const s = service as Record<string, unknown>;
    for (const key of ['name', 'type'] as const) {
      if (typeof s[key] !== 'string' || s[key] === '') fail(name, `${where}.${key} must be a non-empty string`, `Set ${key}, e.g. "cloudServersOpenStack" / "compute".`);
    }
    if (typeof s.implName !== 'string' || !IMPL_NAME.test(s.implName)) {
      fail(name, `${where}.implName must be letters and digits starting with a letter`, 'It becomes the service id <implName>-<6 hex>, e.g. "NovaApi".');
    }
    if (!Array.isArray(s.regions) || s.regions.length === 0 || !s.regions.every((r) => typeof r === 'string' && /^[A-Za-z0-9_-]+$/.test(r))) {
      fail(name, `${where}.regions must be a non-empty list of region names`, 'Use e.g. ["ORD", "DFW", "IAD"].');
    }
    if (typeof s.prefix !== 'string' || !PREFIX.test(s.prefix)) {
      fail(name, `${where}.prefix must be URL path segments without leading or trailing slashes`, 'Use e.g. "v2" or "v1.0".');
    }
  });
}

/** Checks a whole plugin list: each descriptor, then unique names, service names, implNames and preset sections. */
export function validatePlugins(plugins: readonly unknown[]): asserts plugins is readonly MimicPlugin[] {
  if (!Array.isArray(plugins)) throw new PluginError('`plugins` must be a list of plugin descriptors.');
  const pluginNames = new Map<string, true>();
  const serviceOwners = new Map<string, string>();
  const implOwners = new Map<string, string>();
  const presetOwners = new Map<string, string>();
  for (const candidate of plugins) {
    validateDescriptor(candidate);
    const plugin = candidate;
    if (pluginNames.has(plugin.name)) {
      fail(plugin.name, 'is installed twice', 'Pass each plugin to createMimic (or --plugin) once.');
    }
    pluginNames.set(plugin.name, true);
    for (const service of plugin.services ?? []) {
      const owner = serviceOwners.get(service.name);
      if (owner) fail(plugin.name, `service "${service.name}" is already provided by "${owner}"`, 'Rename the service or install only one of the two plugins.');
      serviceOwners.set(service.name, plugin.name);
      const implOwner = implOwners.get(service.implName);
      if (implOwner) fail(plugin.name, `implName "${service.implName}" (the service id) is already used by "${implOwner}"`, 'Choose a distinct implName.');
      implOwners.set(service.implName, plugin.name);
    }
    for (const section of Object.keys(plugin.presets ?? {})) {
      const owner = presetOwners.get(section);
      if (owner) fail(plugin.name, `presets section "${section}" is already provided by "${owner}"`, 'Put your presets under a section of your own.');
      presetOwners.set(section, plugin.name);
    }
  }
}

import { isAbsolute, resolve } from 'node:path';
import { PluginError, validateDescriptor, type MimicPlugin } from '@mimic/core';
import { CliError } from './errors';
import type { PluginRef } from './config';

/** A path (`./x`, `../x`, `/x`, `C:\x`) rather than an npm package name. */
export function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || /^[A-Za-z]:[\\/]/.test(spec);
}

const SHAPES =
  'Export the descriptor made by definePlugin({ name, core, setup }) or a factory returning one, as module.exports, `exports.plugin` or the default export';

function locate(ref: PluginRef): string {
  const { spec, base } = ref;
  if (isPathSpec(spec)) {
    const target = resolve(base, spec);
    try {
      return require.resolve(target);
    } catch {
      throw new CliError(`plugin "${spec}": nothing loadable at ${target}. Check the path (relative to ${base}); a directory needs a package.json "main" or an index.js`);
    }
  }
  try {
    return require.resolve(spec, { paths: [base] });
  } catch {
    throw new CliError(`plugin "${spec}": package not found from ${base}. Install it there (npm install ${spec}) or pass a path such as ./${spec}`);
  }
}

function candidates(exported: unknown): unknown[] {
  const found: unknown[] = [];
  if ((typeof exported === 'object' || typeof exported === 'function') && exported !== null) {
    const mod = exported as Record<string, unknown>;
    if (mod.default !== undefined) found.push(mod.default);
    if (mod.plugin !== undefined) found.push(mod.plugin);
  }
  found.push(exported);
  return found;
}

/** A factory is called with no arguments; anything else must already be a descriptor. */
function materialise(candidate: unknown, spec: string): unknown {
  if (typeof candidate !== 'function') return candidate;
  try {
    return (candidate as () => unknown)();
  } catch (error) {
    if ((error as Error).name === 'PluginError') throw invalid(spec, error as Error);
    throw new CliError(`plugin "${spec}": its factory threw "${(error as Error).message}". Make the exported factory work when called with no arguments`);
  }
}

function invalid(spec: string, error: Error): CliError {
  return new CliError(`plugin "${spec}" is not a valid Mimic plugin: ${error.message}`);
}

function looksLikeDescriptor(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('setup' in value || 'name' in value || 'core' in value);
}

/**
 * Loads one third-party plugin: resolves a path (relative to `ref.base`) or a
 * package name (from `ref.base`'s node_modules), requires it, picks the
 * default export, the `plugin` export or module.exports (a descriptor or a
 * zero-argument factory), and validates it with core, including its `core`
 * semver range. Every failure is a CliError naming the module and the fix.
 */
export function loadPlugin(ref: PluginRef): MimicPlugin {
  const file = locate(ref);
  let exported: unknown;
  try {
    exported = require(file);
  } catch (error) {
    // The module may call definePlugin at load time; core's own message is the useful one then.
    if ((error as Error).name === 'PluginError') throw invalid(ref.spec, error as Error);
    const message = (error as Error).message.split('\n')[0];
    throw new CliError(`plugin "${ref.spec}" (${file}) failed to load: ${message}. Fix the module or its dependencies (it must be CommonJS JavaScript)`);
  }
  let descriptor: unknown;
  for (const candidate of candidates(exported)) {
    if (typeof candidate !== 'function' && !looksLikeDescriptor(candidate)) continue;
    descriptor = materialise(candidate, ref.spec);
    if (looksLikeDescriptor(descriptor)) break;
    descriptor = undefined;
  }
  if (descriptor === undefined) {
    throw new CliError(`plugin "${ref.spec}" (${file}) exports no plugin descriptor. ${SHAPES}`);
  }
  try {
    validateDescriptor(descriptor);
  } catch (error) {
    if (error instanceof PluginError) throw invalid(ref.spec, error);
    throw error;
  }
  return descriptor;
}

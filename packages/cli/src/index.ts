export { main, configure, start, pluginsFor, bundledPlugins, listenError, type CliIo, type RunningMimic } from './main';
export { parseArgs, buildProgram, type ParsedArgs } from './args';
export {
  resolveConfig,
  layerFromFlags,
  layerFromEnv,
  layerFromFile,
  readConfigFile,
  DEFAULTS,
  LOG_LEVELS,
  LOG_FORMATS,
  type MimicConfig,
  type ConfigLayer,
  type CliFlags,
  type PluginRef,
  type LogLevel,
  type LogFormat,
} from './config';
export { loadPlugin, isPathSpec } from './plugins';
export { createLogger } from './logging';
export { startBanner, type Banner, type BannerInput } from './banner';
export { CliError } from './errors';
export { cliVersion } from './version';

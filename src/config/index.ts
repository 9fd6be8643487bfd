/** The exporter's configuration: config.yaml and the flags (docs: README, config and flags). */
export { buildProgram, DEFAULT_CONFIG_FILE, DEFAULTS, defaultText, optionFlag, PROJECT_ROOT } from './flags';
export { loadConfig, loadConfigFile, parseConfigText, type LoadOptions } from './load';
export { configSchema, releaseValidators, validateConfig } from './schema';
export { MIN_INTERVAL_MS, parseDuration, parseListenAddress } from './values';
export { ConfigError, EarlyExit, type CollectorSettings, type DumpSettings, type ExporterConfig, type RawConfig } from './types';

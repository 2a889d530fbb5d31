/** A configuration or input problem that stops the command: exit code 2, no stack unless --debug. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A configuration or input problem that stops the command: exit code 2, no stack unless --debug. */
export class ConfigError extends Error {
  /** `ConfigError`; subclasses set their own, so logs and `--debug` stacks tell them apart. */
  override name = 'ConfigError';
}

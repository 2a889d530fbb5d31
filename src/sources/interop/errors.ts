import { ConfigError } from '../../core/errors.js';

/**
 * Input that is unreadable or not the named format: the command stops with exit 2 and prints
 * where (`file`, `file:line:col` or `file#/json/pointer`) and why. Nothing is written.
 */
export class InteropInputError extends ConfigError {
  override name = 'InteropInputError';
  constructor(readonly where: string, readonly reason: string) {
    super(`${where}: ${reason}`);
  }
}

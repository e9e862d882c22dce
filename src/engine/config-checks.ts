import { ConfigError } from './config-error.ts';

/** An integer in [min, max], else a ConfigError naming `field`. */
export function integer(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ConfigError(field, `expected an integer, got ${JSON.stringify(value)}`);
  }
  if (value < min || value > max) {
    throw new ConfigError(field, `${value} is outside ${min}..${max}`);
  }
  return value;
}

/** A boolean, else a ConfigError naming `field`. */
export function bool(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw new ConfigError(field, `expected true or false, got ${JSON.stringify(value)}`);
  return value;
}

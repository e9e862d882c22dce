import type { JsonValue } from './trace-json.ts';

/** Config fields Python holds as int (everything else numeric is a float there). */
const INT_KEYS = new Set([
  'seed',
  'd_out',
  'num_heads',
  'batch',
  'num_kv_groups',
  'attention_mask',
  'prefill',
  'steps',
]);

/**
 * JSON text exactly as Python's `json.dumps` writes it (", " and ": " separators, floats in
 * repr form such as `1.0` and `1e-05`, non-ASCII escaped), so our trace and the PyTorch
 * oracle's can be compared with a plain `diff`.
 */
export function pythonJson(value: JsonValue, key = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return pythonString(value);
  if (typeof value === 'number') return INT_KEYS.has(key) ? String(value) : pythonFloat(value);
  if (Array.isArray(value)) return `[${value.map((v) => pythonJson(v, key)).join(', ')}]`;
  const items = Object.entries(value).map(([k, v]) => `${pythonString(k)}: ${pythonJson(v, k)}`);
  return `{${items.join(', ')}}`;
}

/** Python's `repr(float)`: shortest round-trip digits, exponent form when 10^exp < 1e-4 or ≥ 1e16. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const decpt = exp + 1; // x = 0.d1d2… × 10^decpt
  if (decpt <= -4 || decpt > 16) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

function pythonString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) =>
    c === '\u007f' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The one description of a valid ViewState. The encoder walks `VIEW_KEYS` (taken from this
 * schema), the decoder builds every field this schema has and checks its result against
 * `viewStateSchema`, and the type assertion below fails to compile if the schema and `ViewState`
 * ever disagree, so a new field cannot be forgotten in one direction.
 */
import { z } from 'zod';
import {
  MAX_D_IN,
  MAX_D_OUT,
  MAX_DROPOUT,
  MAX_EMBEDDING_MAGNITUDE,
  MAX_HEADS,
  MAX_SEED,
  MAX_TOKEN_NAME_LENGTH,
  MAX_TOKENS,
  MIN_D_IN,
  MIN_D_OUT,
  MIN_DROPOUT,
  MIN_HEADS,
  MIN_SEED,
  MIN_TOKEN_NAME_LENGTH,
  MIN_TOKENS,
} from '../chapter/limits.ts';
import { stepDef } from '../chapter/steps/index.ts';
import { BACKEND_CHOICES, STEP_IDS, type ViewState } from '../chapter/view.ts';
import { codePointLength, hasLoneSurrogate } from './text.ts';

/** Trimmed, 1..40 code points, and valid Unicode (a lone surrogate would not survive UTF-8). */
export function isValidTokenName(name: string): boolean {
  const length = codePointLength(name, MAX_TOKEN_NAME_LENGTH + 1);
  return (
    name === name.trim() &&
    length >= MIN_TOKEN_NAME_LENGTH &&
    length <= MAX_TOKEN_NAME_LENGTH &&
    !hasLoneSurrogate(name)
  );
}

const tokenName = z.string().refine(isValidTokenName, {
  message: `token names have ${MIN_TOKEN_NAME_LENGTH} to ${MAX_TOKEN_NAME_LENGTH} characters and no spaces at either end`,
});
/** z.number() already rejects NaN and ±Infinity. */
const embeddingValue = z.number().min(-MAX_EMBEDDING_MAGNITUDE).max(MAX_EMBEDDING_MAGNITUDE);
const index = z.int().min(0);

/** Each field on its own. Unrefined, so versions' payload schemas can be derived from it. */
export const viewFieldsSchema = z.strictObject({
  step: z.enum(STEP_IDS),
  tokens: z.array(tokenName).min(MIN_TOKENS).max(MAX_TOKENS),
  embeddings: z
    .array(z.array(embeddingValue).min(MIN_D_IN).max(MAX_D_IN))
    .min(MIN_TOKENS)
    .max(MAX_TOKENS),
  seed: z.int().min(MIN_SEED).max(MAX_SEED),
  d_out: z.int().min(MIN_D_OUT).max(MAX_D_OUT),
  num_heads: z.int().min(MIN_HEADS).max(MAX_HEADS),
  qkv_bias: z.boolean(),
  dropout: z.number().min(MIN_DROPOUT).max(MAX_DROPOUT),
  training: z.boolean(),
  causal: z.boolean(),
  scaled: z.boolean(),
  backend: z.enum(BACKEND_CHOICES),
  locked: z.strictObject({ head: index, row: index, col: index }).nullable(),
  scatter_dims: z.tuple([index, index]),
  head_view: z.boolean(),
  /** The step's own fields; what each must be is the step's to say (see localErrors). */
  local: z.record(z.string(), z.unknown()),
});

type Fields = z.infer<typeof viewFieldsSchema>;

/** Rules that tie fields together; empty when the state is consistent. */
export function crossFieldErrors(s: Fields): string[] {
  const errors: string[] = [];
  const rows = s.embeddings.length;
  const dIn = s.embeddings[0].length;
  if (s.embeddings.some((row) => row.length !== dIn))
    errors.push('embeddings rows differ in length');
  if (s.tokens.length !== rows) errors.push('tokens and embeddings rows differ in number');
  if (s.d_out % s.num_heads !== 0) errors.push('num_heads does not divide d_out');
  const cell = s.locked;
  if (cell && (cell.head >= s.num_heads || cell.row >= rows || cell.col >= rows)) {
    errors.push('locked cell is outside the heatmap');
  }
  if (s.scatter_dims.some((dim) => dim >= dIn)) errors.push('scatter_dims beyond d_in');
  errors.push(...localErrors(s));
  return errors;
}

/** `local` holds exactly the step's own fields, each valid by the step's schema. */
function localErrors(s: Fields): string[] {
  const fields = stepDef(s.step).local ?? {};
  const errors = Object.keys(s.local)
    .filter((key) => !Object.hasOwn(fields, key))
    .map((key) => `local.${key} is not a field of step ${s.step}`);
  for (const [key, field] of Object.entries(fields)) {
    if (!field.schema.safeParse(s.local[key]).success) errors.push(`local.${key} is not valid`);
  }
  return errors;
}

/** A complete, consistent ViewState within the limits: what decodeView always returns. */
export const viewStateSchema = viewFieldsSchema.superRefine((s, ctx) => {
  for (const message of crossFieldErrors(s)) ctx.addIssue({ code: 'custom', message });
});

/** Field names in schema order: the order the encoder writes them in. */
export const VIEW_KEYS = Object.keys(viewFieldsSchema.shape) as (keyof ViewState)[];

// Compile-time proof that the schema describes exactly ViewState (fails `tsc` otherwise).
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type SchemaMatchesViewState = Assert<Equals<Fields, ViewState>>;
export type SchemaOutputMatchesViewState = Assert<
  Equals<z.output<typeof viewStateSchema>, ViewState>
>;

/** Accepts only the step ids of chapter 3. */
export function isStepId(text: unknown): text is ViewState['step'] {
  return typeof text === 'string' && (STEP_IDS as readonly string[]).includes(text);
}

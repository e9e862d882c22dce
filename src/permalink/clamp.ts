/**
 * Turns a link's fields (already migrated to the current version, values unchecked) into a valid
 * ViewState. Nothing is refused: each field is repaired on its own, then the fields that depend
 * on each other are fitted together, and every change adds a message saying what was done.
 * Fields missing from the link take the step's default (the link only stores differences).
 */

import {
  MAX_D_OUT,
  MAX_DROPOUT,
  MAX_HEADS,
  MAX_SEED,
  MIN_D_OUT,
  MIN_DROPOUT,
  MIN_HEADS,
  MIN_SEED,
} from '../chapter/limits.ts';
import { BACKEND_CHOICES, type LockedCell, type ViewState } from '../chapter/view.ts';
import { repairEmbeddings } from './clamp-embeddings.ts';
import { repairLocal } from './clamp-local.ts';
import { fitTokens, repairTokens } from './clamp-tokens.ts';
import { type FieldKey, messages } from './messages.ts';
import type { RawFields } from './migrations.ts';

type Settings = Omit<ViewState, 'step' | 'local'>;
type Repair<K extends keyof Settings> = (
  raw: unknown,
  fallback: Settings[K],
  problems: string[],
) => Settings[K];

/**
 * One repair per field. The mapped type makes this table fail to compile if ViewState (and so the
 * schema, see schema.ts) gains a field without a repair here.
 */
const REPAIRS: { [K in keyof Settings]: Repair<K> } = {
  tokens: repairTokens,
  embeddings: repairEmbeddings,
  seed: (raw, fallback, problems) =>
    repairInteger('seed', raw, fallback, MIN_SEED, MAX_SEED, problems),
  d_out: (raw, fallback, problems) =>
    repairInteger('d_out', raw, fallback, MIN_D_OUT, MAX_D_OUT, problems),
  num_heads: (raw, fallback, problems) =>
    repairInteger('num_heads', raw, fallback, MIN_HEADS, MAX_HEADS, problems),
  qkv_bias: (raw, fallback, problems) => repairBoolean('qkv_bias', raw, fallback, problems),
  dropout: repairDropout,
  training: (raw, fallback, problems) => repairBoolean('training', raw, fallback, problems),
  causal: (raw, fallback, problems) => repairBoolean('causal', raw, fallback, problems),
  scaled: (raw, fallback, problems) => repairBoolean('scaled', raw, fallback, problems),
  backend: (raw, fallback, problems) => {
    if ((BACKEND_CHOICES as readonly unknown[]).includes(raw)) return raw as Settings['backend'];
    problems.push(messages.notChoice('backend', raw, BACKEND_CHOICES, fallback));
    return fallback;
  },
  locked: repairLockedShape,
  scatter_dims: repairScatterShape,
  head_view: (raw, fallback, problems) => repairBoolean('head_view', raw, fallback, problems),
};

/** The view a link describes: `fields` laid over the step's default `base`. */
export function repairView(fields: RawFields, base: ViewState, problems: string[]): ViewState {
  const take = <K extends keyof Settings>(key: K): Settings[K] =>
    Object.hasOwn(fields, key) ? REPAIRS[key](fields[key], base[key], problems) : base[key];
  const state: ViewState = {
    step: base.step,
    tokens: take('tokens'),
    embeddings: take('embeddings'),
    seed: take('seed'),
    d_out: take('d_out'),
    num_heads: take('num_heads'),
    qkv_bias: take('qkv_bias'),
    dropout: take('dropout'),
    training: take('training'),
    causal: take('causal'),
    scaled: take('scaled'),
    backend: take('backend'),
    locked: take('locked'),
    scatter_dims: take('scatter_dims'),
    head_view: take('head_view'),
    local: Object.hasOwn(fields, 'local')
      ? repairLocal(base.step, fields.local, base.local, problems)
      : base.local,
  };
  return fitTogether(state, fields, problems);
}

/** The rules between fields, in dependency order: embeddings → tokens, d_out → heads → locked. */
function fitTogether(state: ViewState, fields: RawFields, problems: string[]): ViewState {
  const rows = state.embeddings.length;
  const dIn = state.embeddings[0].length;
  const fromLink = Array.isArray(fields.tokens);
  const stated = {
    count: fromLink ? (fields.tokens as unknown[]).length : state.tokens.length,
    fromLink,
  };
  const tokens = fitTokens(state.tokens, rows, problems, stated);

  let numHeads = state.num_heads;
  if (state.d_out % numHeads !== 0) {
    numHeads = nearestValidHeads(state.d_out, numHeads);
    problems.push(
      messages.headsDoNotDivide(
        state.num_heads,
        state.d_out,
        numHeads,
        Object.hasOwn(fields, 'num_heads'),
      ),
    );
  }

  let locked = state.locked;
  if (locked && (locked.head >= numHeads || locked.row >= rows || locked.col >= rows)) {
    problems.push(messages.lockedOutside(locked.head, locked.row, locked.col, numHeads, rows));
    locked = null;
  }

  let scatter = state.scatter_dims;
  if (scatter[0] >= dIn || scatter[1] >= dIn) {
    const used = defaultScatter(dIn);
    problems.push(
      messages.scatterOutside(scatter, dIn, used, Object.hasOwn(fields, 'scatter_dims')),
    );
    scatter = used;
  }
  return { ...state, tokens, num_heads: numHeads, locked, scatter_dims: scatter };
}

/** The head count in 1..MAX_HEADS dividing d_out that is closest to `heads` (ties: fewer heads). */
export function nearestValidHeads(dOut: number, heads: number): number {
  let best = 1;
  for (let h = MIN_HEADS; h <= MAX_HEADS; h++) {
    if (dOut % h === 0 && Math.abs(h - heads) < Math.abs(best - heads)) best = h;
  }
  return best;
}

function defaultScatter(dIn: number): [number, number] {
  return [0, Math.min(1, dIn - 1)];
}

function repairInteger(
  key: FieldKey,
  raw: unknown,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  if (typeof raw !== 'number' || Number.isNaN(raw)) {
    problems.push(messages.notANumber(key, raw, fallback));
    return fallback;
  }
  // Rounding first, then clamping, also sends ±Infinity to the nearest end of the range.
  const used = Math.min(max, Math.max(min, Math.round(raw))) + 0; // + 0 turns -0 into 0
  if (used !== raw)
    problems.push(messages.outOfRange(key, raw, `whole numbers from ${min} to ${max}`, used));
  return used;
}

function repairDropout(raw: unknown, fallback: number, problems: string[]): number {
  if (typeof raw !== 'number' || Number.isNaN(raw)) {
    problems.push(messages.notANumber('dropout', raw, fallback));
    return fallback;
  }
  const used = Math.min(MAX_DROPOUT, Math.max(MIN_DROPOUT, raw)) + 0;
  if (used !== raw)
    problems.push(messages.outOfRange('dropout', raw, `${MIN_DROPOUT} to ${MAX_DROPOUT}`, used));
  return used;
}

function repairBoolean(
  key: FieldKey,
  raw: unknown,
  fallback: boolean,
  problems: string[],
): boolean {
  if (typeof raw === 'boolean') return raw;
  problems.push(messages.notBoolean(key, raw, fallback));
  return fallback;
}

const isIndex = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** Shape only (exactly head, row, col, each a whole number ≥ 0); the range is checked later. */
function repairLockedShape(
  raw: unknown,
  _fallback: LockedCell | null,
  problems: string[],
): LockedCell | null {
  if (raw === null) return null;
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const cell = raw as Record<string, unknown>;
    const keys = Object.keys(cell);
    if (keys.length === 3 && isIndex(cell.head) && isIndex(cell.row) && isIndex(cell.col)) {
      return { head: cell.head, row: cell.row, col: cell.col };
    }
  }
  problems.push(messages.lockedNotCell(raw));
  return null;
}

/** Shape only (two whole numbers ≥ 0); whether they exist in the embeddings is checked later. */
function repairScatterShape(
  raw: unknown,
  fallback: [number, number],
  problems: string[],
): [number, number] {
  if (Array.isArray(raw) && raw.length === 2 && isIndex(raw[0]) && isIndex(raw[1]))
    return [raw[0], raw[1]];
  problems.push(messages.scatterNotPair(raw, fallback));
  return fallback;
}

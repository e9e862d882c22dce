/**
 * Permalinks: a view as a URL hash. The book's example for a step is just the step, `#/3.5.1`;
 * an edited view adds `?s=` and the packed JSON of the fields that differ from that example
 * (plus the version `v`), so links stay short and open the same view after defaults change only
 * where the learner kept the default.
 */

import { MAX_LINK_LENGTH } from '../chapter/limits.ts';
import { defaultView, STEP_IDS, type StepId, type ViewState } from '../chapter/view.ts';
import { repairView } from './clamp.ts';
import { toFloat32Decimal } from './float32.ts';
import { messages } from './messages.ts';
import { CURRENT_VERSION, migrate, OLDEST_VERSION } from './migrations.ts';
import { packText, unpackText } from './pack.ts';
import { isStepId, VIEW_KEYS, viewStateSchema } from './schema.ts';

export interface DecodedView {
  /** Always a complete view within the limits (it passes `viewStateSchema`). */
  state: ViewState;
  /** One plain-text sentence per thing that was wrong with the link; empty for a good link. */
  problems: string[];
}

/** Where a link without a usable step opens: the chapter's first step. */
export const FALLBACK_STEP: StepId = STEP_IDS[0];

/** The hash for a view, beginning with `#/`. */
export function encodeView(state: ViewState): string {
  const step = isStepId(state.step) ? state.step : FALLBACK_STEP;
  const base = defaultView(step);
  const diff: Record<string, unknown> = {};
  for (const key of VIEW_KEYS) {
    if (key === 'step') continue;
    const value = toWire(key, state[key]);
    // Comparing the written form: a value that writes like the default is the default.
    if (JSON.stringify(value) !== JSON.stringify(toWire(key, base[key]))) diff[key] = value;
  }
  if (Object.keys(diff).length === 0) return `#/${step}`;
  return `#/${step}?s=${packText(JSON.stringify({ v: CURRENT_VERSION, ...diff }))}`;
}

/** Embeddings are written at float32 precision (see float32.ts); other fields as they are. */
function toWire(key: keyof ViewState, value: unknown): unknown {
  if (key !== 'embeddings') return value;
  return (value as number[][]).map((row) => row.map(toFloat32Decimal));
}

/**
 * The view a hash describes, repaired to fit the limits, with a message for each repair.
 * Never throws. Accepts the hash with or without its leading `#` and `/`; an empty hash is the
 * chapter's start (step 3.3.1) and is not a problem.
 */
export function decodeView(hash: string): DecodedView {
  try {
    return decode(hash);
  } catch {
    // Unreachable as far as the tests can find; kept so a bug can never break page load.
    return { state: defaultView(FALLBACK_STEP), problems: [messages.unexpected(FALLBACK_STEP)] };
  }
}

function decode(hash: unknown): DecodedView {
  if (typeof hash !== 'string') {
    return { state: defaultView(FALLBACK_STEP), problems: [messages.notText(FALLBACK_STEP)] };
  }
  const problems: string[] = [];
  const body = hash.replace(/^#?\/?/, '');
  const mark = body.indexOf('?');
  const path = mark < 0 ? body : body.slice(0, mark);
  const query = mark < 0 ? null : body.slice(mark + 1);

  const step = readStep(path, query !== null, problems);
  const base = defaultView(step);
  const fail = (message: string): DecodedView => ({
    state: base,
    problems: [...problems, message],
  });
  if (query === null) return { state: base, problems };
  if (hash.length > MAX_LINK_LENGTH) return fail(messages.tooLong(hash.length, step));

  const payload = readQuery(query, problems);
  if (payload === null) return fail(messages.badQuery(query, step));
  const unpacked = unpackText(payload);
  if (!unpacked.ok)
    return fail(unpacked.reason === 'too-large' ? messages.tooLarge(step) : messages.damaged(step));
  let data: unknown;
  try {
    data = JSON.parse(unpacked.text);
  } catch {
    return fail(messages.damaged(step));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail(messages.damaged(step));
  const fields = data as Record<string, unknown>;

  const version = readVersion(fields, step, problems);
  if (typeof version === 'string') return fail(version);
  const migrated = migrate(fields, version);
  if (migrated.ignored.length > 0) problems.push(messages.unknownSettings(migrated.ignored));
  const state = repairView(migrated.fields, base, problems);
  // The repairs are meant to make this always pass; if one ever misses, fall back, don't show it.
  if (!viewStateSchema.safeParse(state).success) return fail(messages.unrepairable(step));
  return { state, problems };
}

/**
 * The version to migrate from, or the message for a version this build cannot read (a link from
 * a newer Attention Lab is not guessed at: its fields may mean something else by then).
 */
function readVersion(
  fields: Record<string, unknown>,
  step: StepId,
  problems: string[],
): number | string {
  const version = fields.v;
  if (!Object.hasOwn(fields, 'v')) {
    problems.push(messages.noVersion(CURRENT_VERSION));
    return CURRENT_VERSION;
  }
  if (typeof version === 'number' && Number.isInteger(version)) {
    if (version > CURRENT_VERSION)
      return messages.newerVersion(version, OLDEST_VERSION, CURRENT_VERSION, step);
    if (version >= OLDEST_VERSION) return version;
  }
  return messages.unknownVersion(version, OLDEST_VERSION, CURRENT_VERSION, step);
}

/** The step named by the path; an unknown or missing step opens the first step, with a message. */
function readStep(path: string, hasQuery: boolean, problems: string[]): StepId {
  if (isStepId(path)) return path;
  if (path === '') {
    // A bare `#` or `#/` is the chapter's start page, not a mistake.
    if (hasQuery) problems.push(messages.noStep(FALLBACK_STEP));
  } else {
    problems.push(messages.unknownStep(path, FALLBACK_STEP));
  }
  return FALLBACK_STEP;
}

/** The `s` parameter of the query; other parameters are reported and ignored. */
function readQuery(query: string, problems: string[]): string | null {
  const parts = query.split('&');
  const found = parts.findIndex((part) => part.startsWith('s='));
  if (found < 0) return null;
  const others = parts.filter((_, i) => i !== found);
  if (others.length > 0) problems.push(messages.extraQuery(others.slice(0, 3)));
  return parts[found].slice(2);
}

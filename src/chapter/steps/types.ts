/** What one step of the explainer is: everything about it lives in one file of this folder. */
import type { z } from 'zod';
import type { AttentionConfigInput } from '../../engine/config.ts';
import type { Trace } from '../../engine/trace.ts';
import type { PanelGroup } from '../panels/types.ts';
import type { ViewState } from '../view.ts';

/** The controls a step can offer, named after the ViewState fields they edit. */
export const CONTROL_IDS = [
  'query',
  'seed',
  'd_out',
  'num_heads',
  'qkv_bias',
  'dropout',
  'training',
  'causal',
  'scaled',
] as const;
export type ControlId = (typeof CONTROL_IDS)[number];

/** A cell the formula panel explains when nothing is hovered or locked. */
export interface FeaturedCell {
  /** The panel's id (ids are unique on a step), e.g. `attn_weights`. */
  panel: string;
  row: number;
  col: number;
}

/** The shared settings a step may open with differently from the book's base view. */
export type SharedDefaults = Partial<
  Pick<
    ViewState,
    'seed' | 'd_out' | 'num_heads' | 'qkv_bias' | 'dropout' | 'training' | 'causal' | 'scaled'
  >
>;

/**
 * One field of a step's own state (e.g. 3.6.2's toy tensor `a`): it lives in `view.local`, the
 * permalink carries it like any other field (only when it differs from `initial`), and a link's
 * value is checked with `schema`, fitted with `clamp` when it can be, else replaced by `initial`.
 */
export interface LocalField<T> {
  /** How messages name it, e.g. "toy tensor a". */
  label: string;
  initial: T;
  schema: z.ZodType<T>;
  /** A value the schema refuses, brought within the limits; null when it cannot be. */
  clamp?(raw: unknown): T | null;
}
export type LocalFields<L> = { readonly [K in keyof L]: LocalField<L[K]> };

/**
 * Bodies of their own, for steps whose page is not the standard panels (e.g. a GPT-2 step): an
 * id here, and app/steps/bodies.ts maps it to a component (src/ stays free of React). The app's
 * map is typed by this list, so an id without a component fails to compile.
 */
export const CUSTOM_BODIES = [
  'gpt2',
  'beyond-gqa',
  'beyond-kv-cache',
  'beyond-padding',
  'training',
  'race',
] as const;
/** What the page draws below the settings: the standard panel groups, or a custom body. */
export type BodyKind = 'panels' | (typeof CUSTOM_BODIES)[number];

/** One screen of the explainer: the chapter's section, in its order and words. */
export interface StepDef<Id extends string = string> {
  id: Id;
  /** Two or three words for the step list. */
  short: string;
  /** The section's heading, as the chapter words it. */
  title: string;
  /** Where the book's view differs from the base view (BOOK_VIEW): its seed, heads, masks… */
  defaults: SharedDefaults;
  /** The step's own fields, beyond the shared ViewState; absent when it has none. */
  local?: LocalFields<Record<string, unknown>>;
  /** Defaults to 'panels'. */
  body?: BodyKind;
  /** A few short paragraphs in our own words; plain text with Unicode maths. */
  prose: readonly string[];
  /** The PyTorch lines that compute this step (ours), with the learner's numbers filled in. */
  code(view: ViewState): string;
  controls: readonly ControlId[];
  /** Extra words for a control on this step, e.g. d_out being per head in the wrapper. */
  hints?: Partial<Record<ControlId, string>>;
  /**
   * Computes in workers of its own (the GPT-2 step, the race): its `configsFor` is empty for
   * every view, and the header's badge speaks of those workers, not of the chapter's engine.
   */
  ownWorkers?: true;
  /** The engine requests this step draws from, main one first. */
  configsFor(view: ViewState): AttentionConfigInput[];
  /**
   * What the step draws from its traces: groups of panels with ids unique on the step. `view`
   * must be the view the traces were computed for (the page keeps the last good pair together).
   */
  panels(view: ViewState, traces: Trace[]): PanelGroup[];
  featured(view: ViewState): FeaturedCell;
}

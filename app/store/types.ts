import type { BackendChoice, ViewState } from '../../src/chapter/view.ts';
import type { AttentionConfigInput } from '../../src/engine/config.ts';
import type { Trace } from '../../src/engine/trace.ts';
import type { EngineListeners } from '../../src/engine/worker/client.ts';
import type { BackendName, Fallback } from '../../src/engine/worker/protocol.ts';

/** What the store needs of the engine: EngineClient in the page, a fake in tests. */
export interface Engine {
  compute(configs: AttentionConfigInput[], backend: BackendChoice): number;
  /** Holds the engine's background work (loading and measuring backends) while `on`. */
  hold?(on: boolean): void;
}
export type EngineFactory = (listeners: EngineListeners) => Engine;

/** The traces on screen and the view they were computed for (kept together). */
export interface Shown {
  view: ViewState;
  traces: Trace[];
}

/** Which backend computed what is on screen, and what else this session can use. */
export interface EngineStatus {
  backend: BackendName | null;
  label: string;
  ms: number;
  fallbacks: Fallback[];
  available: BackendName[];
}

/** A config the engine refused; `field` names the control or input at fault. */
export interface EngineFault {
  field: string | null;
  message: string;
}

/** A heatmap cell by its panel's id (unique on a step, e.g. `attn_weights.h2`). */
export interface Focus {
  panel: string;
  row: number;
  col: number;
  /** The panel's head, for the ViewState's locked cell. */
  head: number;
  /** The tokens the cell refers to, for highlighting them everywhere. */
  query: number | null;
  key: number | null;
}

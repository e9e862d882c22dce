/**
 * The one store: the learner's ViewState, the traces on screen, the engine's status and the
 * hover/lock highlight. Every edit goes through `apply`, which sends the step's configs to the
 * engine when they changed; the last good traces stay on screen until new ones arrive, and a
 * refused config leaves them there with the error beside the field at fault.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { configsFor } from '../../src/chapter/steps/index.ts';
import type { BackendChoice, StepId, ViewState } from '../../src/chapter/view.ts';
import type { BackendStatus, ComputeResult } from '../../src/engine/worker/protocol.ts';
import { keepInside, openStep } from './edits.ts';
import { cancelPaint, markEdit } from './paint.ts';
import type { EngineFactory, EngineFault, EngineStatus, Focus, Shown } from './types.ts';

export interface LabState {
  view: ViewState;
  shown: Shown | null;
  computing: boolean;
  status: EngineStatus;
  fault: EngineFault | null;
  hover: Focus | null;
  lock: Focus | null;
  showTables: boolean;
  actions: LabActions;
}

export interface LabActions {
  /** Any change to the view; recomputes when the step's configs changed. */
  edit(change: (view: ViewState) => ViewState): void;
  goTo(step: StepId): void;
  setBackend(choice: BackendChoice): void;
  hover(focus: Focus | null): void;
  toggleLock(focus: Focus): void;
  setShowTables(show: boolean): void;
  /** Computes the current view now, e.g. at start-up. */
  refresh(): void;
}

export type LabStore = StoreApi<LabState>;

export function createLabStore(initial: ViewState, makeEngine: EngineFactory): LabStore {
  let requested: { id: number; view: ViewState; key: string } | null = null;

  const store = createStore<LabState>()((set, get) => {
    const engine = makeEngine({
      onResult: (r: ComputeResult) => {
        if (!requested || r.id !== requested.id) return;
        const status = { ...get().status, backend: r.backend, label: r.label, ms: r.ms };
        set({
          shown: { view: requested.view, traces: r.traces },
          computing: false,
          fault: null,
          status: { ...status, fallbacks: r.fallbacks },
        });
      },
      onError: (e) => {
        if (!requested || e.id !== requested.id) return;
        cancelPaint();
        set({ computing: false, fault: { field: e.field, message: e.message } });
      },
      onStatus: (s: BackendStatus) => {
        set({ status: { ...get().status, available: s.available, fallbacks: s.fallbacks } });
        if (betterAvailable(get().view.backend, get().status)) send(get().view, true);
      },
    });

    /** Sends the view's configs, or just re-labels the traces on screen when they still hold. */
    function send(view: ViewState, force = false): void {
      const configs = configsFor(view);
      const key = JSON.stringify([configs, view.backend]);
      const shown = get().shown;
      if (!force && requested?.key === key) {
        // Same computation: the traces on screen (or on their way) stay valid for this view.
        requested = { ...requested, view };
        if (shown && !get().computing) set({ shown: { ...shown, view } });
        return;
      }
      const id = engine.compute(configs, view.backend);
      requested = { id, view, key };
      set({ computing: true });
    }

    return {
      view: initial,
      shown: null,
      computing: false,
      status: { backend: null, label: '', ms: 0, fallbacks: [], available: ['reference'] },
      fault: null,
      hover: null,
      lock: null,
      showTables: false,
      actions: {
        edit(change) {
          const before = get().view;
          const view = keepInside(change(before));
          if (view === before) return;
          const recompute = JSON.stringify(configsFor(view)) !== JSON.stringify(configsFor(before));
          if (recompute) markEdit();
          // A highlight that points at a token that is gone would point at the wrong one.
          const reshaped = view.tokens.length !== before.tokens.length;
          set(reshaped ? { view, hover: null, lock: null } : { view });
          send(view);
        },
        goTo(step) {
          if (step === get().view.step) return;
          const view = openStep(get().view, step);
          set({ view, hover: null, lock: null, fault: null });
          send(view);
        },
        setBackend(choice) {
          const view = { ...get().view, backend: choice };
          set({ view });
          send(view);
        },
        hover: (focus) => set({ hover: focus }),
        toggleLock(focus) {
          const { lock, actions } = get();
          const same =
            lock && lock.panel === focus.panel && lock.row === focus.row && lock.col === focus.col;
          set({ lock: same ? null : focus });
          actions.edit((v) => ({ ...v, locked: same ? null : lockedCell(v, focus) }));
        },
        setShowTables: (showTables) => set({ showTables }),
        refresh: () => send(get().view, true),
      },
    };
  });
  // The first frame: compute what the initial view shows.
  store.getState().actions.refresh();
  return store;
}

/**
 * The ViewState's locked cell for a focus: query row and key column of the T×T attention it
 * points into. A cell that names no query (a weight matrix) keeps the current row.
 */
function lockedCell(view: ViewState, f: Focus): ViewState['locked'] {
  const row = f.query ?? view.locked?.row ?? 1;
  const col = f.key ?? row;
  const t = view.tokens.length;
  if (row >= t || col >= t) return null;
  return { head: Math.min(f.head, view.num_heads - 1), row, col };
}

/** True when the session can now do better than the backend that computed the screen. */
function betterAvailable(choice: BackendChoice, status: EngineStatus): boolean {
  if (!status.backend) return false;
  if (choice === 'auto')
    return status.available[0] !== undefined && status.available[0] !== status.backend;
  return status.available.includes(choice) && status.backend !== choice;
}

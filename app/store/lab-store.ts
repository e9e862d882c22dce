/**
 * The one store: the learner's ViewState, why it last changed, the traces on screen, the engine's
 * status, the hover/lock highlight, the undo history's state and the notice. Every change of the
 * view sends the step's configs to the engine when they changed; the last good traces stay on
 * screen until new ones arrive, and a refused config leaves them there with the error beside the
 * field at fault. Edits are recorded for undo; moving between steps and arriving views are not.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { configsFor } from '../../src/chapter/steps/index.ts';
import {
  type BackendChoice,
  defaultView,
  type StepId,
  type ViewState,
} from '../../src/chapter/view.ts';
import type { Trace } from '../../src/engine/trace.ts';
import { encodeTraces } from '../../src/engine/trace-snapshot.ts';
import type { BackendStatus, ComputeResult } from '../../src/engine/worker/protocol.ts';
import { type UndoFlags, UndoHistory } from '../history/undo.ts';
import type { Notice } from '../notice/notice.ts';
import { keepInside, openStep } from './edits.ts';
import { lockedCell, lockFocusFor, lockMatches } from './lock-focus.ts';
import { cancelPaint, markEdit } from './paint.ts';
import type { EngineFactory, EngineFault, EngineStatus, Focus, Shown } from './types.ts';

/**
 * Why the view last changed, for those who follow it: the URL pushes a history entry when the
 * step changed, replaces it otherwise, and leaves it alone for a view that came from the URL.
 */
export type ViewOrigin = 'start' | 'edit' | 'step' | 'url' | 'undo';

export interface LabState {
  view: ViewState;
  origin: ViewOrigin;
  shown: Shown | null;
  /** What was on screen when the current edit gesture began: "what did my edit change?". */
  before: Shown | null;
  computing: boolean;
  status: EngineStatus;
  fault: EngineFault | null;
  hover: Focus | null;
  lock: Focus | null;
  showTables: boolean;
  showChanges: boolean;
  undo: UndoFlags;
  notice: Notice | null;
  actions: LabActions;
}

export interface LabActions {
  /**
   * Any change the learner makes to the view: an undo step; recomputes when configs changed.
   * Edits with the same `run` (one press of Play) are one undo step.
   */
  edit(change: (view: ViewState) => ViewState, options?: { run?: string }): void;
  /** Opens a step keeping the learner's inputs: navigation (a new URL entry), not an edit. */
  goTo(step: StepId): void;
  setBackend(choice: BackendChoice): void;
  hover(focus: Focus | null): void;
  toggleLock(focus: Focus): void;
  setShowTables(show: boolean): void;
  setShowChanges(show: boolean): void;
  setShowHeadView(show: boolean): void;
  /** Computes the current view now, e.g. at start-up. */
  refresh(): void;
  /** A whole view from outside (a link, Back/Forward); not an edit, so not undoable. */
  arrive(view: ViewState): void;
  undo(): void;
  redo(): void;
  /** The book's example for the current step (keeping the backend choice); undoable. */
  startOver(): void;
  setNotice(notice: Notice | null): void;
  /** The learner's gesture ended (focus moved, pointer pressed or released): see UndoHistory. */
  endGesture(): void;
  /** The page's own heavy work runs (training plays): the engine puts its background work off. */
  holdEngine(on: boolean): void;
}

export type LabStore = StoreApi<LabState>;

/**
 * `drawn`: traces of `initial` already at hand (the build's copy of the landing view, see
 * app/prerender/handover.ts), shown until the engine's own answer replaces them.
 */
export function createLabStore(
  initial: ViewState,
  makeEngine: EngineFactory,
  drawn: Trace[] | null = null,
): LabStore {
  let requested: { id: number; view: ViewState; key: string } | null = null;
  const history = new UndoHistory();
  /** A view arrived whole: its locked cell gets outlined once its traces are on screen. */
  let lockPending = initial.locked !== null;
  /** An edit gesture (typing in a field, a drag) is under way: its "before" is already kept. */
  let gestureOpen = false;
  /** The build's traces, until the engine's first answer. */
  let fromBuild = drawn;

  const store = createStore<LabState>()((set, get) => {
    const engine = makeEngine({
      onResult: (r: ComputeResult) => {
        if (!requested || r.id !== requested.id) return;
        const status = { ...get().status, backend: r.backend, label: r.label, ms: r.ms };
        const shown = get().shown;
        // The engine's first answer on the landing view is, bit for bit, the build's traces on
        // screen: the same object stays, so nothing is drawn again.
        const same =
          fromBuild !== null &&
          shown?.traces === fromBuild &&
          shown.view === requested.view &&
          encodeTraces(r.traces) === encodeTraces(fromBuild);
        fromBuild = null;
        set({
          shown: same ? shown : { view: requested.view, traces: r.traces },
          computing: false,
          fault: null,
          status: { ...status, fallbacks: r.fallbacks },
        });
        syncLock();
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
      if (configs.length === 0) {
        // A step with its own worker (Exercise 3.3) asks the chapter's engine for nothing.
        requested = null;
        set({ shown: { view, traces: [] }, computing: false, fault: null });
        return;
      }
      const id = engine.compute(configs, view.backend);
      requested = { id, view, key };
      set({ computing: true });
    }

    /** Outlines the arrived view's locked cell when its traces are the ones on screen. */
    function syncLock(): void {
      if (!lockPending) return;
      const { view, shown, lock } = get();
      if (lockMatches(lock, view)) {
        lockPending = false;
      } else if (!view.locked) {
        lockPending = false;
        set({ lock: null });
      } else if (shown?.view === view) {
        lockPending = false;
        set({ lock: lockFocusFor(view, shown.traces) });
      }
    }

    /** Shows a view that arrived whole (link, undo, start over): nothing of the old focus stays. */
    function show(view: ViewState, origin: ViewOrigin): void {
      const before = get().view;
      lockPending = true;
      const fault = view.step === before.step ? get().fault : null;
      // What this view changed on screen (an undo, a link on the same step) can be shown too.
      const kept = view.step === before.step ? get().shown : null;
      gestureOpen = false;
      set({ view, origin, hover: null, fault, undo: history.flags(), before: kept });
      send(view);
      syncLock();
    }

    /** A learner's edit of the whole view: recorded for undo. */
    function record(before: ViewState, view: ViewState, alone = false, run?: string): void {
      history.record(before, view, alone, run);
      set({ undo: history.flags() });
    }

    return {
      view: initial,
      origin: 'start',
      shown: drawn ? { view: initial, traces: drawn } : null,
      before: null,
      computing: false,
      status: { backend: null, label: '', ms: 0, fallbacks: [], available: ['reference'] },
      fault: null,
      hover: null,
      lock: null,
      showTables: false,
      showChanges: false,
      undo: history.flags(),
      notice: null,
      actions: {
        edit(change, options) {
          const before = get().view;
          const view = keepInside(change(before));
          // An edit that changes nothing (a value typed again) is no undo step.
          if (view === before || JSON.stringify(view) === JSON.stringify(before)) return;
          const recompute = JSON.stringify(configsFor(view)) !== JSON.stringify(configsFor(before));
          if (recompute) markEdit();
          // The first recomputing edit of a gesture keeps what the learner saw before it.
          const kept = recompute && !gestureOpen ? { before: get().shown } : {};
          if (recompute) gestureOpen = true;
          // A highlight that points at a token that is gone would point at the wrong one.
          const reshaped = view.tokens.length !== before.tokens.length;
          lockPending = false;
          set(
            reshaped
              ? { view, origin: 'edit', hover: null, lock: null, ...kept }
              : { view, origin: 'edit', ...kept },
          );
          record(before, view, false, options?.run);
          send(view);
        },
        goTo(step) {
          if (step === get().view.step) return;
          const view = openStep(get().view, step);
          lockPending = false;
          set({ view, origin: 'step', hover: null, lock: null, fault: null, before: null });
          send(view);
        },
        setBackend(choice) {
          get().actions.edit((v) => ({ ...v, backend: choice }));
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
        setShowChanges: (showChanges) => set({ showChanges }),
        setShowHeadView(on) {
          get().actions.edit((v) => ({ ...v, head_view: on }));
        },
        refresh: () => send(get().view, true),
        arrive: (view) => show(view, 'url'),
        undo() {
          history.seal();
          const view = history.undo();
          if (view) show(view, 'undo');
        },
        redo() {
          const view = history.redo();
          if (view) show(view, 'undo');
        },
        startOver() {
          const before = get().view;
          const view = { ...defaultView(before.step), backend: before.backend };
          if (JSON.stringify(view) !== JSON.stringify(before)) record(before, view, true);
          show(view, 'edit');
          set({ notice: { kind: 'started-over', step: view.step } });
        },
        setNotice: (notice) => set({ notice }),
        endGesture: () => {
          history.seal();
          gestureOpen = false;
        },
        holdEngine: (on) => engine.hold?.(on),
      },
    };
  });
  // The first frame: compute what the initial view shows.
  store.getState().actions.refresh();
  return store;
}

/** True when the session can now do better than the backend that computed the screen. */
function betterAvailable(choice: BackendChoice, status: EngineStatus): boolean {
  if (!status.backend) return false;
  if (choice === 'auto')
    return status.available[0] !== undefined && status.available[0] !== status.backend;
  return status.available.includes(choice) && status.backend !== choice;
}

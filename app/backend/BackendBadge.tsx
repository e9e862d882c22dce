import './backend.css';
import { type KeyboardEvent, useId, useRef } from 'react';
import { usesChapterEngine } from '../../src/chapter/steps/index.ts';
import { BACKEND_CHOICES, type BackendChoice } from '../../src/chapter/view.ts';
import { useActions, useLab } from '../store/index.ts';
import type { EngineStatus } from '../store/types.ts';
import { computedBy, formatMs, sameNumbers } from './words.ts';

const NAMES: Record<BackendChoice, string> = {
  auto: 'automatic (fastest available)',
  webgpu: 'WebGPU',
  kernel: 'WASM SIMD kernels',
  wasm: 'WASM',
  reference: 'reference (TypeScript)',
};

/** Next to a backend's name: nothing when usable, else whether it failed or is still loading. */
function availability(b: BackendChoice, status: EngineStatus): string {
  if (b === 'auto' || status.available.includes(b)) return '';
  return status.fallbacks.some((f) => f.backend === b) ? ' (unavailable)' : ' (loading…)';
}

/**
 * Which backend computed what is on screen and how long it took, in a learner's words; its
 * details (opened on demand, closed with Escape) give the engine's own label, every fallback
 * with its reason, and let the learner force a backend.
 */
export function BackendBadge() {
  // The GPT-2 step and the race compute in workers of their own and say so on the step: the
  // chapter engine's badge there would speak of a computation that is not on screen.
  const chapterEngine = useLab((s) => usesChapterEngine(s.view.step));
  return chapterEngine ? (
    <ChapterEngineBadge />
  ) : (
    <p className="backend own">this step computes in its own workers</p>
  );
}

/** The badge of the steps the chapter engine computes. */
function ChapterEngineBadge() {
  const status = useLab((s) => s.status);
  const computing = useLab((s) => s.computing);
  const choice = useLab((s) => s.view.backend);
  const { setBackend } = useActions();
  const selectId = useId();
  const details = useRef<HTMLDetailsElement>(null);
  const summary = status.backend
    ? computedBy(status.backend, status.label, status.ms)
    : 'starting…';
  const onKeyDown = (e: KeyboardEvent) => {
    const el = details.current;
    if (e.key !== 'Escape' || !el?.open) return;
    e.preventDefault();
    el.open = false;
    el.querySelector('summary')?.focus();
  };
  return (
    <details
      ref={details}
      className="backend"
      data-backend={status.backend ?? undefined}
      onKeyDown={onKeyDown}
    >
      <summary aria-label={`Backend: ${summary}${computing ? ', computing' : ''}`}>
        <span className={computing ? 'dot busy' : 'dot'} aria-hidden="true" />
        <span className="backend-label">{summary}</span>
      </summary>
      <div className="backend-details">
        {status.backend && <p>{sameNumbers(status.backend, status.available)}</p>}
        <p className="backend-note">
          Engine: <strong>{status.label || '…'}</strong>
          {status.backend && <>, {formatMs(status.ms)} for the forward pass in the worker</>}.
        </p>
        <label htmlFor={selectId}>Backend</label>{' '}
        <select
          id={selectId}
          value={choice}
          onChange={(e) => setBackend(e.currentTarget.value as BackendChoice)}
        >
          {BACKEND_CHOICES.map((b) => (
            <option key={b} value={b}>
              {NAMES[b]}
              {availability(b, status)}
            </option>
          ))}
        </select>
        {choice === 'auto' && (
          <p className="backend-note">
            Automatic runs each backend once for inputs of this size, then keeps the fastest it
            measured.
          </p>
        )}
        {status.fallbacks.length > 0 && (
          <>
            <p>Fallbacks taken:</p>
            <ul className="fallbacks">
              {status.fallbacks.map((f) => (
                <li key={`${f.backend}:${f.reason}`}>{f.reason}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}

import './backend.css';
import { useId } from 'react';
import { BACKEND_CHOICES, type BackendChoice } from '../../src/chapter/view.ts';
import { useActions, useLab } from '../store/index.ts';
import type { EngineStatus } from '../store/types.ts';

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

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/**
 * Which backend computed what is on screen and how long it took; its details list every
 * fallback with its reason and let the learner force a backend.
 */
export function BackendBadge() {
  const status = useLab((s) => s.status);
  const computing = useLab((s) => s.computing);
  const choice = useLab((s) => s.view.backend);
  const { setBackend } = useActions();
  const selectId = useId();
  const summary = status.backend ? `${status.label} · ${formatMs(status.ms)}` : 'starting…';
  return (
    <details className="backend" data-backend={status.backend ?? undefined}>
      <summary aria-label={`Backend: ${summary}${computing ? ', computing' : ''}`}>
        <span className={computing ? 'dot busy' : 'dot'} aria-hidden="true" />
        <span className="backend-label">{summary}</span>
      </summary>
      <div className="backend-details">
        <p>
          What is on screen was computed by <strong>{status.label || '…'}</strong>
          {status.backend && <> in {formatMs(status.ms)}</>}.
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

import { BackendBadge } from './backend/BackendBadge.tsx';
import { StepNav } from './steps/StepNav.tsx';
import { StepPage } from './steps/StepPage.tsx';
import { useStepKeys } from './steps/useStepKeys.ts';
import type { LabStore } from './store/index.ts';

/** The page: the chapter's steps, the current one, and the engine's badge. */
export function App({ store }: { store: LabStore }) {
  useStepKeys(store);
  return (
    <>
      <header className="site-header">
        <div className="wrap">
          <div className="brand">
            <h1>Attention Lab</h1>
            <p className="tagline">
              Chapter 3 of <cite>Build a Large Language Model (From Scratch)</cite>, computed live
              in your browser.
            </p>
          </div>
          <div className="header-tools">
            <BackendBadge />
          </div>
        </div>
        <div className="wrap">
          <StepNav />
        </div>
      </header>
      <main className="wrap">
        <StepPage />
      </main>
    </>
  );
}

import { SkipLinks } from './a11y/SkipLinks.tsx';
import { StepAnnouncer } from './a11y/StepAnnouncer.tsx';
import { BackendBadge } from './backend/BackendBadge.tsx';
import { UndoButtons } from './history/UndoButtons.tsx';
import { useFocusRescue } from './history/useFocusRescue.ts';
import { useGestureEnds } from './history/useGestureEnds.ts';
import { useUndoKeys } from './history/useUndoKeys.ts';
import { NoticeBanner } from './notice/NoticeBanner.tsx';
import { StartOverButton } from './persist/StartOverButton.tsx';
import { ShareButton } from './share/ShareButton.tsx';
import { StepNav } from './steps/StepNav.tsx';
import { StepPage } from './steps/StepPage.tsx';
import { useStepKeys } from './steps/useStepKeys.ts';
import type { LabStore } from './store/index.ts';

/** The page: the chapter's steps, the current one, the view's tools and the engine's badge. */
export function App({ store }: { store: LabStore }) {
  useStepKeys(store);
  useUndoKeys(store);
  useGestureEnds(store);
  useFocusRescue();
  return (
    <>
      <SkipLinks />
      <StepAnnouncer />
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
            <UndoButtons />
            <ShareButton />
            <StartOverButton />
            <BackendBadge />
          </div>
        </div>
        <div className="wrap">
          <StepNav />
        </div>
      </header>
      <main className="wrap">
        <NoticeBanner />
        <StepPage />
      </main>
    </>
  );
}

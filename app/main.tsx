import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { isGpt2Link } from '../src/gpt2/permalink.ts';
import { App } from './App.tsx';
import { browserStorage, connectSession } from './persist/session.ts';
import { startView } from './route/start.ts';
import { connectUrl } from './route/url-sync.ts';
import { createLabStore, LabContext } from './store/index.ts';
import { workerEngine } from './store/worker-engine.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Exercise 3.3 (GPT-2 size) has its own page until the step registry hosts custom bodies;
// it is loaded only when its link is opened, so the chapter's first paint never carries it.
const Gpt2Page = lazy(() => import('./gpt2/Gpt2Page.tsx').then((m) => ({ default: m.Gpt2Page })));
if (isGpt2Link(window.location.hash)) {
  createRoot(container).render(
    <StrictMode>
      <Suspense fallback={<p className="wrap">Loading Exercise 3.3…</p>}>
        <Gpt2Page />
      </Suspense>
    </StrictMode>,
  );
} else {
  startChapter(container);
}

function startChapter(container: HTMLElement) {
  // One store per page, outside React so StrictMode's double effects never start two workers.
  // The first view: the link in the address bar, else the last session, else the book's §3.3.1.
  const storage = browserStorage();
  const start = startView(window.location, storage);
  const store = createLabStore(start.view, workerEngine);
  store.getState().actions.setNotice(start.notice);
  connectUrl(store);
  connectSession(store, storage);

  createRoot(container).render(
    <StrictMode>
      <LabContext.Provider value={store}>
        <App store={store} />
      </LabContext.Provider>
    </StrictMode>,
  );
}

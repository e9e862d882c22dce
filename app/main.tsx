import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { encodeView } from '../src/permalink/index.ts';
import { App } from './App.tsx';
import { opensGpt2Step, prestartGpt2 } from './gpt2/early-worker.ts';
import { browserStorage, connectSession } from './persist/session.ts';
import { prerenderedTraces, whenReadyToReplace } from './prerender/handover.ts';
import { startView } from './route/start.ts';
import { connectUrl } from './route/url-sync.ts';
import { createLabStore, LabContext } from './store/index.ts';
import { workerEngine } from './store/worker-engine.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// One store per page, outside React so StrictMode's double effects never start two workers.
// The first view: the link in the address bar, else the last session, else the book's §3.3.1.
const storage = browserStorage();
const start = startView(window.location, storage);
// A session restored on the Exercise 3.3 step (a link to it was started from its hash already:
// its permalink is not encoded again here, ~17 ms of a 5 kB text's deflate on the first paint).
if (start.view.step === 'ex3.3' && !opensGpt2Step(window.location.hash))
  prestartGpt2(encodeView(start.view));
const store = createLabStore(start.view, workerEngine, prerenderedTraces(start.view));
store.getState().actions.setNotice(start.notice);
connectUrl(store);
connectSession(store, storage);

// Over the build's copy of the landing view, only once there is something live to show.
void whenReadyToReplace(store).then(() =>
  createRoot(container).render(
    <StrictMode>
      <LabContext.Provider value={store}>
        <App store={store} />
      </LabContext.Provider>
    </StrictMode>,
  ),
);

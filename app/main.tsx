import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultView, STEP_IDS } from '../src/chapter/view.ts';
import { App } from './App.tsx';
import { backendFromSearch, connectRoute, stepFromHash } from './route/hash-route.ts';
import { createLabStore, LabContext } from './store/index.ts';
import { workerEngine } from './store/worker-engine.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// One store per page, outside React so StrictMode's double effects never start two workers.
const step = stepFromHash(window.location.hash) ?? STEP_IDS[0];
const store = createLabStore(
  { ...defaultView(step), backend: backendFromSearch(window.location.search) },
  workerEngine,
);
connectRoute(store);

createRoot(container).render(
  <StrictMode>
    <LabContext.Provider value={store}>
      <App store={store} />
    </LabContext.Provider>
  </StrictMode>,
);

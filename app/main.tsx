import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { browserStorage, connectSession } from './persist/session.ts';
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

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { SESSION_KEY } from '../app/persist/session.ts';
import {
  DROPPED_ATTRIBUTE,
  PRERENDERED_ID,
  PRERENDERED_TRACES_ID,
} from '../app/prerender/handover.ts';
import { configsFor } from '../src/chapter/steps/index.ts';
import { defaultView, STEP_IDS } from '../src/chapter/view.ts';
import { resolveConfig } from '../src/engine/resolve-config.ts';
import { forward } from '../src/engine/run.ts';
import { encodeTraces } from '../src/engine/trace-snapshot.ts';
import { encodeView } from '../src/permalink/index.ts';
import { chromiumLaunch } from './chromium.ts';

/** The inline script that keeps or drops the copy: the page's one script without a file. */
const KEEP_SCRIPT_ID = 'prerendered-keep';
/** The width the copy is taken at; narrower screens lay some parts out in script (the pipeline). */
const WIDE = 1000;

/**
 * After `vite build`, opens the built app's landing view — the book's §3.3.1 — in headless
 * Chromium and writes what it drew into dist/index.html, inert, so the first frame a learner
 * sees already holds the book's numbers and heatmaps while the app's scripts load; the app takes
 * over when its first result is in (app/prerender/handover.ts). An inline script before the
 * copy hides it whenever the app would open anything else (a link, a saved session that is not the book's, a
 * `?backend=`, a narrow screen). No Chromium: the build goes on without it.
 * The view's traces go in too, computed here by the reference engine: the app draws them at once
 * instead of waiting for its worker to start, and the worker's own answer replaces them.
 */
export function prerenderLanding(): Plugin {
  let outDir = 'dist';
  let root = '.';
  return {
    name: 'attention-lab-prerender-landing',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      root = config.root;
    },
    async closeBundle() {
      let launch: ReturnType<typeof chromiumLaunch>;
      try {
        launch = chromiumLaunch(false);
      } catch (e) {
        console.warn(`landing view not prerendered: ${(e as Error).message}`);
        return;
      }
      const dist = resolve(root, outDir);
      const html = await snapshotLanding(dist, launch);
      const index = join(dist, 'index.html');
      writeFileSync(index, withPrerendered(readFileSync(index, 'utf8'), html));
    },
  };
}

/** The landing view's #root, taken from the built app once its first result is painted. */
async function snapshotLanding(
  dist: string,
  launch: ReturnType<typeof chromiumLaunch>,
): Promise<string> {
  const { preview } = await import('vite');
  const { chromium } = await import('@playwright/test');
  const server = await preview({
    configFile: false,
    root: dist,
    logLevel: 'silent',
    build: { outDir: '.' },
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const browser = await chromium.launch(launch);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // KaTeX stays plain text, as in the app's own first render (it typesets when idle).
    let taken = () => {};
    const snapshotTaken = new Promise<void>((resolve) => {
      taken = resolve;
    });
    await page.route(/typeset|katex/i, async (route) => {
      await snapshotTaken;
      await route.abort();
    });
    const url = server.resolvedUrls?.local[0] ?? '';
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('step-first-paint').length > 0);
    const html = await page.evaluate(() => {
      const root = document.getElementById('root');
      if (!root) throw new Error('no #root');
      // The badge speaks of this browser's run: the learner's engine has not answered yet.
      for (const label of root.querySelectorAll('.backend-label')) label.textContent = 'starting…';
      for (const badge of root.querySelectorAll('[data-backend]'))
        badge.removeAttribute('data-backend');
      for (const summary of root.querySelectorAll('.backend summary'))
        summary.setAttribute('aria-label', 'Backend: starting…');
      return root.innerHTML;
    });
    taken();
    return html;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/** The landing view's configs (to check against) and its traces, as a JSON script's text. */
function landingTraces(): string {
  const configs = configsFor(defaultView(STEP_IDS[0]));
  const traces = encodeTraces(configs.map((c) => forward(resolveConfig(c))));
  // `<` escaped: the text sits inside a <script> element.
  return JSON.stringify({ configs: JSON.stringify(configs), traces }).replaceAll('<', '\\u003c');
}

/**
 * index.html with the copy in #root, and before it the script that keeps it only for the book's
 * view. Deciding before the copy is parsed, a page that drops it hides it from the start
 * (`display: none`: never styled or laid out — after it, that cost a link to the GPT-2 step
 * ~0.2 s of main thread before the page's first script ran); the app removes it.
 */
export function withPrerendered(index: string, html: string): string {
  const book = encodeView(defaultView(STEP_IDS[0]));
  const hide = `#${PRERENDERED_ID}{display:none}`;
  const keep = `(function(){var keep=false;try{var h=location.hash,b=${JSON.stringify(book)},link=h!==''&&h!=='#'&&h!=='#/',saved=localStorage.getItem(${JSON.stringify(SESSION_KEY)});keep=location.search===''&&matchMedia('(min-width: ${WIDE}px)').matches&&(link?h===b:saved===null||saved===b)}catch(e){}if(!keep){document.documentElement.setAttribute(${JSON.stringify(DROPPED_ATTRIBUTE)},'');var s=document.createElement('style');s.textContent=${JSON.stringify(hide)};document.head.appendChild(s)}})()`;
  const root = '<div id="root"></div>';
  if (!index.includes(root)) throw new Error('index.html has no empty #root to prerender into');
  return index.replace(
    root,
    () =>
      `<script id="${KEEP_SCRIPT_ID}">${keep}</script>\n    <div id="root"><div id="${PRERENDERED_ID}" inert>${html}</div></div>\n    <script type="application/json" id="${PRERENDERED_TRACES_ID}">${landingTraces()}</script>`,
  );
}

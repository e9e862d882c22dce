/** The one dynamic import of KaTeX (typeset.ts), shared by every `Tex` on the page. */
export type Typeset = (tex: string, display: boolean) => string;

let loaded: Typeset | null = null;
let loading: Promise<Typeset> | null = null;

/** KaTeX's typesetter if it is loaded already, so a formula shown later renders at once. */
export function typesetNow(): Typeset | null {
  return loaded;
}

/** Loads KaTeX (once); resolves with its typesetter. */
export function loadTypeset(): Promise<Typeset> {
  loading ??= import('./typeset.ts').then((m) => {
    loaded = m.typeset;
    return m.typeset;
  });
  return loading;
}

/**
 * Starts loading KaTeX once the page has painted and is idle (the next frame, then an idle
 * period, or a second at most), so its evaluation never sits between the first render and the
 * first paint, nor delays the first results' render.
 */
export function loadTypesetAfterPaint(): Promise<Typeset> {
  if (loaded) return Promise.resolve(loaded);
  if (loading || typeof requestAnimationFrame === 'undefined') return loadTypeset();
  const later = (start: () => void) =>
    typeof requestIdleCallback === 'undefined'
      ? setTimeout(start, 0)
      : requestIdleCallback(start, { timeout: 1000 });
  return new Promise((resolve, reject) =>
    requestAnimationFrame(() => later(() => loadTypeset().then(resolve, reject))),
  );
}

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
 * Starts loading KaTeX once the page has painted (the next frame, then a task), so its
 * evaluation never sits between the first render and the first paint.
 */
export function loadTypesetAfterPaint(): Promise<Typeset> {
  if (loaded) return Promise.resolve(loaded);
  if (loading || typeof requestAnimationFrame === 'undefined') return loadTypeset();
  return new Promise((resolve, reject) =>
    requestAnimationFrame(() => setTimeout(() => loadTypeset().then(resolve, reject), 0)),
  );
}

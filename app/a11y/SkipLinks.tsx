import './a11y.css';

/** The first heatmap a keyboard user can explore, else the panels' area. */
const TARGETS = {
  heatmaps: '.groups [role="img"][tabindex="0"]|.groups',
  editor: '.editor input|.editor',
} as const;

function jump(target: keyof typeof TARGETS) {
  // Buttons, not links: the hash is the view's permalink, so a skip moves focus itself.
  return () => {
    const el = TARGETS[target]
      .split('|')
      .map((s) => document.querySelector<HTMLElement>(s))
      .find(Boolean);
    if (!el) return;
    if (!el.matches('input, [tabindex]')) el.tabIndex = -1;
    el.focus();
  };
}

/** Shown only when focused, ahead of the header's tools and the step list. */
export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      <button type="button" onClick={jump('heatmaps')}>
        Skip to the heatmaps
      </button>
      <button type="button" onClick={jump('editor')}>
        Skip to the editor
      </button>
    </nav>
  );
}

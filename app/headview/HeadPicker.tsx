import { headColour } from './colours.ts';

/** Which heads the head view draws (all, or one), and the colour of each as a legend. */
export function HeadPicker({
  heads,
  shown,
  onShow,
}: {
  heads: readonly number[];
  shown: number | null;
  onShow: (head: number | null) => void;
}) {
  return (
    <div className="head-view-bar">
      {heads.length > 1 && (
        <label>
          heads in the head view{' '}
          <select
            value={shown === null ? 'all' : String(shown)}
            onChange={(e) => onShow(e.target.value === 'all' ? null : Number(e.target.value))}
          >
            <option value="all">all heads</option>
            {heads.map((h) => (
              <option key={h} value={h}>
                head {h + 1}
              </option>
            ))}
          </select>
        </label>
      )}
      <ul className="head-view-legend" aria-label="head colours">
        {heads
          .filter((h) => shown === null || h === shown)
          .map((h) => (
            <li key={h}>
              <span className="swatch" style={{ background: headColour(h) }} aria-hidden="true" />
              head {h + 1}
            </li>
          ))}
      </ul>
    </div>
  );
}

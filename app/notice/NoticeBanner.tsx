import './notice.css';
import { StartOverButton } from '../persist/StartOverButton.tsx';
import { useActions, useLab } from '../store/index.ts';

/**
 * Where the view on screen came from, when the learner should know: a link (or the saved
 * session) that had problems, with each problem as the decoder worded it, or a restored session.
 * Every message is a React text node: a link's token names and values can never become markup.
 */
export function NoticeBanner() {
  const notice = useLab((s) => s.notice);
  const { setNotice } = useActions();
  if (!notice) return null;
  const dismiss = (
    <button type="button" className="dismiss" onClick={() => setNotice(null)}>
      Dismiss
    </button>
  );
  if (notice.kind === 'link' || notice.kind === 'stored') {
    return (
      <div className="notice problem" role="alert">
        <p className="notice-title">
          {notice.kind === 'link'
            ? 'This link could not be opened exactly as written. Attention Lab opened the nearest view it could:'
            : 'Your last session could not be restored exactly. Attention Lab opened the nearest view it could:'}
        </p>
        <ul>
          {notice.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        {dismiss}
      </div>
    );
  }
  if (notice.kind === 'restored') {
    return (
      <div className="notice" role="status">
        <p className="notice-title">Restored your last session.</p>
        <StartOverButton />
        {dismiss}
      </div>
    );
  }
  return (
    <div className="notice" role="status">
      <p className="notice-title">
        Started over from the book’s example for step {notice.step}. Undo brings your work back.
      </p>
      {dismiss}
    </div>
  );
}

import './export.css';
import { type KeyboardEvent, useRef, useState } from 'react';
import { type ExportFormat, formatMatrix, type Matrix } from '../../src/export/formats.ts';
import type { Precision } from '../../src/export/numbers.ts';
import { canvasSvgText, download, fileName, pngOfSvg, svgText } from './picture.ts';

const COPIES: { format: ExportFormat; precision: Precision; text: string }[] = [
  { format: 'torch', precision: 4, text: 'Copy as PyTorch tensor (4 decimals)' },
  { format: 'torch', precision: 'full', text: 'Copy as PyTorch tensor (full precision)' },
  { format: 'numpy', precision: 'full', text: 'Copy as NumPy array' },
  { format: 'csv', precision: 'full', text: 'Copy as CSV' },
  { format: 'json', precision: 'full', text: 'Copy as JSON' },
];

/** The picture inside the same figure: an SVG heatmap or, past 32×32, a canvas. */
function pictureOf(menu: HTMLElement | null): SVGSVGElement | HTMLCanvasElement | null {
  return menu?.closest('figure')?.querySelector('svg.heatmap, .heatmap-canvas canvas') ?? null;
}

async function pictureFile(el: SVGSVGElement | HTMLCanvasElement, kind: 'png' | 'svg') {
  if (el instanceof HTMLCanvasElement) {
    const scale = Math.max(1, Math.floor(640 / Math.max(el.width, el.height)));
    const text = canvasSvgText(el, scale);
    if (kind === 'svg') return new Blob([text], { type: 'image/svg+xml' });
    return pngOfSvg(text, el.width * scale, el.height * scale, 1);
  }
  const text = svgText(el);
  if (kind === 'svg') return new Blob([text], { type: 'image/svg+xml' });
  const { width, height } = el.viewBox.baseVal;
  return pngOfSvg(text, width, height);
}

/**
 * A panel's "Export" menu: copy its numbers as a PyTorch tensor, NumPy, CSV or JSON, or
 * download its heatmap as PNG or SVG. A disclosure of plain buttons; Escape closes it.
 */
export function ExportMenu({ matrix }: { matrix: Matrix }) {
  const details = useRef<HTMLDetailsElement>(null);
  const [said, setSaid] = useState('');
  const copy = (format: ExportFormat, precision: Precision) => {
    const text = formatMatrix(matrix, format, precision);
    navigator.clipboard.writeText(text).then(
      () => setSaid(`Copied ${matrix.label} as ${format === 'torch' ? 'PyTorch' : format}.`),
      () => setSaid('The browser did not allow copying.'),
    );
  };
  const save = (kind: 'png' | 'svg') => {
    const el = pictureOf(details.current);
    if (!el) return;
    pictureFile(el, kind).then(
      (blob) => {
        download(blob, `${fileName(matrix.label)}.${kind}`);
        setSaid(`Downloaded ${matrix.label} as ${kind.toUpperCase()}.`);
      },
      (e: Error) => setSaid(`Could not make the ${kind.toUpperCase()}: ${e.message}`),
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const el = details.current;
    if (e.key !== 'Escape' || !el?.open) return;
    e.preventDefault();
    e.stopPropagation();
    el.open = false;
    el.querySelector('summary')?.focus();
  };
  return (
    <details ref={details} className="export-menu" onKeyDown={onKeyDown}>
      <summary aria-label={`Export ${matrix.label}`}>Export</summary>
      <div className="export-items">
        {COPIES.map((c) => (
          <button key={c.text} type="button" onClick={() => copy(c.format, c.precision)}>
            {c.text}
          </button>
        ))}
        <button type="button" onClick={() => save('png')}>
          Download PNG
        </button>
        <button type="button" onClick={() => save('svg')}>
          Download SVG
        </button>
        <p className="export-said" role="status">
          {said}
        </p>
      </div>
    </details>
  );
}

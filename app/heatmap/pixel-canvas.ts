/**
 * The 2D context of a canvas we only put pixels into (heatmaps, thumbnails, strips), kept in
 * memory rather than on the GPU: an accelerated canvas makes each `putImageData` wait for the
 * GPU process, which on a busy machine held the page for hundreds of milliseconds with its main
 * thread idle. `willReadFrequently` is how the 2D context is asked to stay on the CPU.
 */
export function pixelContext(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  return canvas?.getContext('2d', { willReadFrequently: true }) ?? null;
}

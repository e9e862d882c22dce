import { memo } from 'react';
import { Heatmap, type HeatmapProps } from '../heatmap/Heatmap.tsx';
import { HeatmapTable, type HeatmapTableProps } from '../heatmap/HeatmapTable.tsx';
import { usePaced } from './pacing.ts';

type PictureProps = Omit<HeatmapProps, 'highlight' | 'onSelect'>;

export interface MatrixViewProps extends PictureProps, Pick<HeatmapTableProps, 'corner'> {
  /** Training plays: the table of numbers catches up a few times a second, not every frame. */
  playing?: boolean;
}

/**
 * One matrix of the training page: its heatmap and the table of its numbers. Memoised on the
 * tensor (a new array means a new step), so a frame redraws only the matrices that changed.
 */
export const MatrixView = memo(function MatrixView({
  corner,
  playing = false,
  ...picture
}: MatrixViewProps) {
  const { rows, cols, label, status } = picture;
  const values = usePaced(picture.values, playing);
  return (
    <>
      <Heatmap {...picture} />
      <HeatmapTable {...{ values, rows, cols, label, status, corner }} />
    </>
  );
});

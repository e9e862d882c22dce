import { memo } from 'react';
import { Heatmap, type HeatmapProps } from '../heatmap/Heatmap.tsx';
import { HeatmapTable, type HeatmapTableProps } from '../heatmap/HeatmapTable.tsx';

type PictureProps = Omit<HeatmapProps, 'highlight' | 'onSelect'>;

export interface MatrixViewProps extends PictureProps, Pick<HeatmapTableProps, 'corner'> {
  /** The table's numbers when they lag the picture (paced while training plays). */
  tableValues?: Float32Array;
}

/**
 * One matrix of the training page: its heatmap and the table of its numbers. Memoised on the
 * tensor (a new array means a new step), so a frame redraws only the matrices that changed.
 */
export const MatrixView = memo(function MatrixView({
  corner,
  tableValues,
  ...picture
}: MatrixViewProps) {
  const { rows, cols, label, status, printing } = picture;
  const values = tableValues ?? picture.values;
  return (
    <>
      <Heatmap {...picture} />
      <HeatmapTable {...{ values, rows, cols, label, status, corner, printing }} />
    </>
  );
});

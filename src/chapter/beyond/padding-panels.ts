/** What §4.3 draws: per sentence, the masks, the −∞ and min weights, and the leak. */
import type { Trace } from '../../engine/trace.ts';
import {
  causalMaskFormula,
  combinedMaskFormula,
  leakFormula,
  paddingMaskFormula,
} from '../formula/mask.ts';
import { outputFormula } from '../formula/projection.ts';
import { contextPanel, weightsPanel } from '../panels/make.ts';
import { dimLabels, item } from '../panels/slice.ts';
import { CELL, type Formula, type Panel, type PanelGroup } from '../panels/types.ts';
import {
  blindRows,
  causalHidden,
  combinedHidden,
  type HiddenMatrix,
  type PaddedBatch,
  paddingHidden,
  paddingLeak,
} from './padding.ts';

function maskPanel(
  id: string,
  label: string,
  code: string,
  hidden: HiddenMatrix,
  tokens: string[],
  formula: (i: number, j: number) => Formula,
): Panel {
  return {
    id,
    label,
    code,
    kind: 'mask',
    values: Float32Array.from(hidden),
    rows: tokens,
    cols: tokens,
    rowRole: 'query',
    colRole: 'key',
    rowOffset: 0,
    head: 0,
    status: null,
    formula,
  };
}

const greyed = (hidden: HiddenMatrix) => Uint8Array.from(hidden, (h) => (h ? CELL.masked : 0));

/** traces: [mask_fill "-inf", mask_fill "min", no mask], all on the same padded batch. */
export function paddingPanels(batch: PaddedBatch, [inf, min, none]: Trace[]): PanelGroup[] {
  const width = min.output.shape[2];
  const leak = paddingLeak(min.output.data, none.output.data, batch.attention_mask, width);
  return batch.tokens.map((tokens, b) => {
    const s = `sentence ${b + 1}`;
    const row = batch.attention_mask[b];
    const both = combinedHidden(row);
    const nanRows = blindRows(both, batch.T);
    const weights = (trace: Trace, fill: string): Panel => ({
      ...weightsPanel({ trace, b }),
      id: `attn_weights.${fill === 'min' ? 'min' : 'neg_inf'}.b${b + 1}`,
      label: `attention weights (${fill}), ${s}`,
      code: `masked_fill(mask, ${fill === 'min' ? 'torch.finfo(float32).min' : '-torch.inf'})`,
      rows: tokens,
      cols: tokens,
      status: greyed(both),
    });
    const context: Panel = {
      ...contextPanel({ trace: min, b }),
      id: `context.min.b${b + 1}`,
      label: `context vectors (min), ${s}`,
      rows: tokens,
      values: item(min.output, b),
      cols: dimLabels(width),
      formula: (i, d) => outputFormula(min, b, i, d),
    };
    const diff: Panel = {
      ...context,
      id: `leak.b${b + 1}`,
      label: `leak without the mask, ${s}`,
      code: 'context_vecs(no mask) − context_vecs(mask)',
      values: leak.diff.subarray(b * batch.T * width, (b + 1) * batch.T * width),
      formula: (i, d) =>
        leakFormula(item(none.output, b), item(min.output, b), width, i, d, row[i] === 0),
    };
    const real = tokens.filter((_, t) => row[t] === 1).join(' ');
    return {
      title: `Sentence ${b + 1}: “${real}” (${row.filter((m) => m === 0).length} pad)`,
      panels: [
        maskPanel(
          `padding_mask.b${b + 1}`,
          `padding mask, ${s}`,
          'attention_mask == 0',
          paddingHidden(row),
          tokens,
          (i, j) => paddingMaskFormula(row, i, j),
        ),
        maskPanel(
          `causal_mask.b${b + 1}`,
          `causal mask, ${s}`,
          'torch.triu(ones, 1)',
          causalHidden(batch.T),
          tokens,
          causalMaskFormula,
        ),
        maskPanel(
          `combined_mask.b${b + 1}`,
          `combined mask, ${s}`,
          'padding | causal',
          both,
          tokens,
          (i, j) => combinedMaskFormula(1 - row[j], j > i ? 1 : 0, i, j),
        ),
        weights(inf, '-inf'),
        weights(min, 'min'),
        context,
        diff,
      ],
      checks: [
        {
          ok: true,
          text:
            nanRows.length === 0
              ? 'Every query sees at least one key: no NaN row.'
              : `With −∞, query row${nanRows.length > 1 ? 's' : ''} ${nanRows.map((r) => r + 1).join(', ')} see no key: softmax of all −∞ is 0/0 = NaN. With min the row is uniform, and its context vector belongs to a pad, so it is ignored.`,
        },
        {
          ok: true,
          text: `Without the mask, the real tokens’ context vectors change by up to ${leak.perSentence[b].toFixed(4)}: the pad’s embedding leaks in.`,
        },
      ],
    };
  });
}

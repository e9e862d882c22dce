/** What §4.1 draws from a `gqa` trace: shared K/V heads, then each query head's weights. */
import type { Trace } from '../../engine/trace.ts';
import {
  contextPanel,
  outputPanel,
  paramPanel,
  projectedPanel,
  weightsPanel,
} from '../panels/make.ts';
import type { PanelGroup } from '../panels/types.ts';
import { kvGroupOf } from './kv-sizes.ts';

/**
 * The trace with keys and values repeated to one per query head, as the forward pass does with
 * `repeat_interleave(group_size, dim=1)`, so the per-head formulas read head h's own keys.
 */
export function expandKv(trace: Trace): Trace {
  const [b, kv, t, hd] = trace.keys.shape;
  const heads = trace.attn_weights.shape[1];
  const repeat = (data: Float32Array) => {
    const out = new Float32Array(b * heads * t * hd);
    for (let i = 0; i < b; i++)
      for (let h = 0; h < heads; h++) {
        const g = kvGroupOf(h, heads, kv);
        const from = (i * kv + g) * t * hd;
        out.set(data.subarray(from, from + t * hd), (i * heads + h) * t * hd);
      }
    return out;
  };
  const shape = [b, heads, t, hd];
  return {
    ...trace,
    keys: { data: repeat(trace.keys.data), shape },
    values: { data: repeat(trace.values.data), shape },
  };
}

export function gqaPanels(trace: Trace): PanelGroup[] {
  const [, kv] = trace.keys.shape;
  const heads = trace.attn_weights.shape[1];
  const expanded = expandKv(trace);
  const shared: PanelGroup = {
    title: `${kv} key/value head${kv > 1 ? 's' : ''} for ${heads} query heads`,
    note: `W_key and W_value are ${kv} head${kv > 1 ? 's' : ''} wide; each K/V head serves ${heads / kv} query head${heads / kv > 1 ? 's' : ''}. These are the rows a KV cache stores.`,
    panels: [
      paramPanel(trace, 'W_key', 'W_key'),
      paramPanel(trace, 'W_value', 'W_value'),
      ...Array.from({ length: kv }, (_, g) =>
        (['keys', 'values'] as const).map((which) =>
          projectedPanel({ trace, h: g, suffix: `K/V head ${g + 1}` }, which),
        ),
      ).flat(),
    ],
  };
  const perHead: PanelGroup[] = Array.from({ length: heads }, (_, h) => {
    const g = kvGroupOf(h, heads, kv);
    const w = { trace: expanded, h, suffix: `head ${h + 1}` };
    return {
      title: `Query head ${h + 1} — uses K/V head ${g + 1}`,
      panels: [weightsPanel(w), contextPanel(w)],
    };
  });
  return [
    shared,
    ...perHead,
    {
      title: 'Concatenate the heads, then out_proj (no bias)',
      panels: [paramPanel(trace, 'out_proj', 'out_proj'), outputPanel(trace, 0, 'output')],
    },
  ];
}

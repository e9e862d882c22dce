/** Links keep opening as the format grows: old versions migrate, today's links stay readable. */
import { describe, expect, it } from 'vitest';
import { defaultView } from '../../src/chapter/view.ts';
import { decodeView } from '../../src/permalink/index.ts';
import {
  CURRENT_VERSION,
  knownKeys,
  migrate,
  OLDEST_VERSION,
} from '../../src/permalink/migrations.ts';
import { VIEW_KEYS } from '../../src/permalink/schema.ts';
import { linkWith } from './helpers.ts';

describe('migrations', () => {
  it('version 1 is today: its payload carries every ViewState field but step', () => {
    expect(OLDEST_VERSION).toBe(0);
    expect(CURRENT_VERSION).toBe(1);
    expect(knownKeys(1).sort()).toEqual(VIEW_KEYS.filter((k) => k !== 'step').sort());
    expect(knownKeys(0)).not.toContain('scatter_dims');
    expect(knownKeys(0)).not.toContain('backend');
  });

  it('v0 → v1: the locked tuple becomes a cell; unknown names are set aside', () => {
    expect(migrate({ v: 0, seed: 5, locked: [1, 2, 3], backend: 'wasm' }, 0)).toEqual({
      fields: { seed: 5, locked: { head: 1, row: 2, col: 3 } },
      ignored: ['backend'],
    });
    expect(migrate({ v: 0, locked: null }, 0)).toEqual({ fields: { locked: null }, ignored: [] });
    // Upgrades accept anything: a malformed tuple is left for the repairs to report.
    expect(migrate({ v: 0, locked: 'x' }, 0)).toEqual({ fields: { locked: 'x' }, ignored: [] });
    expect(migrate({ v: 1, locked: { head: 0, row: 0, col: 0 } }, 1).fields).toEqual({
      locked: { head: 0, row: 0, col: 0 },
    });
  });

  it('a v0 link opens as the same view, with the new fields at their defaults', () => {
    const { state, problems } = decodeView(
      linkWith(
        {
          v: 0,
          seed: 5,
          d_out: 4,
          num_heads: 2,
          locked: [1, 5, 0],
          tokens: ['a', 'b', 'c', 'd', 'e', 'f'],
        },
        '3.6.2',
      ),
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({
      ...defaultView('3.6.2'),
      seed: 5,
      d_out: 4,
      num_heads: 2,
      locked: { head: 1, row: 5, col: 0 },
      tokens: ['a', 'b', 'c', 'd', 'e', 'f'],
      backend: 'auto',
      scatter_dims: [0, 1],
    });
  });

  it('a v0 link with fields v0 never had, or a bad tuple, gets messages', () => {
    expect(decodeView(linkWith({ v: 0, scatter_dims: [2, 2] })).problems).toEqual([
      'The link\'s data had a setting Attention Lab does not know ("scatter_dims"); it ignored it.',
    ]);
    expect(decodeView(linkWith({ v: 0, locked: [1, 2] })).problems).toEqual([
      "The link's locked heatmap cell (locked) was a list of 2 items, not a head, row and column; Attention Lab dropped it.",
    ]);
  });

  it('a link made with version 1 today still opens (frozen example)', () => {
    const frozen =
      '#/3.6.1?s=eNolj-FuwyAMhF-l8q9NYlEgIc3QuveYqqiiwWqzJUECumyq-u472J_z-cM67Dt9k5GCkv_iNZI50oe_BRL0ibLyL1xMNqQIs03piuJXhr5Ny2UXw3j42QGE4MPBzhzSk3x-p0EQL2d2blovOfRYV20j6kpqSP86CABd_B7Sdf8g-z7Tri1AKXjdQ5qmgH2eUHlClr4uEeJFVnrAl5HZkVG1agW5k78lMnBnO-I0PNBm44LNZw-A_k5Xtqi4PviNjBY0-hkBD0SNNiUOJzcteX8sMjz-APP7VBU';
    // Written out, not taken from defaultView: the link carries these values itself.
    const embeddings = [
      [0.43, 0.15, 0.89],
      [0.55, 0.87, 0.66],
      [0.57, 0.85, 0.64],
      [0.22, 0.58, 0.33],
      [0.77, 0.25, 0.1],
      [0.05, 0.8, -1.5],
    ];
    expect(decodeView(frozen)).toEqual({
      state: {
        ...defaultView('3.6.1'),
        seed: 2024,
        d_out: 4,
        tokens: ['Your', 'journey', 'starts', 'with', 'one', '<img src=x onerror=alert(1)>'],
        embeddings,
        backend: 'wasm',
        locked: { head: 1, row: 5, col: 2 },
        scatter_dims: [2, 0],
      },
      problems: [],
    });
  });
});

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
    expect(OLDEST_VERSION).toBe(1);
    expect(CURRENT_VERSION).toBe(1);
    expect(knownKeys(1).sort()).toEqual(VIEW_KEYS.filter((k) => k !== 'step').sort());
  });

  it('migrate keeps the names its version knows and sets the rest aside', () => {
    expect(migrate({ v: 1, seed: 5, locked: { head: 0, row: 0, col: 0 }, x: 1 }, 1)).toEqual({
      fields: { seed: 5, locked: { head: 0, row: 0, col: 0 } },
      ignored: ['x'],
    });
  });

  it('a version this build does not read opens the step, saying why', () => {
    expect(decodeView(linkWith({ v: 0, seed: 5 })).problems).toEqual([
      "This link's data has an unknown version (0; Attention Lab reads versions 1 to 1); showing the book's example for step 3.5.1.",
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

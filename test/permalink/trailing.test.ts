/** A link whose data runs on past its zlib checksum is damaged, not silently read. */
import { describe, expect, it } from 'vitest';
import { defaultView } from '../../src/chapter/steps/index.ts';
import { decodeView, encodeView } from '../../src/permalink/index.ts';
import { oracleState } from './helpers.ts';

describe('bytes after the checksum', () => {
  const view = { ...defaultView('3.3.2'), seed: 7 };
  const link = encodeView(view);
  it('the link as written opens exactly', () => {
    expect(decodeView(link).problems).toEqual([]);
    expect(oracleState(link)).not.toBeNull();
  });
  it('with characters added at its end, both the codec and the oracle call it damaged', () => {
    for (const extra of ['AA', 'EAA', 'A_8']) {
      expect(decodeView(link + extra).problems.length).toBeGreaterThan(0);
      expect(oracleState(link + extra)).toBeNull();
    }
  });
});

/**
 * Edits a step-local tensor (`view.local[field]`, e.g. 3.6.2's toy `a` of shape (1, 2, 3, 4)) the
 * way the embeddings are edited: one text cell per value, a message beside a cell that is wrong,
 * the last good value kept. Every change is one undoable edit and goes into the link.
 */
import { CellInput } from '../editor/CellInput.tsx';
import { useActions, useLab } from '../store/index.ts';

type Tensor4 = number[][][][];

const isTensor4 = (x: unknown): x is Tensor4 =>
  Array.isArray(x) && x.every((b) => Array.isArray(b) && b.every((h) => Array.isArray(h)));

/** `t` with the value at [b, h, i, d] replaced. */
function withValue(t: Tensor4, at: [number, number, number, number], value: number): Tensor4 {
  const [b0, h0, i0, d0] = at;
  return t.map((b, bi) =>
    bi !== b0
      ? b
      : b.map((h, hi) =>
          hi !== h0
            ? h
            : h.map((row, ri) => (ri !== i0 ? row : row.map((x, di) => (di === d0 ? value : x)))),
        ),
  );
}

export function LocalTensorEditor({ field }: { field: string }) {
  const value = useLab((s) => s.view.local[field]);
  const { edit } = useActions();
  if (!isTensor4(value)) return null;
  const commit = (at: [number, number, number, number], x: number) =>
    edit((v) => {
      const current = v.local[field];
      return isTensor4(current)
        ? { ...v, local: { ...v.local, [field]: withValue(current, at, x) } }
        : v;
    });
  return (
    <fieldset className="local-tensor">
      <legend>
        Edit <code>{field}</code>
      </legend>
      {value.map((batch, b) =>
        batch.map((head, h) => (
          <table
            // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity
            key={`${b}.${h}`}
            className="local-tensor-head"
            aria-label={`${field}[${b}, ${h}]`}
          >
            <caption>
              <code>
                {field}[{b}, {h}, :, :]
              </code>
            </caption>
            <tbody>
              {head.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity
                <tr key={i}>
                  <th scope="row">{i}</th>
                  {row.map((x, d) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity
                    <td key={d}>
                      <CellInput
                        label={`${field}[${b}, ${h}, ${i}, ${d}]`}
                        value={x}
                        onCommit={(next) => commit([b, h, i, d], next)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )),
      )}
    </fieldset>
  );
}

/** A paragraph of a step's prose: text between backticks is code, as in Markdown. */
export function Prose({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <p>
      {parts.map((part, i) =>
        // Odd parts sat between backticks. The parts never reorder, so the index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        i % 2 === 1 ? <code key={i}>{part}</code> : part,
      )}
    </p>
  );
}

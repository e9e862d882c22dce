import type { Gpt2Parts, Gpt2Response } from './protocol.ts';

/** The buffers of the tensors a reply carries: moved (transferred) to the page, not copied. */
export function buffersOf(reply: Gpt2Response | (Gpt2Parts & { kind?: undefined })): ArrayBuffer[] {
  if (reply.kind === 'error') return [];
  const arrays = [
    reply.thumbs,
    reply.context_vecs,
    reply.head?.weights,
    ...(reply.window ?? []).flatMap((s) => [s.values, s.outside]),
    ...(reply.kind === 'result' ? [reply.tok_emb, reply.pos_emb] : []),
  ];
  return arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
}

/** Bytes of tensors a reply moves from the worker to the page. */
export const bytesOf = (reply: Gpt2Response) =>
  buffersOf(reply).reduce((n, b) => n + b.byteLength, 0);

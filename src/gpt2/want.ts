import type { Gpt2Want } from './protocol.ts';

const sameWindow = (a: Gpt2Want['window'], b: Gpt2Want['window']) =>
  a === b || (!!a && !!b && a.start === b.start && a.size === b.size);

/** What `want` asks for that `asked` has not: the fetch after a scroll, an opened head, a moved window. */
export function missing(want: Gpt2Want, asked: Gpt2Want): Gpt2Want | null {
  const delta: Gpt2Want = {
    thumbs: want.thumbs && !asked.thumbs,
    context: want.context && !asked.context,
    head: want.head !== null && want.head !== asked.head ? want.head : null,
    window: want.window && !sameWindow(want.window, asked.window) ? want.window : null,
  };
  const any = delta.thumbs || delta.context || delta.head !== null || delta.window !== null;
  return any ? delta : null;
}

/** What has been asked of the current result once `delta` is fetched too. */
export function union(asked: Gpt2Want, delta: Gpt2Want): Gpt2Want {
  return {
    thumbs: asked.thumbs || delta.thumbs,
    context: asked.context || delta.context,
    head: delta.head ?? asked.head,
    window: delta.window ?? asked.window,
  };
}

/**
 * The address bar holds the view's permalink: `#/3.3.2` for the book's example, `#/3.3.2?s=…`
 * once anything differs from it (a `?backend=` override in the query travels in the payload).
 */
export function stepUrl(step: string): RegExp {
  return new RegExp(`#/${step.replace(/\./g, '\\.')}(\\?s=[\\w-]+)?$`);
}

import { MAX_LINK_LENGTH } from '../chapter/limits.ts';

/**
 * A page that starts on the Exercise 3.3 step's link names the step's worker after the link
 * (`new Worker(url, { name })`): the worker reads the text and seed from it and prepares them
 * (`Gpt2Session.prepare`) as soon as its script runs. A message would have waited for the page's
 * thread to be free to deliver it — up to a second on a cold load, behind the app's bundle. The
 * step's first run of that text then finds the tables drawn.
 */
export const WORKER_NAME_PREFIX = 'attention-lab-gpt2 ';
const PREFIX = WORKER_NAME_PREFIX;

/** Addresses (`location.hash`) that open the Exercise 3.3 step. */
export const GPT2_STEP_LINK = /^#\/ex3\.3(\?|$)/;

/** The worker's name for a link (`location.hash`); a link too long to be read names nothing. */
export function workerNameOf(link: string): string {
  return link.length <= MAX_LINK_LENGTH ? PREFIX + link : '';
}

/** The link a worker's name carries, or null. */
export function linkOfWorkerName(name: string): string | null {
  return name.startsWith(PREFIX) ? name.slice(PREFIX.length) : null;
}

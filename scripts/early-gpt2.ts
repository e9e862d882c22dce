import type { Rollup } from 'vite';
import { MAX_LINK_LENGTH } from '../src/chapter/limits.ts';
import { GPT2_STEP_LINK, WORKER_NAME_PREFIX } from '../src/gpt2/worker-name.ts';

/**
 * The built page's first script, inline at the top of <head>: on a link to the Exercise 3.3 step
 * it starts the step's worker while the HTML is still parsed, named after the link as
 * app/gpt2/early-worker.ts names it, and leaves it for that module to adopt. app/boot.ts starts it
 * only once its module and their shared chunk have arrived (~0.3 s later here), and a worker's
 * thread starts only when the page's thread is free: behind the app's first task it waited up
 * to 0.8 s more. A link too long to name the worker after is left to boot.ts.
 */
export function earlyGpt2Script(workerUrl: string): string {
  return [
    '(function(){try{var h=location.hash;',
    `if(${GPT2_STEP_LINK.toString()}.test(h)&&h.length<=${MAX_LINK_LENGTH}){`,
    'performance.mark("gpt2-worker-created",{detail:"inline"});',
    `window.__attentionLabGpt2=new Worker(${JSON.stringify(workerUrl)},`,
    `{type:"module",name:${JSON.stringify(WORKER_NAME_PREFIX)}+h})}}catch(e){}})()`,
  ].join('');
}

/**
 * The GPT-2 step's worker among the build's files: the one worker script that reads the page's
 * link from its name (it holds WORKER_NAME_PREFIX; the page's chunks do too, but they are not
 * emitted as worker assets).
 */
export function gpt2WorkerFile(bundle: Rollup.OutputBundle): string {
  const found = Object.values(bundle).filter(
    (f) =>
      f.type === 'asset' &&
      /(^|\/)worker-[^/]+\.js$/.test(f.fileName) &&
      String(f.source).includes(WORKER_NAME_PREFIX),
  );
  if (found.length !== 1)
    throw new Error(`expected one GPT-2 step worker in the build, found ${found.length}`);
  return found[0].fileName;
}

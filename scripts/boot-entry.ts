import type { Plugin } from 'vite';
import { earlyGpt2Script, gpt2WorkerFile } from './early-gpt2.ts';

/** The page's first script, see app/boot.ts. */
const BOOT = 'app/boot.ts';

/**
 * Gives index.html `app/boot.ts` as a script of its own, ahead of the app's. Listed in the page,
 * Vite would bundle it into the app's entry, so it would run only once the app's ~900 kB were
 * fetched and compiled; as a separate, async entry it runs as soon as its few kB arrive (not
 * after the stylesheet), and the page's load event still waits for the app as before.
 */
export function bootEntry(): Plugin {
  let serve = false;
  return {
    name: 'attention-lab-boot-entry',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.filename.endsWith('index.html')) return;
        let src = `/${BOOT}`;
        if (!serve) {
          const chunk = Object.values(ctx.bundle ?? {}).find(
            (c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith(BOOT),
          );
          if (!chunk) throw new Error(`${BOOT} is not an entry of the build`);
          src = `/${chunk.fileName}`;
        }
        const boot = {
          tag: 'script',
          // async: run as soon as it arrives, not after the stylesheet and the document.
          attrs: { type: 'module', async: true, crossorigin: true, src },
          injectTo: 'head-prepend' as const,
        };
        if (serve || !ctx.bundle) return [boot];
        // First of all, inline: the Exercise 3.3 step's worker (scripts/early-gpt2.ts).
        const early = earlyGpt2Script(`/${gpt2WorkerFile(ctx.bundle)}`);
        return [
          {
            tag: 'script',
            attrs: { id: 'early-gpt2' },
            children: early,
            injectTo: 'head-prepend' as const,
          },
          boot,
        ];
      },
    },
  };
}

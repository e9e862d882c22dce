import { existsSync } from 'node:fs';

/** Playwright cannot download browsers here: use the system Chromium (apt's `chromium`). */
export function chromiumPath(): string {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  throw new Error(
    'No Chromium found: install it with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH',
  );
}

/**
 * Launch options for headless Chromium on a machine with no network but the package registries:
 * the background-networking flags stop it from dialling Google. `webgpu` adds the flag that
 * gives a (software, SwiftShader) WebGPU adapter; without it requestAdapter() returns null.
 */
export function chromiumLaunch(webgpu: boolean) {
  return {
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(webgpu ? ['--enable-unsafe-webgpu'] : []),
    ],
  };
}

// The npm registry mirror here lacks some of @biomejs/biome's platform binaries (darwin, win32,
// android, musl at 2.6.8), so `npm install` leaves them out of package-lock.json and `npm ci`
// then refuses the lock ("Missing: @biomejs/cli-darwin-x64@ from lock file"). This adds the
// missing entries, os/cpu-tagged so npm ci never fetches them on Linux.
// Usage: node scripts/lock-biome-platforms.mjs [package-lock.json]. Needed again only if the lock
// is regenerated from scratch; `npm install` keeps the entries.
import { readFileSync, writeFileSync } from 'node:fs';

const path = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
const biome = lock.packages['node_modules/@biomejs/biome'];
const platforms = {
  'cli-android-arm64': { os: ['android'], cpu: ['arm64'] },
  'cli-android-x64': { os: ['android'], cpu: ['x64'] },
  'cli-darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'cli-darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'cli-linux-arm64': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'cli-linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'cli-linux-x64': { os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
  'cli-linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'cli-win32-arm64': { os: ['win32'], cpu: ['arm64'] },
  'cli-win32-x64': { os: ['win32'], cpu: ['x64'] },
};
const added = [];
const entries = Object.entries(lock.packages);
for (const [name, version] of Object.entries(biome.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const p = platforms[name.split('/')[1]];
  entries.push([
    key,
    {
      version,
      cpu: p.cpu,
      dev: true,
      ...(p.libc ? { libc: p.libc } : {}),
      license: biome.license,
      optional: true,
      os: p.os,
      engines: biome.engines,
    },
  ]);
  added.push(name);
}
entries.sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0));
lock.packages = Object.fromEntries(entries);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log('added', added.join(', ') || 'nothing');

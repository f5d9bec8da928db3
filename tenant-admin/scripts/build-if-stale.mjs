// Runs `npm run build` unless its output already comes from exactly these inputs: a warm Maven
// build (and `./kameng test`, which builds twice) then costs a hash instead of tsc + Vite.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const npm = process.argv[2] || 'npm';
const out = process.env.KAMENG_ADMIN_OUT ?? 'dist';
const inputs = ['package-lock.json', 'package.json', 'openapi.json', 'index.html', 'tsconfig.json', 'vite.config.ts', 'src'];

function files(path) {
  if (!statSync(path).isDirectory()) {
    return [path];
  }
  return readdirSync(path)
    .sort()
    .filter((name) => name !== 'schema.d.ts') // generated from openapi.json
    .flatMap((name) => files(join(path, name)));
}

const hash = createHash('sha256');
for (const file of inputs.flatMap(files)) {
  hash.update(file).update('\0').update(readFileSync(file)).update('\0');
}
const digest = hash.update(out).digest('hex');
// Kept beside the output, never in it: everything in the output is served under /admin/.
const stamp = process.env.KAMENG_ADMIN_STAMP ?? 'node_modules/.kameng-dist-hash';
if (existsSync(join(out, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  console.log(`${out} is up to date with the sources; npm run build skipped`);
  process.exit(0);
}
const run = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', env: process.env });
if (run.status !== 0) {
  process.exit(run.status ?? 1);
}
writeFileSync(stamp, digest);

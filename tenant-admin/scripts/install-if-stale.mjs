// Runs `npm ci` unless node_modules already holds exactly what package-lock.json describes.
// npm itself records the installed tree in node_modules/.package-lock.json; we keep a copy of the
// lock file's hash beside it, so a changed lock (a new dependency, a pulled branch) reinstalls.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const npm = process.argv[2] || 'npm';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const stamp = 'node_modules/.kameng-lock-hash';
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) {
  console.log('node_modules is up to date with package-lock.json; npm ci skipped');
  process.exit(0);
}
const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
if (run.status !== 0) {
  process.exit(run.status ?? 1);
}
writeFileSync(stamp, lockHash);

// Builds the web app when dist/web is missing or older than its sources, so `npm start`
// on a fresh clone serves a current app. The stamp is a hash of every input file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const inputs = ['src/web', 'src/shared', 'index.html', 'vite.config.ts', 'package-lock.json'];
export const webOutDir = path.join(root, 'dist/web');
const stampFile = path.join(webOutDir, '.source-hash');

function listFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((d) => listFiles(path.join(entry, d.name)))
    .filter((f) => !/\.test\.tsx?$/.test(f));
}

export function webSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(listFiles).sort()) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

export function isWebBuildCurrent(): boolean {
  return (
    fs.existsSync(path.join(webOutDir, 'index.html')) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === webSourceHash()
  );
}

export async function buildWeb(): Promise<void> {
  const hash = webSourceHash();
  const { build } = await import('vite');
  // Always the production build, whatever NODE_ENV the starting process has (tests set 'test').
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  });
  fs.writeFileSync(stampFile, hash);
}

export async function ensureWebBuild(log: (message: string) => void): Promise<void> {
  if (isWebBuildCurrent()) return;
  log('De webapp wordt gebouwd (eenmalig na een wijziging)…');
  const started = Date.now();
  await buildWeb();
  log(`Webapp gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

// Runs the platform as plain JavaScript: `src/` transpiled once by esbuild into `.build/<key>/`,
// where the key is taken from the names, sizes and modification times of the source files, so an
// edited file leads to a new build on the next start and an unchanged tree is built only once.
// Why not tsx at run time: its loader hooks run every one of about a thousand modules through a
// second thread and keep that thread's heap; the same process transpiled ahead of time starts
// about a third faster and takes about 80 MB less memory (docs/adr/0002-compiled-start.md).
//
// A build directory mirrors the repository root (`src/` with its templates and data files, links
// to `assets/`, `migrations/` and `docs/`), so paths that the code takes relative to its own file
// resolve as they do in the source tree. It is written under a temporary name and renamed into
// place, so processes starting at the same time never see half a build.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..');
/** Top-level folders the code reads relative to its own location. */
const LINKED = ['assets', 'migrations', 'docs'];
/** Older builds kept, so a process still running from one keeps its lazily loaded files. */
const KEEP_BUILDS = 4;

const isCode = (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');
const isTest = (name) => name.endsWith('.test.ts');

/** Every file under a source folder except tests, with its size and modification time. */
function sourceFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (!isTest(entry.name)) {
      const stat = fs.statSync(full);
      out.push({ full, size: stat.size, mtimeMs: stat.mtimeMs });
    }
  }
  return out;
}

/** Read from its package file: importing esbuild costs more than the whole check of an unchanged tree. */
function esbuildVersion() {
  return JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8')).version;
}

function buildKey(root, files, compilerVersion) {
  const hash = createHash('sha256').update(`esbuild ${compilerVersion}\n`);
  for (const f of files) hash.update(`${path.relative(root, f.full)}\0${f.size}\0${f.mtimeMs}\n`);
  return hash.digest('hex').slice(0, 16);
}

async function build(root, files, target) {
  const { build: esbuild } = await import('esbuild');
  const staging = `${target}.tmp-${process.pid}-${randomUUID()}`;
  try {
    await esbuild({
      entryPoints: files.filter((f) => isCode(f.full)).map((f) => f.full),
      outbase: root,
      outdir: staging,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    for (const f of files.filter((f) => !f.full.endsWith('.ts'))) {
      const to = path.join(staging, path.relative(root, f.full));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(f.full, to);
    }
    for (const name of LINKED) fs.symlinkSync(path.join('..', '..', name), path.join(staging, name));
    fs.renameSync(staging, target);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    // Another process finished the same build first: use it.
    if (fs.existsSync(target)) return;
    throw e;
  }
  pruneOldBuilds(path.dirname(target), path.basename(target));
}

function pruneOldBuilds(builds, current) {
  const older = fs
    .readdirSync(builds, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name) && e.name !== current)
    .map((e) => ({ name: e.name, mtimeMs: fs.statSync(path.join(builds, e.name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const old of older.slice(KEEP_BUILDS - 1)) fs.rmSync(path.join(builds, old.name), { recursive: true, force: true });
}

/**
 * The file URL of the compiled form of a source file (e.g. `src/main.ts`), building first when the
 * sources changed. `root` is the repository (another folder of the same shape only in its tests).
 */
export async function compiledUrl(sourcePath, root = REPOSITORY_ROOT) {
  const files = sourceFiles(path.join(root, 'src')).sort((a, b) => (a.full < b.full ? -1 : 1));
  const builds = path.join(root, '.build');
  const target = path.join(builds, buildKey(root, files, esbuildVersion()));
  if (!fs.existsSync(target)) {
    fs.mkdirSync(builds, { recursive: true });
    await build(root, files, target);
  }
  return pathToFileURL(path.join(target, sourcePath.replace(/\.ts$/, '.js'))).href;
}

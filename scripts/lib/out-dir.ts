/**
 * The file-system side of a safe build: a lock so that two builds never share an output or cache folder, a staging
 * folder the site is built into, and the swap that replaces the previous site only once every stage has passed.
 * Until the swap, `OUT_DIR` is not touched; on failure or interruption the staging folder is removed and the previous
 * site is left byte for byte as it was.
 */
import {
	closeSync,
	existsSync,
	lstatSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Whether a process is still running (a lock or staging folder of a dead build is stale). */
function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** A lock held by this process; `release` removes it. */
export interface Lock {
	path: string;
	release(): void;
}

/**
 * Takes the lock file `path` (created exclusively, holding this process's id), or returns the id of the live process
 * that holds it. A lock left by a build that no longer runs is taken over.
 */
export function takeLock(path: string): Lock | { heldBy: number } {
	mkdirSync(dirname(path), { recursive: true });
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			return { path, release: () => rmSync(path, { force: true }) };
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const holder = Number(readFileSync(path, 'utf8').trim());
			if (Number.isInteger(holder) && holder > 0 && alive(holder)) return { heldBy: holder };
			rmSync(path, { force: true });
		}
	}
	return { heldBy: 0 };
}

/** The lock file that guards an output folder: next to it, so builds from any checkout see it. */
export const outDirLockPath = (outDir: string) => join(dirname(outDir), `.${basename(outDir)}.build.lock`);

/**
 * Why an existing `OUT_DIR` is not a site this project built (and so must not be replaced), or `undefined`. An
 * absent or empty folder, or one holding this site's data package, may be replaced, unless it is a mount point.
 */
export function notASite(outDir: string): string | undefined {
	if (!existsSync(outDir)) return undefined;
	const st = lstatSync(outDir);
	if (st.isSymbolicLink()) return `输出目录 ${outDir} 是一个符号链接`;
	if (!st.isDirectory()) return `输出目录 ${outDir} 是一个文件，不是目录`;
	// The finished site is renamed into place, and a mount point cannot be renamed (EBUSY): the whole build would run
	// to fail at its last step.
	if (st.dev !== statSync(dirname(outDir)).dev)
		return `输出目录 ${outDir} 是一个挂载点（单独挂载的磁盘或网站目录），构建完成后无法把它整个替换；请在其中建一个文件夹（如 ${join(outDir, 'site')}）作为 OUT_DIR，并让网站服务器指向它`;
	if (readdirSync(outDir).length === 0) return undefined;
	if (existsSync(join(outDir, 'data', 'datapackage.json')) && existsSync(join(outDir, 'index.html')))
		return undefined;
	return `输出目录 ${outDir} 已有其他文件，不像是本站以前的构建结果（没有 index.html 和 data/datapackage.json）`;
}

/**
 * Removes the folders a build killed outright (with no chance to clean up) left in `parent`: those named
 * `<prefix>[building-|old-]<pid>-<time>` whose process no longer runs.
 */
export function removeStale(parent: string, prefix: string): void {
	if (!existsSync(parent)) return;
	for (const name of readdirSync(parent)) {
		const m = name.startsWith(prefix)
			? /^(?:building-|old-)?(\d+)-\d+$/.exec(name.slice(prefix.length))
			: null;
		if (m && !alive(Number(m[1]))) rmSync(join(parent, name), { recursive: true, force: true });
	}
}

/**
 * Puts the finished staging folder in place of `outDir`: the previous site is renamed aside, the new one renamed in,
 * then the previous one removed. Both renames are within one folder, so each is atomic; between them (microseconds)
 * `outDir` does not exist, and a web server answers 404 rather than a mix of two sites.
 */
export function swapIn(staging: string, outDir: string, id: string): void {
	const old = join(dirname(outDir), `.${basename(outDir)}.old-${id}`);
	const hadSite = existsSync(outDir);
	if (hadSite) renameSync(outDir, old);
	try {
		renameSync(staging, outDir);
	} catch (e) {
		if (hadSite) renameSync(old, outDir);
		throw e;
	}
	if (hadSite) rmSync(old, { recursive: true, force: true });
}

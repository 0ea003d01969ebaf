/**
 * Which output folders `npm run build` refuses, and where a build writes (scripts/lib/build-paths.ts), and the lock,
 * swap and clean-up that keep the previous site intact (scripts/lib/out-dir.ts).
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPaths, outDirDanger } from '../../scripts/lib/build-paths.ts';
import { notASite, removeStale, swapIn, takeLock } from '../../scripts/lib/out-dir.ts';

const root = '/srv/site';
const paths = (env: Record<string, string>) => buildPaths(env, root, root, '42-1');

describe('buildPaths', () => {
	it('builds into a staging folder next to OUT_DIR and keeps the default caches under .cache/', () => {
		expect(paths({})).toEqual({
			root,
			dataDir: '/srv/site/data',
			outDir: '/srv/site/dist',
			staging: '/srv/site/.dist.building-42-1',
			work: '/srv/site/.astro/build-42-1',
			cacheDir: '/srv/site/.cache',
			astroCacheDir: '/srv/site/.cache/astro',
		});
	});
	it('gives another OUT_DIR a cache folder of its own, so two builds never share intermediate files', () => {
		const a = paths({ OUT_DIR: '/tmp/a/site' });
		const b = paths({ OUT_DIR: '/tmp/b/site' });
		expect(a.staging).toBe('/tmp/a/.site.building-42-1');
		expect(a.cacheDir).toMatch(/^\/srv\/site\/\.cache\/out-[0-9a-f]{12}$/);
		expect(b.cacheDir).not.toBe(a.cacheDir);
		expect(paths({ OUT_DIR: '/tmp/a/site', CACHE_DIR: '/c' }).cacheDir).toBe('/c');
		expect(paths({ OUT_DIR: '/tmp/a/site', CACHE_DIR: '/c' }).astroCacheDir).toBe('/c/astro');
	});
});

describe('outDirDanger', () => {
	const danger = (env: Record<string, string>) => outDirDanger(paths(env));
	it('refuses the data folder, a folder inside it and a folder holding it', () => {
		expect(danger({ OUT_DIR: 'data' })).toBe('输出目录 data 就是数据目录（DATA_DIR）data');
		expect(danger({ OUT_DIR: 'data/evidence' })).toBe(
			'输出目录 data/evidence 位于数据目录（DATA_DIR）data之内',
		);
		expect(danger({ OUT_DIR: '/office', DATA_DIR: '/office/data' })).toBe(
			'输出目录 /office 包含数据目录（DATA_DIR）/office/data',
		);
	});
	it('refuses intermediate files inside the data folder, which must not change while the build runs', () => {
		expect(danger({ CACHE_DIR: 'data/.cache' })).toBe(
			'中间文件目录（CACHE_DIR）data/.cache 位于数据目录（DATA_DIR）data之内',
		);
		expect(danger({ CACHE_DIR: 'data' })).toBe(
			'中间文件目录（CACHE_DIR）data 位于数据目录（DATA_DIR）data之内',
		);
		expect(danger({ ASTRO_CACHE_DIR: '/srv/site/data/astro' })).toBe(
			'Astro 的缓存目录（ASTRO_CACHE_DIR）data/astro 位于数据目录（DATA_DIR）data之内',
		);
		// Beside it, or holding it, is fine: the build writes nothing into the data folder.
		expect(danger({ CACHE_DIR: '/w/cache', DATA_DIR: '/w/data' })).toBeUndefined();
		expect(danger({ CACHE_DIR: '/w', DATA_DIR: '/w/data' })).toBeUndefined();
	});
	it('refuses the project, a folder holding it, and /', () => {
		expect(danger({ OUT_DIR: '.' })).toBe('输出目录 . 就是项目目录，或包含整个项目');
		expect(danger({ OUT_DIR: '..' })).toBe('输出目录 /srv 就是项目目录，或包含整个项目');
		expect(danger({ OUT_DIR: '/' })).toBe('输出目录 / 是文件系统的根目录');
	});
	it('refuses the sources and the project’s other folders', () => {
		expect(danger({ OUT_DIR: 'src' })).toBe('输出目录 src 就是项目的 src/ 目录');
		expect(danger({ OUT_DIR: 'src/pages/out' })).toBe('输出目录 src/pages/out 位于项目的 src/ 目录之内');
		expect(danger({ OUT_DIR: 'test/out' })).toBe('输出目录 test/out 位于项目的 test/ 目录之内');
		expect(danger({ OUT_DIR: '.git' })).toBe('输出目录 .git 就是项目的 .git/ 目录');
	});
	it('refuses an output folder that would publish the intermediate files, but not a site inside a work folder', () => {
		expect(danger({ OUT_DIR: '/w', CACHE_DIR: '/w/cache' })).toBe(
			'输出目录 /w 包含中间文件目录（CACHE_DIR）/w/cache，其中有不公开的数据',
		);
		expect(danger({ OUT_DIR: '/w/dist', CACHE_DIR: '/w' })).toBeUndefined();
	});
	it('accepts dist/, another folder in the project and one outside it', () => {
		expect(danger({})).toBeUndefined();
		expect(danger({ OUT_DIR: 'public-site' })).toBeUndefined();
		expect(danger({ OUT_DIR: '/var/www/xinyong' })).toBeUndefined();
		// A name that only starts like the data folder's is another folder.
		expect(danger({ OUT_DIR: 'data-site' })).toBeUndefined();
	});
});

describe('the output folder on disk', () => {
	const tmp = () => mkdtempSync(join(tmpdir(), 'xy-out-'));

	it('refuses to replace a folder that is not a site this project built', () => {
		const dir = tmp();
		expect(notASite(join(dir, 'absent'))).toBeUndefined();
		mkdirSync(join(dir, 'empty'));
		expect(notASite(join(dir, 'empty'))).toBeUndefined();
		mkdirSync(join(dir, 'docs'));
		writeFileSync(join(dir, 'docs', 'report.docx'), 'x');
		expect(notASite(join(dir, 'docs'))).toBe(
			`输出目录 ${dir}/docs 已有其他文件，不像是本站以前的构建结果（没有 index.html 和 data/datapackage.json）`,
		);
		writeFileSync(join(dir, 'file'), 'x');
		expect(notASite(join(dir, 'file'))).toBe(`输出目录 ${dir}/file 是一个文件，不是目录`);
		// A web server's own folder holds an index.html too (nginx's welcome page): not this site without its data.
		mkdirSync(join(dir, 'www'));
		writeFileSync(join(dir, 'www', 'index.html'), '<!doctype html>');
		expect(notASite(join(dir, 'www'))).toBe(
			`输出目录 ${dir}/www 已有其他文件，不像是本站以前的构建结果（没有 index.html 和 data/datapackage.json）`,
		);
		mkdirSync(join(dir, 'site', 'data'), { recursive: true });
		writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html>');
		writeFileSync(join(dir, 'site', 'data', 'datapackage.json'), '{}');
		expect(notASite(join(dir, 'site'))).toBeUndefined();
	});

	it('refuses a mount point, which the finished site cannot be renamed into (EBUSY after the whole build)', () => {
		// /proc is a mount point on every Linux machine, as a mounted web root or a tmpfs given as OUT_DIR would be.
		expect(notASite('/proc')).toBe(
			'输出目录 /proc 是一个挂载点（单独挂载的磁盘或网站目录），构建完成后无法把它整个替换；请在其中建一个文件夹（如 /proc/site）作为 OUT_DIR，并让网站服务器指向它',
		);
	});

	it('swaps the new site in and the previous one out, leaving nothing else behind', () => {
		const dir = tmp();
		mkdirSync(join(dir, 'dist'));
		writeFileSync(join(dir, 'dist', 'old.html'), 'old');
		mkdirSync(join(dir, '.dist.building-7-1'));
		writeFileSync(join(dir, '.dist.building-7-1', 'new.html'), 'new');
		swapIn(join(dir, '.dist.building-7-1'), join(dir, 'dist'), '7-1');
		expect(readdirSync(dir)).toEqual(['dist']);
		expect(readdirSync(join(dir, 'dist'))).toEqual(['new.html']);
		// The first build of all: nothing to swap out.
		mkdirSync(join(dir, '.site.building-7-2'));
		swapIn(join(dir, '.site.building-7-2'), join(dir, 'site'), '7-2');
		expect(existsSync(join(dir, 'site'))).toBe(true);
		// The new site cannot be renamed in: the previous one goes back in place, whole.
		expect(() => swapIn(join(dir, '.dist.building-7-3'), join(dir, 'dist'), '7-3')).toThrow(/ENOENT/);
		expect(readdirSync(join(dir, 'dist'))).toEqual(['new.html']);
		expect(readdirSync(dir).sort()).toEqual(['dist', 'site']);
	});

	it('lets one build hold a lock, refuses a second while the holder runs, and takes over a dead holder’s', async () => {
		const dir = tmp();
		const path = join(dir, 'sub', 'build.lock');
		const lock = takeLock(path);
		expect('release' in lock).toBe(true);
		expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
		expect(takeLock(path)).toEqual({ heldBy: process.pid });
		if ('release' in lock) lock.release();
		expect(existsSync(path)).toBe(false);
		// A lock whose holder has exited is stale.
		const gone = spawn(process.execPath, ['-e', '']);
		await new Promise((r) => gone.on('exit', r));
		writeFileSync(path, String(gone.pid));
		const again = takeLock(path);
		expect('release' in again).toBe(true);
		expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
		if ('release' in again) again.release();
		// A lock left empty (the build killed between creating it and writing its id) holds nothing: process 0 would be
		// this process's own group, always "running".
		writeFileSync(path, '');
		const empty = takeLock(path);
		expect('release' in empty).toBe(true);
		if ('release' in empty) empty.release();
	});

	it('removes folders left by builds that no longer run, never a running build’s or another folder', async () => {
		const dir = tmp();
		const gone = spawn(process.execPath, ['-e', '']);
		await new Promise((r) => gone.on('exit', r));
		for (const name of [
			`.dist.building-${gone.pid}-1`,
			`.dist.old-${gone.pid}-1`,
			`.dist.building-${process.pid}-1`,
			'.dist.keep',
			'dist',
		])
			mkdirSync(join(dir, name));
		removeStale(dir, '.dist.');
		expect(readdirSync(dir).sort()).toEqual(['.dist.building-' + process.pid + '-1', '.dist.keep', 'dist']);
	});
});

/**
 * Where one `npm run build` reads and writes, and which output folders it refuses. Pure path arithmetic: no file is
 * touched here, so the rules can be tested on their own (test/unit/build-paths.test.ts).
 *
 * A build never writes into `OUT_DIR` while it runs. It builds into a fresh staging folder next to it and swaps that
 * in only when every stage has passed (scripts/lib/out-dir.ts); the previous site stays as it was until then.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** The folders one build uses, all absolute. */
export interface BuildPaths {
	root: string;
	dataDir: string;
	/** Where the finished site ends up (`OUT_DIR`, default `dist/`). */
	outDir: string;
	/** Where this build writes the site while it runs: a sibling of `outDir`, private to this process. */
	staging: string;
	/** A working folder of this build's own inside the project (Astro's prerender chunks: scripts/stages.ts). */
	work: string;
	/** The build's intermediate files (`CACHE_DIR`). */
	cacheDir: string;
	/** Astro's own cache (content-layer data store), inside `cacheDir` unless `ASTRO_CACHE_DIR` says otherwise. */
	astroCacheDir: string;
}

/**
 * The folders of a build from the environment. `CACHE_DIR` defaults to `.cache/` for the default output folder and
 * to a folder of its own under `.cache/` for any other `OUT_DIR`, so that two builds into different output folders
 * never share intermediate files (a build's snapshot, scores and open-data files belong to its own data folder).
 */
export function buildPaths(env: NodeJS.ProcessEnv, root: string, cwd: string, id: string): BuildPaths {
	const outDir = resolve(cwd, env.OUT_DIR || 'dist');
	const defaultCache =
		env.OUT_DIR && outDir !== resolve(root, 'dist')
			? join(root, '.cache', `out-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}`)
			: join(root, '.cache');
	const cacheDir = resolve(cwd, env.CACHE_DIR || defaultCache);
	return {
		root,
		dataDir: resolve(cwd, env.DATA_DIR || 'data'),
		outDir,
		staging: join(dirname(outDir), `.${basename(outDir)}.building-${id}`),
		work: join(root, '.astro', `build-${id}`),
		cacheDir,
		astroCacheDir: resolve(cwd, env.ASTRO_CACHE_DIR || join(cacheDir, 'astro')),
	};
}

/** Whether `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
	const rel = relative(outer, inner);
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Why an output folder must not be used, or `undefined` when it may. A build replaces its output folder whole, so an
 * `OUT_DIR` that is, holds or lies inside the data, the sources or the project (or is `/`) would destroy them. The
 * check runs before anything is deleted.
 */
export function outDirDanger(p: BuildPaths): string | undefined {
	const { outDir, root, dataDir, cacheDir } = p;
	const shown = (dir: string) => (within(dir, root) ? relative(root, dir) || '.' : dir);
	if (dirname(outDir) === outDir) return `输出目录 ${outDir} 是文件系统的根目录`;
	if (within(root, outDir)) return `输出目录 ${shown(outDir)} 就是项目目录，或包含整个项目`;
	const guarded: [string, string][] = [
		[dataDir, `数据目录（DATA_DIR）${shown(dataDir)}`],
		...(['src', 'public', 'scripts', 'test', 'node_modules', '.git', '.ci', 'bench'] as const).map(
			(d): [string, string] => [join(root, d), `项目的 ${d}/ 目录`],
		),
	];
	for (const [dir, what] of guarded) {
		if (outDir === dir) return `输出目录 ${shown(outDir)} 就是${what}`;
		if (within(outDir, dir)) return `输出目录 ${shown(outDir)} 位于${what}之内`;
		if (within(dir, outDir)) return `输出目录 ${shown(outDir)} 包含${what}`;
	}
	// The intermediate files hold unpublished data (the whole validated dataset): never inside the published site.
	// The other way round is fine: a private work folder with the site in a subfolder, as the tests build.
	if (within(cacheDir, outDir))
		return `输出目录 ${shown(outDir)} 包含中间文件目录（CACHE_DIR）${shown(cacheDir)}，其中有不公开的数据`;
	// The build writes its intermediate files while it runs, and the data folder must not change meanwhile (a build
	// during which a data file changes publishes nothing: scripts/build.ts); they would also be read as data.
	for (const [dir, what] of [
		[cacheDir, '中间文件目录（CACHE_DIR）'],
		[p.astroCacheDir, 'Astro 的缓存目录（ASTRO_CACHE_DIR）'],
	] as const)
		if (within(dir, dataDir)) return `${what}${shown(dir)} 位于数据目录（DATA_DIR）${shown(dataDir)}之内`;
	return undefined;
}

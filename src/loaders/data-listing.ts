/**
 * What the data folder holds, file by file: path, size and modification time (a symbolic link as its target's name,
 * never followed). Two uses: the validation stage's snapshot is tied to it (`snapshot.ts`), and `npm run build`
 * compares the listing taken before its first stage with the one after its last, so that a file saved while the
 * build ran (by a clerk, or by WPS's automatic saving) never goes public half-checked: the stages would have read a
 * mix of before and after.
 */
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/** How paths in the data folder are shown in messages: relative to the current directory when inside it. */
export function shownPrefix(dir: string): string {
	const rel = relative(process.cwd(), dir);
	const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir;
	return (shown || '.').replace(/\\/g, '/') + '/';
}

/** Each file's stamp by its path under the folder (`/`-separated), in path order. */
export function dataListing(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (sub: string) => {
		let names: string[];
		try {
			names = readdirSync(sub ? join(dir, sub) : dir).sort();
		} catch (e) {
			// An unreadable folder is the validator's to report; here it is one entry that must not change either.
			out.set(sub, `unreadable ${(e as NodeJS.ErrnoException).code ?? ''}`);
			return;
		}
		for (const name of names) {
			const rel = sub ? `${sub}/${name}` : name;
			let st;
			try {
				st = lstatSync(join(dir, rel));
			} catch (e) {
				out.set(rel, `unreadable ${(e as NodeJS.ErrnoException).code ?? ''}`);
				continue;
			}
			if (st.isDirectory()) walk(rel);
			else if (st.isSymbolicLink()) out.set(rel, `->${readlinkSync(join(dir, rel))}`);
			else out.set(rel, `${st.size}\0${st.mtimeMs}`);
		}
	};
	walk('');
	return out;
}

/** The files that differ between two listings of a folder, each with what happened to it, in path order. */
export function dataChanges(
	before: ReadonlyMap<string, string>,
	after: ReadonlyMap<string, string>,
): { path: string; change: '改动过' | '新增' | '删除' }[] {
	const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
	return paths.flatMap((path) => {
		const a = before.get(path);
		const b = after.get(path);
		if (a === b) return [];
		return [{ path, change: a === undefined ? '新增' : b === undefined ? '删除' : '改动过' }] as const;
	});
}

/**
 * What a command that read the data folder says when files changed while it ran (`before` was listed as it started):
 * each file and how (`${shown}pledges.csv：检查期间改动过`), then one line on what that means and what to do; none when
 * nothing changed. `npm run build` refuses to publish then; `npm run validate` and `npm run report` say their result
 * may mix the versions.
 * @param during when, as the lines say it (构建期间, 检查期间)
 */
export function changedWhile(
	dir: string,
	before: ReadonlyMap<string, string>,
	during: string,
	meaning: string,
	advice: string,
): string[] {
	const changed = dataChanges(before, dataListing(dir));
	if (!changed.length) return [];
	const shown = shownPrefix(dir);
	return [
		...changed.map(({ path, change }) => `${shown}${path}：${during}${change}`),
		`${during}数据目录里有 ${changed.length} 个文件被保存、新增或删除（表格软件的自动保存也算），${meaning}。${advice}`,
	];
}

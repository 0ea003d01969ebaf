/**
 * The data folder on disk: `DATA_DIR` (default `data/`), read through the `DataFiles` view the validator uses. Every
 * file of the data folder is third-party input, and so is the folder's shape: nothing outside it is read. No
 * symbolic link is followed, anywhere below the folder (the rule and why: `src/lib/validate/containment.ts`); a
 * path that climbs out is refused; only regular files are read. What cannot be read becomes an issue of the report,
 * never an exception.
 */
import {
	closeSync,
	lstatSync,
	openSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	statSync,
	type Stats,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { shownPrefix } from './data-listing.ts';
import { validateDataset, type DataFiles, type Dataset } from '../lib/validate/dataset.ts';
import { decodePhotos, startDecoding, type PhotoDecoder } from '../lib/validate/photo-pixels.ts';
import type { Issue } from '../lib/issues.ts';
import {
	outsideIssue,
	symlinkIssue,
	unreadableIssue,
	unsafeRelativePath,
} from '../lib/validate/containment.ts';

/** The absolute path of the data folder: `DATA_DIR` or `data/` under the current directory. */
export function dataDir(): string {
	return resolve(process.env.DATA_DIR || 'data');
}

export { shownPrefix };

/** A disk view of the data folder, with the problems met while reading it. */
export interface DiskFiles extends DataFiles {
	/** Symbolic links, paths out of the folder, unreadable files: each once, in the order met. */
	readonly issues: Issue[];
}

/**
 * A `DataFiles` view of a folder on disk. Hidden files and `templates/` are not data.
 * @param shown how paths are shown in issues (e.g. `data/`)
 */
export function diskFiles(dir: string, shown = shownPrefix(dir)): DiskFiles {
	const issues: Issue[] = [];
	const reported = new Set<string>();
	const report = (rel: string, issue: Issue) => {
		if (reported.has(rel)) return;
		reported.add(rel);
		issues.push(issue);
	};
	const lstat = (path: string): Stats | undefined => {
		try {
			return lstatSync(path);
		} catch {
			return undefined;
		}
	};
	const rootStat = (): Stats | undefined => {
		try {
			return statSync(dir);
		} catch {
			return undefined;
		}
	};
	/**
	 * The stats of a path under the folder when every part of it is a real directory or file (never a link), or
	 * undefined; a link or an unreadable part is reported. `missing` parts are simply absent.
	 */
	const walk = (rel: string): Stats | undefined => {
		const why = rel === '' ? undefined : unsafeRelativePath(rel);
		if (why) {
			report(rel, outsideIssue(shown + rel, why));
			return undefined;
		}
		// The folder itself may be reached through a link (DATA_DIR names it): followed, unlike anything below it.
		let st = rootStat();
		if (rel === '') return st;
		let sofar = '';
		for (const part of rel.split('/')) {
			sofar = sofar ? `${sofar}/${part}` : part;
			st = lstat(join(dir, sofar));
			if (!st) return undefined;
			if (st.isSymbolicLink()) {
				let target = '';
				try {
					target = readlinkSync(join(dir, sofar));
				} catch {
					// A link whose target cannot be read is still a link.
				}
				report(sofar, symlinkIssue(shown + sofar, target));
				return undefined;
			}
		}
		return st;
	};
	/** Whether a regular file can be opened: a file listed must be one that `read` returns. */
	const readable = (rel: string, st: Stats): boolean => {
		if (!st.isFile()) {
			if (!st.isDirectory()) report(rel, unreadableIssue(shown + rel, 'special'));
			return false;
		}
		try {
			closeSync(openSync(join(dir, rel), 'r'));
			return true;
		} catch (e) {
			report(rel, unreadableIssue(shown + rel, (e as NodeJS.ErrnoException).code ?? 'EIO'));
			return false;
		}
	};
	/** The names in a folder of the data folder, hidden ones left out; [] when it cannot be read (reported). */
	const entries = (sub: string): string[] => {
		const st = walk(sub);
		if (!st?.isDirectory()) return [];
		try {
			const names: string[] = [];
			// As bytes: a name that is not UTF-8 (a file named on a GBK system and copied over) would come back with its
			// characters replaced, name no file, and be skipped without a word.
			for (const b of readdirSync(join(dir, sub), { encoding: 'buffer' })) {
				if (isUtf8(b)) {
					const n = b.toString('utf8');
					if (!n.startsWith('.')) names.push(n);
					continue;
				}
				const seen = iconv.decode(b, 'gb18030');
				report(under(sub, seen), {
					file: shown + under(sub, seen),
					line: 1,
					column: 1,
					code: 'unreadable-file',
					message: `文件名不是 UTF-8 编码（按 GBK 读是“${seen}”），检查程序和网站都无法使用这个文件：请给它重新起名（在资源管理器里重命名，或在代码托管平台的网页上传时输入文件名）`,
					severity: 'error',
				});
			}
			return names;
		} catch (e) {
			report(sub, unreadableIssue(shown + sub, (e as NodeJS.ErrnoException).code ?? 'EIO'));
			return [];
		}
	};
	const under = (sub: string, n: string) => (sub ? `${sub}/${n}` : n);
	return {
		issues,
		list(sub: string) {
			return entries(sub)
				.filter((n) => {
					const entry = walk(under(sub, n));
					return entry !== undefined && readable(under(sub, n), entry);
				})
				.sort();
		},
		dirs(sub: string) {
			return entries(sub)
				.filter((n) => walk(under(sub, n))?.isDirectory())
				.sort();
		},
		read(path: string) {
			const st = walk(path);
			// A folder where a file is named (pledges.csv/, a photo's name): said, not taken for a missing file.
			if (st?.isDirectory()) report(path, unreadableIssue(shown + path, 'EISDIR'));
			if (!st || !readable(path, st)) return undefined;
			try {
				// The file's own bytes as a plain Uint8Array, not a copy: a city's data is hundreds of megabytes.
				const b = readFileSync(join(dir, path));
				return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
			} catch (e) {
				report(path, unreadableIssue(shown + path, (e as NodeJS.ErrnoException).code ?? 'EIO'));
				return undefined;
			}
		},
	};
}

/**
 * Validates the data folder on disk: `validateDataset` over its disk view, with the problems of the folder itself
 * (links, unreadable files) among the issues — everything but decoding every photo whole. Synchronous, for a process
 * that needs the dataset at once (`loadDataset` outside `npm run build`); the photos it accepts are ones the build can
 * publish (their metadata stripped), though a corrupt picture inside a well-formed file is found only by
 * `validateDataDir`.
 */
export function validateDataDirSync(dir: string, shown = shownPrefix(dir)): Dataset {
	const files = diskFiles(dir, shown);
	const d = validateDataset(files, shown);
	for (const i of files.issues) d.issues.push(i);
	return d;
}

/**
 * Decodes an image with sharp (libjpeg-turbo, libpng), refusing it on the decoder's first warning: "Corrupt JPEG data",
 * a truncated PNG data stream. Why sharp and not a pure-JavaScript decoder that the in-browser validator could share:
 * on 1,500 fuzzed demo photos, jpeg-js 0.4.4 (strict mode) accepted 96 that libjpeg reports as corrupt — it skips
 * stray bytes after a scan by design, and takes bogus marker lengths, Huffman tables and precisions — and fast-png
 * does not check chunk CRCs. sharp is Astro's own image library (already installed with it).
 */
export const decodeWithSharp: PhotoDecoder = async (bytes) =>
	// Loaded when a photo is decoded, not with the disk view (the content loaders import this module too).
	sharpDecoder(await import('sharp'))(bytes);

/** `decodeWithSharp` with sharp already loaded: it starts decoding when called (see `startDecoding`). */
const sharpDecoder =
	({ default: sharp }: typeof import('sharp')): PhotoDecoder =>
	async (bytes) => {
		// The header said 120×160 (checks/photos.ts); a far larger claim inside the data is refused unread.
		const { info } = await sharp(bytes, { failOn: 'warning', limitInputPixels: 1_000_000 })
			.raw()
			.toBuffer({ resolveWithObject: true });
		return { width: info.width, height: info.height };
	};

/**
 * Validates the data folder on disk, completely: `validateDataDirSync`, then every accepted photo decoded whole
 * (`decodePhotos` with sharp); a photo that does not decode is an error of the report. What `npm run validate` and
 * the build's validation stage run.
 */
export async function validateDataDir(dir: string, shown = shownPrefix(dir)): Promise<Dataset> {
	const files = diskFiles(dir, shown);
	const decode = sharpDecoder(await import('sharp'));
	// The photos are decoded on sharp's threads while the checks run (2,000 photos: about 2.5 s of a city's build).
	const early = startDecoding(files, decode);
	const d = validateDataset(files, shown);
	await decodePhotos(d, files, decode, shown, early);
	for (const i of files.issues) d.issues.push(i);
	return d;
}

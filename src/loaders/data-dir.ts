/**
 * The data folder on disk: `DATA_DIR` (default `data/`), read through the `DataFiles` view the validator uses.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { DataFiles } from '../lib/validate/dataset.ts';

/** The absolute path of the data folder: `DATA_DIR` or `data/` under the current directory. */
export function dataDir(): string {
	return resolve(process.env.DATA_DIR || 'data');
}

/** How paths in the data folder are shown in messages: relative to the current directory when inside it. */
export function shownPrefix(dir: string): string {
	const rel = relative(process.cwd(), dir);
	const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir;
	return (shown || '.').replace(/\\/g, '/') + '/';
}

/** A `DataFiles` view of a folder on disk. Hidden files and `templates/` are not data. */
export function diskFiles(dir: string): DataFiles {
	return {
		list(sub: string) {
			const d = join(dir, sub);
			if (!existsSync(d) || !statSync(d).isDirectory()) return [];
			return readdirSync(d)
				.filter((n) => !n.startsWith('.') && statSync(join(d, n)).isFile())
				.sort();
		},
		read(path: string) {
			const f = join(dir, path);
			if (!existsSync(f) || !statSync(f).isFile()) return undefined;
			// The file's own bytes as a plain Uint8Array, not a copy: a city's data is hundreds of megabytes.
			const b = readFileSync(f);
			return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
		},
	};
}

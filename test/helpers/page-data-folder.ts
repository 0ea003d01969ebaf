/**
 * Data folders that the page-data modules read in the test's own process, as a build's stages read theirs
 * (`DATA_DIR`, its own `CACHE_DIR`, the as-of date from `SOURCE_DATE_EPOCH`).
 */
import { afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NAMES = ['DATA_DIR', 'CACHE_DIR', 'SOURCE_DATE_EPOCH'] as const;

/**
 * A temporary folder to put data folders in; after the tests of the file or block that asks for it, the folder is
 * removed and the three variables are as they were.
 */
export function pageDataFolder(prefix: string) {
	const work = mkdtempSync(join(tmpdir(), prefix));
	const saved = NAMES.map((n) => [n, process.env[n]] as const);
	afterAll(() => {
		for (const [k, v] of saved)
			if (v === undefined) delete process.env[k];
			else process.env[k] = v;
		rmSync(work, { recursive: true, force: true });
	});
	return {
		work,
		/** From now on the page-data modules read `data` (with a cache of its own) as of `day` in Shanghai. */
		use(data: string, day: string) {
			process.env.DATA_DIR = data;
			process.env.CACHE_DIR = `${data}-cache`;
			process.env.SOURCE_DATE_EPOCH = String(Date.parse(`${day}T00:00:00+08:00`) / 1000);
		},
	};
}

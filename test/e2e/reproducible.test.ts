import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { E2E_EPOCH } from './global-setup.ts';

/** sha256 of every file under a folder, by relative path. */
function hashes(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const f = join(d, name);
			if (statSync(f).isDirectory()) walk(f);
			else out[relative(dir, f)] = createHash('sha256').update(readFileSync(f)).digest('hex');
		}
	};
	walk(dir);
	return out;
}

describe('reproducible builds', () => {
	// One full build of the demo (19 quarters): about a minute alone, several at a load of 18, so not the 60 s default.
	it(
		'a second build of the same data and as-of date is byte-identical, pagefind index and open data included',
		{ timeout: 600_000 },
		() => {
			const work = mkdtempSync(join(tmpdir(), 'xy-repro-'));
			const root = resolve(import.meta.dirname, '..', '..');
			const out = join(work, 'dist');
			const r = spawnSync('node', ['scripts/build.ts'], {
				cwd: root,
				env: {
					...process.env,
					SOURCE_DATE_EPOCH: E2E_EPOCH,
					OUT_DIR: out,
					CACHE_DIR: work,
					ASTRO_CACHE_DIR: join(work, 'astro'),
					DATA_DIR: join(root, 'data'),
				},
				encoding: 'utf8',
			});
			expect(r.status, r.stderr).toBe(0);
			const first = hashes(inject('distDir'));
			const second = hashes(out);
			expect(Object.keys(second).length).toBeGreaterThan(100);
			expect(Object.keys(first).filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(5);
			const differing = Object.keys({ ...first, ...second }).filter((f) => first[f] !== second[f]);
			expect(differing).toEqual([]);
			rmSync(work, { recursive: true, force: true });
		},
	);
});

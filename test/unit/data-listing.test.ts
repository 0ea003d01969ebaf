/**
 * The data folder's listing, which `npm run build` takes before its first stage and after its last: a file saved,
 * added or removed in between is named, and the build publishes nothing (test/unit/build.test.ts runs that whole).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataChanges, dataListing } from '../../src/loaders/data-listing.ts';

function folder(): string {
	const dir = mkdtempSync(join(tmpdir(), 'xy-listing-'));
	mkdirSync(join(dir, 'evidence'));
	writeFileSync(join(dir, 'units.csv'), 'id,name\nt1,甲镇\n');
	writeFileSync(join(dir, 'evidence', '2026-Q3.csv'), 'id\n1\n');
	writeFileSync(join(dir, 'evidence', '2026-Q2.csv'), 'id\n1\n');
	return dir;
}

describe('data folder listing', () => {
	it('lists every file under the folder by its path, subfolders included, in path order', () => {
		const dir = folder();
		expect([...dataListing(dir).keys()]).toEqual([
			'evidence/2026-Q2.csv',
			'evidence/2026-Q3.csv',
			'units.csv',
		]);
		rmSync(dir, { recursive: true });
	});

	it('finds nothing changed when nothing was touched', () => {
		const dir = folder();
		expect(dataChanges(dataListing(dir), dataListing(dir))).toEqual([]);
		rmSync(dir, { recursive: true });
	});

	it('names a file saved again (same size, new time), a file added and a file removed', () => {
		const dir = folder();
		const before = dataListing(dir);
		// Saved again with the same bytes: as WPS's automatic saving does. Only the time tells.
		const later = new Date(Date.now() + 5000);
		utimesSync(join(dir, 'units.csv'), later, later);
		writeFileSync(join(dir, 'evidence', '2026-Q4.csv'), 'id\n1\n');
		rmSync(join(dir, 'evidence', '2026-Q2.csv'));
		expect(dataChanges(before, dataListing(dir))).toEqual([
			{ path: 'evidence/2026-Q2.csv', change: '删除' },
			{ path: 'evidence/2026-Q4.csv', change: '新增' },
			{ path: 'units.csv', change: '改动过' },
		]);
		rmSync(dir, { recursive: true });
	});

	it('names a file whose size changed even within the same clock tick', () => {
		const dir = folder();
		const before = dataListing(dir);
		const t = new Date(2026, 0, 1);
		utimesSync(join(dir, 'units.csv'), t, t);
		const same = dataListing(dir);
		writeFileSync(join(dir, 'units.csv'), 'id,name\nt1,乙镇（改）\n');
		utimesSync(join(dir, 'units.csv'), t, t);
		expect(dataChanges(same, dataListing(dir))).toEqual([{ path: 'units.csv', change: '改动过' }]);
		expect(dataChanges(before, same)).toEqual([{ path: 'units.csv', change: '改动过' }]);
		rmSync(dir, { recursive: true });
	});

	it('lists a symbolic link as its target, never following it, so a dangling link is no crash', () => {
		const dir = folder();
		symlinkSync('/nonexistent/elsewhere.csv', join(dir, 'link.csv'));
		const before = dataListing(dir);
		expect(before.get('link.csv')).toBe('->/nonexistent/elsewhere.csv');
		rmSync(join(dir, 'link.csv'));
		symlinkSync('/nonexistent/other.csv', join(dir, 'link.csv'));
		expect(dataChanges(before, dataListing(dir))).toEqual([{ path: 'link.csv', change: '改动过' }]);
		rmSync(dir, { recursive: true });
	});
});

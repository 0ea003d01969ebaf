/**
 * `/data/releases/<quarter>.json`, the sealed snapshot of a quarter's results (`publishedSnapshots`), is published
 * only once the quarter itself is: a release recorded with a later date (发布日期 after the as-of date, "到那一天才
 * 公开") keeps its snapshot, which holds every unit's grade, off the site until that day, as it keeps the grades.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/files.ts';
import { pageDataFolder } from '../helpers/page-data-folder.ts';

const folder = pageDataFolder('xy-published-snapshots-');

/** The snapshots published by a build of the valid fixture (2022-Q1 sealed, released 2022-04-20) as of a day. */
async function publishedOn(day: string) {
	const data = join(folder.work, day);
	cpSync(join(FIXTURES, 'valid'), data, { recursive: true });
	folder.use(data, day);
	const { publishedSnapshots } = await import('../../src/page-data/ledger.ts');
	return publishedSnapshots().map((s) => ({
		quarter: s.quarter,
		same: Buffer.from(s.bytes).equals(readFileSync(join(data, 'releases', `${s.quarter}.json`))),
	}));
}

describe('the published release snapshots', { timeout: 60_000 }, () => {
	it('leave out a sealed quarter whose release date is after the as-of date, and publish it from that day', async () => {
		expect(await publishedOn('2022-04-19')).toEqual([]);
		expect(await publishedOn('2022-04-20')).toEqual([{ quarter: '2022-Q1', same: true }]);
	});
});

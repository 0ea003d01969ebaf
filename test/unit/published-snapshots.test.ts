/**
 * `/data/releases/<quarter>.json`, the sealed snapshot of a quarter's results (`publishedSnapshots`), is published
 * only once the quarter itself is: a release recorded with a later date (发布日期 after the as-of date, "到那一天才
 * 公开") keeps its snapshot, which holds every unit's grade, off the site until that day, as it keeps the grades.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/files.ts';

const work = mkdtempSync(join(tmpdir(), 'xy-published-snapshots-'));
const saved = {
	DATA_DIR: process.env.DATA_DIR,
	SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH,
	CACHE_DIR: process.env.CACHE_DIR,
};
afterAll(() => {
	for (const [k, v] of Object.entries(saved))
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	rmSync(work, { recursive: true, force: true });
});

/** The snapshots published by a build of the valid fixture (2022-Q1 sealed, released 2022-04-20) as of a day. */
async function publishedOn(day: string) {
	const data = join(work, day);
	cpSync(join(FIXTURES, 'valid'), data, { recursive: true });
	process.env.DATA_DIR = data;
	process.env.CACHE_DIR = join(work, `cache-${day}`);
	process.env.SOURCE_DATE_EPOCH = String(Date.parse(`${day}T00:00:00+08:00`) / 1000);
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

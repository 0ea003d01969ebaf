import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { accountRows, balanced } from '../../src/lib/accounting.ts';
import { fixture, fixtureText } from '../helpers/files.ts';

describe('nothing lost: rows read = published + withheld + refused', () => {
	it('accounts for the fixture: the recognised candidate is published, the four credit checks are withheld with their rule', () => {
		const accounts = accountRows(validateDataset(fixture(), 'data/'), '2026-11-22');
		expect(accounts.every(balanced)).toBe(true);
		const by = Object.fromEntries(accounts.map((a) => [a.file, a]));
		expect(by['data/exemplars/candidates.csv']).toMatchObject({ rowsIn: 1, published: 1, withheld: [] });
		expect(by['data/exemplars/reviews.csv'].published).toBe(0);
		expect(by['data/exemplars/reviews.csv'].withheld).toEqual([
			{ rule: expect.stringContaining('信用审查细节永不公开'), count: 4 },
		]);
		// Five facts and 35 无 rows (the released quarter is complete): all published.
		expect(by['data/evidence/2022-Q1.csv']).toMatchObject({ rowsIn: 40, published: 40, withheld: [] });
	});
	it('withholds a candidate before the first day of the 公示, and names the stage', () => {
		// The notice starts 2023-01-09: on 2023-01-08 the candidate is not public yet.
		const accounts = accountRows(validateDataset(fixture(), 'data/'), '2023-01-08');
		const c = accounts.find((a) => a.file === 'data/exemplars/candidates.csv')!;
		expect(c.published).toBe(0);
		expect(c.withheld).toEqual([{ rule: expect.stringContaining('待公示'), count: 1 }]);
		expect(accounts.find((a) => a.file === 'data/exemplars/notices.csv')!.withheld).toEqual([
			{ rule: '公示尚未开始', count: 1 },
		]);
	});
	it('counts a blank pre-filled evidence row as withheld, not published', () => {
		const evidence = fixtureText('evidence/2022-Q1.csv') + 'e9,t2,3.6,,,,,,,\n';
		const accounts = accountRows(
			validateDataset(fixture({ 'evidence/2022-Q1.csv': evidence }), 'data/'),
			'2026-11-22',
		);
		expect(accounts.find((a) => a.file === 'data/evidence/2022-Q1.csv')).toMatchObject({
			rowsIn: 41,
			published: 40,
			withheld: [{ rule: expect.stringContaining('空白预填行'), count: 1 }],
		});
	});
	it('withholds a commitment step dated after the as-of date until its day, and publishes it from then', () => {
		const updates = fixtureText('commitments/updates.csv') + 'k2,2026-12-01,已兑现,验收报告已公开\n';
		const files = fixture({ 'commitments/updates.csv': updates });
		const on = (asOf: string) =>
			accountRows(validateDataset(files, 'data/'), asOf).find(
				(a) => a.file === 'data/commitments/updates.csv',
			);
		expect(on('2026-11-30')).toMatchObject({
			rowsIn: 2,
			published: 1,
			withheld: [{ rule: '进展日期晚于截至日期：到那一天才公开', count: 1 }],
		});
		expect(on('2026-12-01')).toMatchObject({ rowsIn: 2, published: 2, withheld: [] });
	});
});

import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { accountRows, balanced } from '../../src/lib/accounting.ts';
import { exemplarPublication } from '../../src/lib/exemplars/publish.ts';
import { exemplarOpenRecord } from '../../src/lib/exemplars/public.ts';
import { publishedRows } from '../../src/lib/opendata/published-rows.ts';
import { commitmentViews, pledgesOn } from '../../src/lib/commitments/status.ts';
import { commitmentsJson } from '../../src/lib/commitments/opendata.ts';
import { publishRecords } from '../../src/lib/dishonesty/public.ts';
import { unitAsOf } from '../../src/lib/units/names.ts';
import { fixture, fixtureText } from '../helpers/files.ts';
import { DRAFT_Q1 } from '../helpers/validate.ts';

/**
 * The events file as the accounting counts it and as the check after the build finds it in /data/exemplars.json
 * (made here by the same functions as the site's): the build fails when the two differ.
 */
function eventsOn(events: string, asOf: string) {
	const d = validateDataset(
		fixture({ 'exemplars/events.csv': fixtureText('exemplars/events.csv') + events }),
		'data/',
	);
	expect(d.issues.filter((i) => i.severity === 'error')).toEqual([]);
	const account = accountRows(d, asOf).find((a) => a.file === 'data/exemplars/events.csv')!;
	const rows = exemplarPublication(d, asOf).exemplars.map(exemplarOpenRecord);
	const site = { json: () => rows, exists: () => true };
	const file = d.files.find((f) => f.file === 'data/exemplars/events.csv')!;
	return { account, found: publishedRows(d, file, site), rows };
}

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
	it('publishes a quarter, its release row and its evidence on its release day, and withholds them the day before', () => {
		// 2022-Q1 is released on 2022-04-20 (releases/releases.csv).
		const d = validateDataset(fixture(), 'data/');
		const on = (asOf: string) => {
			const by = Object.fromEntries(accountRows(d, asOf).map((a) => [a.file, a]));
			return [by['data/releases/releases.csv'], by['data/evidence/2022-Q1.csv']].map((a) => [
				a.published,
				a.withheld.map((w) => `${w.rule} ${w.count}`),
			]);
		};
		expect(on('2022-04-20')).toEqual([
			[1, []],
			[40, []],
		]);
		expect(on('2022-04-19')).toEqual([
			[0, ['发布日期晚于截至日期：到那一天才公开 1']],
			[0, ['季度 2022-Q1 的发布日期 2022-04-20 晚于截至日期：到那一天才公开 40']],
		]);
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
	it('publishes a notice, and a release, from their own day on: the as-of date itself counts', () => {
		// GS-1 starts 2023-01-09; 2022-Q1 was released on 2022-04-20.
		const on = (asOf: string, file: string) =>
			accountRows(validateDataset(fixture(), 'data/'), asOf).find((a) => a.file === file)!;
		expect(on('2023-01-09', 'data/exemplars/notices.csv')).toMatchObject({ published: 1, withheld: [] });
		expect(on('2022-04-20', 'data/releases/releases.csv')).toMatchObject({ published: 1, withheld: [] });
		expect(on('2022-04-19', 'data/releases/releases.csv')).toMatchObject({
			published: 0,
			withheld: [{ rule: '发布日期晚于截至日期：到那一天才公开', count: 1 }],
		});
	});
	it('says why a notice with no candidate is withheld: not started before its first day, empty from that day on', () => {
		// GS-2 starts 2024-01-08 and no candidate names it (the validator warns: notice-empty).
		const d = validateDataset(
			fixture({
				'exemplars/notices.csv': `${fixtureText('exemplars/notices.csv')}GS-2,2023,空的公示,2024-01-08,\n`,
			}),
			'data/',
		);
		const on = (asOf: string) => accountRows(d, asOf).find((a) => a.file === 'data/exemplars/notices.csv')!;
		expect(on('2024-01-07')).toMatchObject({ published: 1, withheld: [{ rule: '公示尚未开始', count: 1 }] });
		expect(on('2024-01-08')).toMatchObject({
			published: 1,
			withheld: [{ rule: '公示中没有候选人', count: 1 }],
		});
	});
	it('withholds an objection dated on the as-of date as an objection (its course is not public), and one dated after it until its day', () => {
		const events = 'c1,2023-01-10,异议,,\n';
		expect(eventsOn(events, '2023-01-09').account).toMatchObject({
			published: 0,
			withheld: [{ rule: '日期晚于截至日期：到那一天才公开', count: 1 }],
		});
		expect(eventsOn(events, '2023-01-10').account).toMatchObject({
			published: 0,
			withheld: [{ rule: expect.stringContaining('异议内容和核实过程不公开'), count: 1 }],
		});
	});
	it('publishes the objections of objections.csv from the day received, and counts each rule once however many rows it holds back', () => {
		// Four objections: to t1's 2022-Q1 result (received 2022-04-25 and 2022-05-01, concluded), to c1 (received in its
		// 公示, GS-1 from 2023-01-09), and to the result once more, received after the as-of date of the second count.
		const objections =
			'异议编号,异议对象,记录编号,期别,收到日期,办结日期,结果,更正编号\n' +
			'YY-1,评价结果,t1,2022-Q1,2022-04-25,2022-05-06,维持,\n' +
			'YY-2,评价结果,t1,2022-Q1,2022-05-01,,,\n' +
			'YY-3,诚信典型,c1,2022,2023-01-10,2023-01-12,维持,\n' +
			'YY-4,评价结果,t1,2022-Q1,2023-01-11,,,\n';
		const d = validateDataset(
			fixture({
				'objections.csv': objections,
				'exemplars/events.csv':
					fixtureText('exemplars/events.csv') + 'c1,2023-01-10,异议,,\nc1,2023-01-12,异议不成立,,\n',
			}),
			'data/',
		);
		expect(d.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const on = (asOf: string) => accountRows(d, asOf).find((a) => a.file === 'data/objections.csv')!;
		// Every one public.
		expect(on('2026-11-22')).toMatchObject({ rowsIn: 4, published: 4, refused: 0, withheld: [] });
		// 2023-01-10: YY-3 to c1, public since its 公示 began the day before, is received; YY-4 is not yet.
		expect(on('2023-01-10')).toMatchObject({
			published: 3,
			withheld: [{ rule: '收到日期晚于截至日期：到那一天才公开', count: 1 }],
		});
		// 2022-05-01: YY-1 and YY-2 public; YY-3 and YY-4 not received yet, one rule counted twice.
		expect(on('2022-05-01')).toMatchObject({
			published: 2,
			withheld: [{ rule: '收到日期晚于截至日期：到那一天才公开', count: 2 }],
		});
		for (const a of accountRows(d, '2022-05-01')) expect(balanced(a), a.file).toBe(true);
	});
	it('accounts for an evidence file of no rows (its header only) as nothing read', () => {
		const header = fixtureText('evidence/2022-Q1.csv').split(/\r?\n/)[0];
		const d = validateDataset(fixture({ 'evidence/2022-Q2.csv': `${header}\r\n` }), 'data/');
		const a = accountRows(d, '2026-11-22').find((a) => a.file === 'data/evidence/2022-Q2.csv')!;
		expect(a).toEqual({
			file: 'data/evidence/2022-Q2.csv',
			rowsIn: 0,
			published: 0,
			withheld: [],
			refused: 0,
		});
	});
	it('finds a file unbalanced when a single row is missing from its account, or counted twice', () => {
		const a = { file: 'x', rowsIn: 10, published: 6, withheld: [{ rule: 'r', count: 3 }], refused: 1 };
		expect(balanced(a)).toBe(true);
		expect(balanced({ ...a, published: 5 })).toBe(false);
		expect(balanced({ ...a, refused: 2 })).toBe(false);
		expect(balanced({ ...a, withheld: [...a.withheld, { rule: 's', count: 1 }] })).toBe(false);
	});
	it('counts a row the validator refused as refused, not published', () => {
		// A fifth unit whose category is not one of the four: the row is refused, the four others published.
		const units = fixtureText('units.csv') + 'x1,市级部门,,,,\n';
		const d = validateDataset(fixture({ 'units.csv': units }), 'data/');
		expect(d.issues.some((i) => i.file === 'data/units.csv' && i.severity === 'error')).toBe(true);
		const a = accountRows(d, '2026-11-22').find((a) => a.file === 'data/units.csv')!;
		expect(a).toMatchObject({ rowsIn: 5, published: 4, refused: 1, withheld: [] });
		expect(balanced(a)).toBe(true);
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
	// The fixture's notice GS-1 starts 2023-01-09; its 7th working day is 2023-01-17.
	it("publishes an upheld objection without a public reason as the candidate's 未予认定, as the built site shows it", () => {
		const { account, found, rows } = eventsOn(
			'c1,2023-01-10,异议,,\nc1,2023-01-12,异议成立,,经核实属实\n',
			'2026-11-22',
		);
		expect(rows).toMatchObject([{ id: 'c1', status: 'revoked', revokedOn: '2023-01-12' }]);
		expect(account).toMatchObject({
			rowsIn: 2,
			published: 1,
			withheld: [{ rule: expect.stringContaining('异议内容和核实过程不公开'), count: 1 }],
		});
		expect(found).toBe(1);
	});
	it('withholds a revocation dated after the as-of date until its day, as the built site shows it', () => {
		const events = 'c1,2024-05-06,撤销,经核实存在不实事迹，撤销认定,\n';
		const before = eventsOn(events, '2024-05-05');
		expect(before.rows).toMatchObject([{ id: 'c1', status: 'recognized' }]);
		expect(before.rows[0]).not.toHaveProperty('revokedOn');
		expect(before.account).toMatchObject({
			rowsIn: 1,
			published: 0,
			withheld: [{ rule: '日期晚于截至日期：到那一天才公开', count: 1 }],
		});
		expect(before.found).toBe(0);
		const on = eventsOn(events, '2024-05-06');
		expect(on.rows).toMatchObject([{ id: 'c1', status: 'revoked', revokedOn: '2024-05-06' }]);
		expect(on.account).toMatchObject({ rowsIn: 1, published: 1, withheld: [] });
		expect(on.found).toBe(1);
	});
	it('withholds a commitment made, and a pledge signed, after the as-of date until their day, as the built site shows them', () => {
		const files = fixture({
			'commitments/commitments.csv': `${fixtureText('commitments/commitments.csv')}k3,t1,就业,新设就业服务窗口,,,,2026-12-01,2027-06-30,\n`,
			'commitments/updates.csv': `${fixtureText('commitments/updates.csv')}k3,2026-12-15,已兑现,窗口已开设\n`,
			'pledges.csv': `${fixtureText('pledges.csv')}p2,乙公司,91350100M000100Y43,纳税,2026-12-01,t1\n`,
		});
		const d = validateDataset(files, 'data/');
		expect(d.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const on = (asOf: string) => {
			const accounts = accountRows(d, asOf);
			const views = commitmentViews(
				d.commitments.map((c) => c.value),
				d.commitmentUpdates.map((u) => u.value),
				asOf,
				[],
			);
			const json: Record<string, unknown> = {
				'data/commitments.json': commitmentsJson(views),
				'data/pledges.json': pledgesOn(
					d.pledges.map((p) => p.value),
					asOf,
				),
			};
			const site = { json: (path: string) => json[path], exists: () => true };
			return Object.fromEntries(
				['commitments/commitments.csv', 'commitments/updates.csv', 'pledges.csv'].map((name) => {
					const file = `data/${name}`;
					const a = accounts.find((x) => x.file === file)!;
					const found = publishedRows(
						d,
						d.files.find((f) => f.file === file)!,
						site,
					);
					expect(found).toBe(a.published);
					return [name, { published: a.published, withheld: a.withheld }];
				}),
			);
		};
		expect(on('2026-11-30')).toEqual({
			'commitments/commitments.csv': {
				published: 2,
				withheld: [{ rule: '承诺日期晚于截至日期：到那一天才公开', count: 1 }],
			},
			'commitments/updates.csv': {
				published: 1,
				withheld: [{ rule: '进展日期晚于截至日期：到那一天才公开', count: 1 }],
			},
			'pledges.csv': { published: 1, withheld: [{ rule: '签订日期晚于截至日期：到那一天才公开', count: 1 }] },
		});
		expect(on('2026-12-01')).toMatchObject({
			'commitments/commitments.csv': { published: 3, withheld: [] },
			'pledges.csv': { published: 2, withheld: [] },
		});
		expect(on('2026-12-15')['commitments/updates.csv']).toEqual({ published: 2, withheld: [] });
	});
	it('withholds a 失信 record dated after the as-of date until its day, as the built site shows it', () => {
		const files = fixture({
			'dishonesty.csv': `${fixtureText('dishonesty.csv')}d2,t2,2026-12-01,较重,违约,未按合同约定支付工程款,法院,,\n`,
		});
		const d = validateDataset(files, 'data/');
		expect(d.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const file = d.files.find((f) => f.file === 'data/dishonesty.csv')!;
		const on = (asOf: string) => {
			const records = publishRecords(
				d.dishonesty.map((r) => r.value),
				asOf,
				[],
			).records;
			const a = accountRows(d, asOf).find((x) => x.file === file.file)!;
			expect(publishedRows(d, file, { json: () => records, exists: () => true })).toBe(a.published);
			return { ids: records.map((r) => r.id), published: a.published, withheld: a.withheld };
		};
		expect(on('2026-11-30')).toEqual({
			// d1 was repaired in 2022: published under its opaque id, without details.
			ids: ['XF-t2-2022-Q1-1'],
			published: 1,
			withheld: [{ rule: '失信记录的日期晚于截至日期：到那一天才公开', count: 1 }],
		});
		expect(on('2026-12-01')).toEqual({ ids: ['XF-t2-2022-Q1-1', 'd2'], published: 2, withheld: [] });
	});
	it('withholds a unit set up, and a name that comes into use, after the as-of date until their day, as /data/units.json shows them', () => {
		const files = fixture({
			'units.csv': `${fixtureText('units.csv')}t3,镇街,2026-12-01,,,\n`,
			'unit-names.csv': `${fixtureText('unit-names.csv').replace('t1,甲镇,,', 't1,甲镇,,2026-11-30')}t1,甲街道,2026-12-01,\nt3,丙街道,,\n`,
		});
		const d = validateDataset(files, 'data/');
		expect(d.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const on = (asOf: string) => {
			const accounts = accountRows(d, asOf);
			// /data/units.json as the units collection makes it (src/content.config.ts).
			const units = d.units.flatMap((u) => {
				const names = d.unitNames.filter((n) => n.value.unitId === u.value.id).map((n) => n.value);
				const unit = unitAsOf(u.value, names, asOf);
				return unit ? [unit] : [];
			});
			const site = { json: () => units, exists: () => true };
			return Object.fromEntries(
				['units.csv', 'unit-names.csv'].map((name) => {
					const file = `data/${name}`;
					const a = accounts.find((x) => x.file === file)!;
					expect(
						publishedRows(
							d,
							d.files.find((f) => f.file === file)!,
							site,
						),
					).toBe(a.published);
					return [name, { published: a.published, withheld: a.withheld }];
				}),
			);
		};
		expect(on('2026-11-30')).toEqual({
			'units.csv': { published: 4, withheld: [{ rule: '设立日期晚于截至日期：到那一天才公开', count: 1 }] },
			'unit-names.csv': {
				published: 4,
				withheld: [{ rule: '单位设立或启用名称的日期晚于截至日期：到那一天才公开', count: 2 }],
			},
		});
		expect(on('2026-12-01')).toEqual({
			'units.csv': { published: 5, withheld: [] },
			'unit-names.csv': { published: 6, withheld: [] },
		});
	});
});

describe('the rows found in the built site', () => {
	it('finds none of a draft quarter’s evidence file, whose open-data file is not built, without reading it', () => {
		const d = validateDataset(fixture(DRAFT_Q1), 'data/');
		const file = d.files.find((f) => f.file === 'data/evidence/2022-Q1.csv')!;
		// As scripts/account.ts reads the built site: a file that is not there cannot be read.
		const site = {
			json: (path: string) => {
				throw new Error(`${path} 不存在`);
			},
			exists: () => false,
		};
		expect(publishedRows(d, file, site)).toBe(0);
		expect(accountRows(d, '2026-11-22').find((a) => a.file === file.file)!.published).toBe(0);
	});
});

/**
 * No silent change (issue 18): a released quarter's results are its snapshot as corrected, and the build refuses
 * anything else. On the valid fixture, whose 2022-Q1 is sealed (releases/2022-Q1.json, the fingerprint in
 * releases.csv): t1 has 3.6 = 3 activities × 1.5 = 4.5 points and a total of 10 + 8 + 4.5 + 0.5 = 23 of 95, score 24.2.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { pageDataFolder } from '../helpers/page-data-folder.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import { accountRows } from '../../src/lib/accounting.ts';
import { ledgerCheck, scoreDataset } from '../../src/loaders/pipeline.ts';
import { correctQuarter, releaseQuarter, sealQuarter } from '../../src/lib/office/release.ts';
import { quarterReport } from '../../src/lib/office/report.ts';
import {
	correctionOrder,
	describeChanges,
	expectedValues,
	ledgerEntries,
	ledgerIssues,
	unexplainedChanges,
} from '../../src/lib/ledger/ledger.ts';
import type { QuarterResult } from '../../src/lib/scoring/score.ts';
import type { QuarterId } from '../../src/lib/quarters.ts';
import type { CorrectionRow } from '../../src/schemas/correction.ts';
import {
	canonicalQuarter,
	canonicalText,
	compareIndicatorIds,
	fingerprintOf,
	type CanonicalUnit,
} from '../../src/lib/ledger/canonical.ts';
import {
	compareFields,
	copyTable,
	diffTables,
	displayValue,
	normalValue,
	parseField,
	setValue,
	valueTable,
	type LedgerField,
} from '../../src/lib/ledger/fields.ts';
import { FIXTURES, fixture, fixtureText, memFiles, readFolder, writeFolder } from '../helpers/files.ts';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { join } from 'node:path';
import { DRAFT_Q1, onlyRows, report, validate, withRows, type Patches } from '../helpers/validate.ts';

const AS_OF = '2026-11-22';
const Q1 = 'evidence/2022-Q1.csv';
const CORRECTIONS = 'releases/corrections.csv';

/** The ledger check's report lines for the patched fixture. */
function ledger(patches: Patches = {}): string[] {
	const d = validate(patches);
	expect(d.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
	return ledgerCheck(d, scoreDataset(d, AS_OF), AS_OF).map(formatIssue);
}

/** The fixture's evidence with t1's 诚信“五进” activities (e2) counted `n` times. */
const activities = (n: number) => ({
	[Q1]: withRows(Q1).replace('e2,t1,3.6,事项,2022-02-10,3,', `e2,t1,3.6,事项,2022-02-10,${n},`),
});

/** The patches plus the correction `npm run release -- 2022-Q1 --correct` would record for them. */
function corrected(patches: Patches, opts: { date: string; doc: string; reason: string }): Patches {
	const d = validate(patches);
	const files = fixture(patches);
	const out = correctQuarter(
		d,
		scoreDataset(d, AS_OF),
		'2022-Q1',
		opts,
		(rel) => files.read(rel),
		'data/',
		AS_OF,
	);
	if (!out.ok) throw new Error(out.errors.join('\n'));
	return { ...patches, [CORRECTIONS]: out.writes[0].text };
}

describe('the canonical results of a quarter', () => {
	it('hold the published judgement in a fixed order, and are the same bytes whatever order they come in', () => {
		const unit = {
			id: 'x',
			name: '甲镇',
			category: 'town' as const,
			score: 85,
			grade: 'red' as const,
			rank: 1,
			change: 3.5,
			maxPoints: 20,
			points: { '1.10': 2, '1.2': 1, '1.1': 14 },
			overrides: [{ grade: 'blue' as const, reason: '某记录', recordId: 'SX-1' }],
		};
		const a = canonicalQuarter({
			quarter: '2024-Q1',
			rubric: 2024,
			units: [{ ...unit, id: 'y' }, unit] as never,
		});
		const b = canonicalQuarter({
			quarter: '2024-Q1',
			rubric: 2024,
			units: [unit, { ...unit, id: 'y' }] as never,
		});
		expect(canonicalText(a)).toBe(canonicalText(b));
		// Name, change, the override's reason and record are left out (see canonical.ts for why).
		expect(canonicalText(a).split('\n').slice(0, 24).join('\n')).toMatchInlineSnapshot(`
			"{
			 "quarter": "2024-Q1",
			 "rubric": "2024",
			 "units": [
			  {
			   "id": "x",
			   "category": "town",
			   "score": 85,
			   "grade": "red",
			   "rank": 1,
			   "maxPoints": 20,
			   "points": {
			    "1.1": 14,
			    "1.2": 1,
			    "1.10": 2
			   },
			   "overrides": [
			    {
			     "grade": "blue"
			    }
			   ]
			  },
			  {
			   "id": "y","
		`);
	});

	it('orders indicators as people number them', () => {
		expect(['3.6', '1.10', '1.2', '5.1', '1.1'].sort(compareIndicatorIds)).toEqual([
			'1.1',
			'1.2',
			'1.10',
			'3.6',
			'5.1',
		]);
		// A number before its own sub-numbers, as in a table of contents.
		expect(['1.1', '1', '1.1.1', '2'].sort(compareIndicatorIds)).toEqual(['1', '1.1', '1.1.1', '2']);
	});

	it('are fingerprinted as sha256:<hex> of their bytes (FIPS 180-2 example: "abc")', () => {
		expect(fingerprintOf('abc')).toBe(
			'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
		);
	});

	it('of the fixture’s 2022-Q1 are exactly its snapshot, whose SHA-256 is the fingerprint in releases.csv', () => {
		const d = validate();
		const q = scoreDataset(d, AS_OF).find((r) => r.quarter === '2022-Q1')!;
		const text = canonicalText(canonicalQuarter(q));
		expect(text).toBe(fixtureText('releases/2022-Q1.json'));
		expect(fixtureText('releases/releases.csv')).toContain(`,${fingerprintOf(text)},`);
	});
});

describe('the order corrections apply in', () => {
	it('is by quarter, then date, then file, then line, however the rows stand in the files', () => {
		// Twelve rows typed newest first within each quarter, and three of one day: one listed before the others with a
		// larger line, one in a later file with a smaller line.
		const row = (id: string, quarter: string, date: string, file = 'data/corrections.csv', line = 2) => ({
			value: { id, quarter, date } as unknown as CorrectionRow,
			file,
			line,
			col: () => 1,
		});
		const dates = ['2024-12-20', '2024-11-02', '2024-10-15', '2024-09-30', '2024-08-01', '2024-07-21'];
		const rows = [
			row('x', '2024-Q1', '2024-07-21', 'data/corrections.csv', 40),
			...dates.map((d, i) => row(`b${i}`, '2024-Q2', d, 'data/corrections.csv', 10 + i)),
			...dates.map((d, i) => row(`a${i}`, '2024-Q1', d, 'data/corrections.csv', 20 + i)),
			row('y', '2024-Q1', '2024-07-21', 'data/z/corrections.csv', 3),
		];
		expect(correctionOrder(rows).map((r) => r.value.id)).toEqual([
			'a5',
			'x',
			'y',
			'a4',
			'a3',
			'a2',
			'a1',
			'a0',
			'b5',
			'b4',
			'b3',
			'b2',
			'b1',
			'b0',
		]);
	});
});

describe('corrections.csv values', () => {
	it('name fields in Chinese or by code, and read values in their several spellings', () => {
		expect(
			['得分', '排名', '类内排名', 'score', '指标 3.6', '3.6', '指标3.6得分', '等次调整', '满分'].map(
				parseField,
			),
		).toEqual([
			'score',
			'rank',
			'rank',
			'score',
			'points.3.6',
			'points.3.6',
			'points.3.6',
			'override',
			'maxPoints',
		]);
		expect(parseField('总排名第一')).toBeUndefined();
		// An indicator id of three levels (the rubric schema allows any dotted id).
		expect(parseField('指标 2.1.3 得分')).toBe('points.2.1.3');
		// A dash, as a table shows no value, is no value.
		expect([normalValue('score', '—'), normalValue('grade', ' — ')]).toEqual(['', '']);
		expect(normalValue('score', ' 85.0 ')).toBe('85');
		expect(normalValue('points.1.1', '−10')).toBe('-10');
		expect(normalValue('grade', '红名单')).toBe('red');
		expect(normalValue('override', '无')).toBe('none');
		expect(normalValue('rank', '2.5')).toBeUndefined();
		expect(displayValue('score', '85')).toBe('85.0');
		expect(displayValue('category', 'A')).toBe('A类部门');
	});
});

describe('corrections.csv, every spelling the office may type', () => {
	it('reads each field by its Chinese name, its code and each other name, and an indicator only as a whole cell', () => {
		const names: [string, string | undefined][] = [
			['类别', 'category'],
			['category', 'category'],
			['适用指标满分之和', 'maxPoints'],
			['满分之和', 'maxPoints'],
			['满分', 'maxPoints'],
			['得分', 'score'],
			['折算得分', 'score'],
			['总分', 'score'],
			['等次', 'grade'],
			['等次调整', 'override'],
			['失信调整', 'override'],
			['类内排名', 'rank'],
			['排名', 'rank'],
			['同类排名', 'rank'],
			[' 同类 排名 ', 'rank'],
			['points.1.1', 'points.1.1'],
			['指标1.1得分', 'points.1.1'],
			['', undefined],
			['x1.1', undefined],
			['1.1得分多', undefined],
			['指标 1.1 得分（更正）', undefined],
		];
		expect(names.map(([t]) => [t, parseField(t)])).toEqual(names);
	});

	it('reads values in their normal form, and refuses a number with anything after it', () => {
		const values: [LedgerField, string, string | undefined][] = [
			['category', 'A类部门', 'A'],
			['category', '镇（街道）', 'town'],
			['override', 'none', 'none'],
			['override', '无', 'none'],
			['override', '蓝名单', 'blue'],
			['override', '调整', undefined],
			['score', '+85.50', '85.5'],
			['score', '85abc', undefined],
			['score', '85.', undefined],
			['score', '8−5', undefined],
			['points.1.1', '−0.5', '-0.5'],
			['rank', '02', '2'],
			['rank', '-1', undefined],
		];
		expect(values.map(([f, t]) => [f, t, normalValue(f, t)])).toEqual(values);
		expect(['grade', 'override', 'category', 'score'].map((f) => displayValue(f as LedgerField, ''))).toEqual(
			['', '', '', ''],
		);
	});

	it('lists a unit’s changes in a fixed order: category, sum of maxima, indicators by id, score, grade, override, rank', () => {
		const fields: LedgerField[] = [
			'rank',
			'points.1.10',
			'override',
			'score',
			'points.1.2',
			'grade',
			'maxPoints',
			'category',
		];
		expect([...fields].sort(compareFields)).toEqual([
			'category',
			'maxPoints',
			'points.1.2',
			'points.1.10',
			'score',
			'grade',
			'override',
			'rank',
		]);
	});

	it('counts a value set to nothing, and a unit left with none, as absent: no change against a table without them', () => {
		const q = (units: CanonicalUnit[]) =>
			valueTable({ quarter: '2022-Q1' as QuarterId, rubric: '2022', units });
		const a: CanonicalUnit = {
			id: 'a',
			category: 'town',
			score: 80,
			grade: 'blue',
			rank: 1,
			maxPoints: 95,
			points: { '1.1': 10 },
			overrides: [],
		};
		const before = q([a]);
		const after = copyTable(before);
		setValue(after, 'b', 'score', '');
		for (const f of [...after.get('a')!.keys()]) setValue(after, 'a', f, '');
		expect([...after.keys()]).toEqual([]);
		expect(diffTables(after, q([]))).toEqual([]);
	});
});

describe('the build’s ledger check', () => {
	it('passes when a released quarter’s results are its snapshot', () => {
		expect(ledger()).toEqual([]);
	});

	it('ignores what is not a published judgement: a unit renamed, a row’s text or source retyped', () => {
		expect(
			ledger({
				'unit-names.csv': withRows('unit-names.csv').replace('t1,甲镇,,', 't1,甲镇（更正名称）,,'),
				[Q1]: withRows(Q1).replace(
					'e2,t1,3.6,事项,2022-02-10,3,,诚信进校园宣传活动,信用办,',
					'e2,t1,3.6,事项,2022-02-10,3,,诚信进校园宣传活动（淮城中学）,区信用办,',
				),
			}),
		).toEqual([]);
	});

	it('fails when released evidence is edited without a correction, naming the quarter, the unit and old → new', () => {
		// 5 activities: 7.5 points, 10 + 8 + 7.5 + 0.5 = 26 of 95 = 27.4.
		expect(ledger(activities(5))).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:1: 2022-Q1 已发布的评价结果有 2 处变化，但没有更正记录：甲镇（t1）指标 3.6 得分 4.5 → 7.5、得分 24.2 → 27.4。已发布的结果不能悄悄改变：如确需更正，请运行 npm run release -- 2022-Q1 --correct --date <更正日期> --doc <文号> --reason <理由>，把这些变化记入 releases/corrections.csv；如果本不该有变化，请找出并撤回改动：2022-Q1 的结果来自它和此前季度的评价记录，以及失信记录、单位、评价指标、公开承诺、承诺进展和企业信用承诺 (unexplained-change)",
			]
		`);
	});

	it('fails when a pledge is added to a released quarter: computed indicators are judgements too', () => {
		// A second enterprise signed in 2022-Q1: 5.2 goes from 0.5 to 1 point, the sum from 23 to 23.5 of 95, 24.2 → 24.7.
		const lines = ledger({
			'pledges.csv': withRows('pledges.csv', 'p2,乙公司,91320803MA1B2C014X,安全,2022-03-01,t1'),
		});
		expect(lines).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:1: 2022-Q1 已发布的评价结果有 2 处变化，但没有更正记录：甲镇（t1）指标 5.2 得分 0.5 → 1、得分 24.2 → 24.7。已发布的结果不能悄悄改变：如确需更正，请运行 npm run release -- 2022-Q1 --correct --date <更正日期> --doc <文号> --reason <理由>，把这些变化记入 releases/corrections.csv；如果本不该有变化，请找出并撤回改动：2022-Q1 的结果来自它和此前季度的评价记录，以及失信记录、单位、评价指标、公开承诺、承诺进展和企业信用承诺 (unexplained-change)",
			]
		`);
	});

	it('names every unit whose rank moved, and a unit that is no longer evaluated', () => {
		// t2 leaves before the quarter (撤销 2022-01-01): its values go from what was published to nothing.
		const units = withRows('units.csv').replace('t2,镇街,,,,', 't2,镇街,,2022-01-01,,');
		const patches = {
			'units.csv': units,
			// Its 失信 record of 2022-02-01 goes with it: a record of a day the unit did not exist is an error.
			'dishonesty.csv': onlyRows('dishonesty.csv'),
			[Q1]: withRows(Q1)
				.split('\n')
				.filter((l) => !/^n221-00(0[89]|1[0-7]),t2,/.test(l))
				.join('\n'),
		};
		const [line] = ledger(patches);
		expect(line).toContain('有 18 处变化');
		expect(line).toContain(
			'乙镇（t2）类别 镇（街道） → （无）、适用指标满分之和 95 → （无）、指标 1.1 得分 0 → （无）',
		);
		expect(line).toContain(
			'得分 0.0 → （无）、等次 黄名单 → （无）、等次调整 无 → （无）、类内排名 2 → （无）',
		);
	});

	it('passes once the correction is recorded, and the ledger lists old → new with the date, 文号 and reason', () => {
		const patches = corrected(activities(5), {
			date: '2022-06-01',
			doc: '淮信用办〔2022〕9号',
			reason: '补记遗漏的两次宣传活动',
		});
		expect(ledger(patches)).toEqual([]);
		const d = validate(patches);
		expect(
			ledgerEntries(
				d.corrections.map((c) => c.value),
				(id) => id,
			),
		).toEqual([
			{
				id: 'GZ-2022-01',
				quarter: '2022-Q1',
				date: '2022-06-01',
				docNumber: '淮信用办〔2022〕9号',
				reason: '补记遗漏的两次宣传活动',
				changes: [
					{
						unitId: 't1',
						unitName: 't1',
						field: 'points.3.6',
						fieldLabel: '指标 3.6 得分',
						from: '4.5',
						to: '7.5',
					},
					{ unitId: 't1', unitName: 't1', field: 'score', fieldLabel: '得分', from: '24.2', to: '27.4' },
				],
			},
		]);
	});

	it('lets a second correction follow, and refuses a further change the first one does not cover', () => {
		const first = corrected(activities(5), {
			date: '2022-06-01',
			doc: '淮信用办〔2022〕9号',
			reason: '补记两次活动',
		});
		// 6 activities: 9 points, capped at 8; 10 + 8 + 8 + 0.5 = 26.5 of 95 = 27.9.
		const again = { ...first, ...activities(6) };
		expect(ledger(again)).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:1: 2022-Q1 已发布的评价结果有 2 处变化，但没有更正记录：甲镇（t1）指标 3.6 得分 7.5 → 8、得分 27.4 → 27.9。已发布的结果不能悄悄改变：如确需更正，请运行 npm run release -- 2022-Q1 --correct --date <更正日期> --doc <文号> --reason <理由>，把这些变化记入 releases/corrections.csv；如果本不该有变化，请找出并撤回改动：2022-Q1 的结果来自它和此前季度的评价记录，以及失信记录、单位、评价指标、公开承诺、承诺进展和企业信用承诺 (unexplained-change)",
			]
		`);
		const second = corrected(again, {
			date: '2022-07-01',
			doc: '淮信用办〔2022〕10号',
			reason: '再补一次活动',
		});
		expect(ledger(second)).toEqual([]);
		const entries = ledgerEntries(
			validate(second).corrections.map((c) => c.value),
			(id) => id,
		);
		expect(entries.map((e) => [e.id, e.changes.map((c) => `${c.fieldLabel} ${c.from} → ${c.to}`)])).toEqual([
			['GZ-2022-02', ['指标 3.6 得分 7.5 → 8', '得分 27.4 → 27.9']],
			['GZ-2022-01', ['指标 3.6 得分 4.5 → 7.5', '得分 24.2 → 27.4']],
		]);
		// The chain runs in date order, whatever the order of the rows in the file: the later correction's rows typed
		// above the earlier one's read the same.
		const [header, ...rows] = String(second![CORRECTIONS]).split(/(?<=\n)/);
		const reversed = { ...second, [CORRECTIONS]: header + [...rows].reverse().join('') };
		expect(String(reversed[CORRECTIONS]).split('\n')[1]).toContain('GZ-2022-02');
		expect(ledger(reversed)).toEqual([]);
		// Of one day, in the order of the file: each row continues the one above it.
		const sameDay = {
			...second,
			[CORRECTIONS]: String(second![CORRECTIONS]).replaceAll(',2022-07-01,', ',2022-06-01,'),
		};
		expect(ledger(sameDay)).toEqual([]);
		const sameDayReversed = {
			...sameDay,
			[CORRECTIONS]:
				header +
				[
					...String(sameDay[CORRECTIONS])
						.split(/(?<=\n)/)
						.slice(1),
				]
					.reverse()
					.join(''),
		};
		expect(validate(sameDayReversed).issues.map((i) => `${i.line}:${i.column} ${i.code}`)).toEqual([
			'2:7 correction-chain',
			'3:7 correction-chain',
		]);
	});

	it('refuses a correction dated after the as-of date, once at its first row, and the tool will not record one', () => {
		const patches = corrected(activities(5), {
			date: '2022-06-01',
			doc: '淮信用办〔2022〕9号',
			reason: '补记',
		});
		const dated = (date: string) => ({
			...patches,
			[CORRECTIONS]: String(patches![CORRECTIONS]).replaceAll(',2022-06-01,', `,${date},`),
		});
		expect(ledger(dated('2026-11-23'))).toEqual([
			'data/releases/corrections.csv:2:3: 第 2 行第 3 列（更正日期）：更正 GZ-2022-01 的日期 2026-11-23 晚于截至日期 2026-11-22：它改变的结果已在评价记录中，发布出去就会在作出更正之前生效；请写实际作出更正的日期，或到那一天再发布 (correction-future)',
		]);
		// Dated on the as-of date itself: in force that day.
		expect(ledger(dated('2026-11-22'))).toEqual([]);
		const d = validate(activities(5));
		const files = fixture(activities(5));
		const out = correctQuarter(
			d,
			scoreDataset(d, AS_OF),
			'2022-Q1',
			{ date: '2026-11-23', doc: '淮信用办〔2022〕9号', reason: '补记' },
			(rel) => files.read(rel),
			'data/',
			AS_OF,
		);
		expect(out.ok ? [] : out.errors).toEqual([
			'更正日期 2026-11-23 晚于今天（2026-11-22）：请写实际作出更正的日期',
		]);
	});

	it('counts a correction published with its quarter: withheld while the quarter is not public yet', () => {
		const d = validate(
			corrected(activities(5), { date: '2022-06-01', doc: '淮信用办〔2022〕9号', reason: '补记' }),
		);
		const account = (asOf: string) => {
			const a = accountRows(d, asOf).find((x) => x.file === `data/${CORRECTIONS}`)!;
			return [a.rowsIn, a.published, a.withheld];
		};
		// Two rows (3.6 and the score); 2022-Q1 is public from 2022-04-20.
		expect(account(AS_OF)).toEqual([2, 2, []]);
		expect(account('2022-04-19')).toEqual([
			2,
			0,
			[{ rule: '更正的季度尚未公开：与该季度的结果同时公开', count: 2 }],
		]);
	});

	it('checks only released quarters: a draft changes freely', () => {
		expect(ledger({ ...DRAFT_Q1, ...activities(5) })).toEqual([]);
	});
});

describe('the corrections the pages and grades files mark', { timeout: 120_000 }, () => {
	// 2022-Q1 corrected twice for t1: GZ-2022-01 on 2022-06-01 (score 24.2 → 27.4), GZ-2022-02 on 2022-07-01
	// (27.4 → 27.9). Read as a build reads them: from the data folder on disk, as of AS_OF.
	const folder = pageDataFolder('xy-ledger-pages-');

	/** The valid fixture with `patches`, written to a data folder of its own, and the ledger's page data reading it. */
	function onDisk(name: string, patches: Patches) {
		const files = readFolder(join(FIXTURES, 'valid'));
		for (const [path, text] of Object.entries(patches!))
			files.set(path, new TextEncoder().encode(String(text)));
		const data = join(folder.work, name);
		writeFolder(data, files);
		folder.use(data, AS_OF);
		return import('../../src/page-data/ledger.ts');
	}

	async function twiceCorrected() {
		const first = corrected(activities(5), {
			date: '2022-06-01',
			doc: '淮信用办〔2022〕9号',
			reason: '补记两次活动',
		});
		const second = corrected(
			{ ...first, ...activities(6) },
			{
				date: '2022-07-01',
				doc: '淮信用办〔2022〕10号',
				reason: '再补一次活动',
			},
		);
		return onDisk('twice', second);
	}

	it('mark a unit corrected twice in a quarter with both corrections, oldest first', async () => {
		const { correctedUnits, ledger } = await twiceCorrected();
		// The ledger page lists the newest first; the grades table's 已更正 and the file's corrections oldest first.
		expect(ledger().map((e) => e.id)).toEqual(['GZ-2022-02', 'GZ-2022-01']);
		expect([...correctedUnits('2022-Q1')]).toEqual([['t1', ['GZ-2022-01', 'GZ-2022-02']]]);
		expect([...correctedUnits('2022-Q2')]).toEqual([]);
	});

	it('say a 较上季度 was measured against a corrected score only for corrections made after the quarter was released', async () => {
		const { previousScoreCorrections } = await twiceCorrected();
		// 2022-Q2 released before both corrections: its change for t1 was measured against 24.2, before either.
		expect([...previousScoreCorrections('2022-Q2', '2022-05-20')]).toEqual([
			['t1', ['GZ-2022-02', 'GZ-2022-01']],
		]);
		// Released between them: measured against 27.4, after the first; only the second one changed it since.
		expect([...previousScoreCorrections('2022-Q2', '2022-06-15')]).toEqual([['t1', ['GZ-2022-02']]]);
		// Released after both: measured against the score as corrected.
		expect([...previousScoreCorrections('2022-Q2', '2022-07-20')]).toEqual([]);
		// Only the quarter just before counts: 2022-Q3's change is against 2022-Q2, which no correction touched.
		expect([...previousScoreCorrections('2022-Q3', '2022-05-20')]).toEqual([]);
	});

	it('count for a 较上季度 only a correction of the unit’s score, not of its rank alone', async () => {
		// t2's five 无 rows of 2022-Q1 were in fact done (1.1, 1.3, 3.2, 3.3, 3.4): 0 → above t1's 24.2, so t2 is first
		// of the 镇街 and t1, its score unchanged, second.
		const done = (id: string, indicator: string, date: string) =>
			[`${id},t2,${indicator},无,,,,`, `${id},t2,${indicator},完成,${date},,,`] as const;
		let q1 = withRows(Q1);
		for (const [from, to] of [
			done('n221-0008', '1.1', '2022-01-20'),
			done('n221-0009', '1.3', '2022-02-20'),
			done('n221-0011', '3.2', '2022-02-21'),
			done('n221-0012', '3.3', '2022-02-22'),
			done('n221-0013', '3.4', '2022-02-23'),
		]) {
			expect(q1).toContain(from);
			q1 = q1.replace(from, to);
		}
		const { correctedUnits, ledger, previousScoreCorrections } = await onDisk(
			'overtaken',
			corrected({ [Q1]: q1 }, { date: '2022-06-01', doc: '淮信用办〔2022〕9号', reason: '补记完成情况' }),
		);
		const changes = ledger()[0].changes.map((c) => `${c.unitId} ${c.fieldLabel} ${c.from} → ${c.to}`);
		expect(changes.filter((c) => c.startsWith('t1 '))).toEqual(['t1 类内排名 1 → 2']);
		expect(changes).toContain('t2 类内排名 2 → 1');
		// Both rows of the grades table are marked corrected; only t2's 较上季度 in 2022-Q2 was against a changed score.
		expect(new Set(correctedUnits('2022-Q1').keys())).toEqual(new Set(['t1', 't2']));
		expect([...previousScoreCorrections('2022-Q2', '2022-05-20')]).toEqual([['t2', ['GZ-2022-01']]]);
	});
});

describe('the validator on snapshots and corrections', () => {
	it('refuses a snapshot edited by hand: its SHA-256 is no longer the fingerprint', () => {
		const snapshot = fixtureText('releases/2022-Q1.json').replace('"score": 24.2', '"score": 34.2');
		expect(report({ 'releases/2022-Q1.json': snapshot })).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:4: 第 2 行第 4 列（结果指纹）：data/releases/2022-Q1.json 的 SHA-256 是 sha256:bb573cddae3f345bb070174231ead4a2d89415a3a0d4e725bf33473a3608af79，与 2022-Q1 发布时记录的结果指纹 sha256:1daeb5d3104295dc3e8d20e42e69c46bc68e09467ea95fe4911a97f6da087da5 不符：发布快照被改动过。发布快照不能修改，请从版本库恢复它；已发布结果的变化要记入 releases/corrections.csv (fingerprint-mismatch)",
			]
		`);
	});

	it('refuses a fingerprint typed over, a missing snapshot, and a snapshot of no release', () => {
		const rows = fixtureText('releases/releases.csv').replace(
			/sha256:[0-9a-f]{64}/,
			`sha256:${'0'.repeat(64)}`,
		);
		expect(report({ 'releases/releases.csv': rows })[0]).toContain('(fingerprint-mismatch)');
		expect(report({ 'releases/2022-Q1.json': null })).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:4: 第 2 行第 4 列（结果指纹）：2022-Q1 的结果指纹对应的发布快照 data/releases/2022-Q1.json 不存在：请从版本库恢复这个文件（发布快照一经写出不再改动） (missing-file)",
			]
		`);
		expect(report({ 'releases/2021-Q4.json': '{}' })).toMatchInlineSnapshot(`
			[
			  "data/releases/2021-Q4.json:1:1: 发布快照 2021-Q4.json 所属的季度 2021-Q4 在 releases/releases.csv 中没有发布记录：快照只能由 npm run release 写出，请删去这个文件或补上发布记录 (foreign-key)",
			]
		`);
	});

	it('refuses a snapshot whose release row has no fingerprint, a snapshot of another quarter, and any other JSON there', () => {
		const unsealedRow = fixtureText('releases/releases.csv').replace(/sha256:[0-9a-f]{64}/, '');
		// Not "run --seal", which refuses a dataset with this error: the fingerprint to restore, the snapshot's own.
		const sealed = fixtureText('releases/releases.csv').match(/sha256:[0-9a-f]{64}/)![0];
		expect(report({ 'releases/releases.csv': unsealedRow })).toEqual([
			`data/releases/releases.csv:2:4: 第 2 行第 4 列（结果指纹）：2022-Q1 有发布快照 data/releases/2022-Q1.json，但这一行没有结果指纹（npm run release 写出快照时同时填写指纹，它被删去了）：请从版本库恢复这一行的结果指纹；快照没有改动过时，指纹就是它现在的 SHA-256：${sealed} (fingerprint-mismatch)`,
		]);
		// a snapshot of 2022-Q2 saved as 2022-Q1.json, with its own fingerprint recorded: the name and content disagree
		const other = fixtureText('releases/2022-Q1.json').replaceAll('"2022-Q1"', '"2022-Q2"');
		const rows = fixtureText('releases/releases.csv').replace(
			/sha256:[0-9a-f]{64}/,
			fingerprintOf(new TextEncoder().encode(other)),
		);
		expect(report({ 'releases/releases.csv': rows, 'releases/2022-Q1.json': other })).toEqual([
			'data/releases/2022-Q1.json:1:1: 发布快照 releases/2022-Q1.json 写的是季度 2022-Q2，与文件名不符 (file-name)',
		]);
		// a snapshot that is no snapshot, under its own fingerprint: its errors, and no more
		const broken = '{"quarter": "2022-Q1"}';
		const brokenRows = fixtureText('releases/releases.csv').replace(
			/sha256:[0-9a-f]{64}/,
			fingerprintOf(new TextEncoder().encode(broken)),
		);
		expect(report({ 'releases/releases.csv': brokenRows, 'releases/2022-Q1.json': broken })).toEqual([
			'data/releases/2022-Q1.json:1:1: rubric：缺少这一项，应为文字（用英文双引号括起来） (type-error)',
			'data/releases/2022-Q1.json:1:1: units：缺少这一项，应为列表 [ ] (type-error)',
		]);
		expect(report({ 'releases/notes.json': '{}' })).toEqual([
			'data/releases/notes.json:1:1: releases/ 下的 JSON 文件只能是发布快照，文件名为季度（如 2024-Q1.json），“notes.json” 不是 (foreign-key)',
		]);
	});

	it('warns for a release without snapshot or fingerprint, naming the command that seals it', () => {
		expect(
			report({
				'releases/releases.csv': fixtureText('releases/releases.csv').replace(/sha256:[0-9a-f]{64}/, ''),
				'releases/2022-Q1.json': null,
			}),
		).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:1: 警告：2022-Q1 已发布，但还没有发布快照和结果指纹，以后的改动无法核对：请运行 npm run release -- 2022-Q1 --seal，并提交它写出的 data/releases/2022-Q1.json 和这一行的结果指纹 (release-unsealed)",
			]
		`);
	});
});

describe('a release unsealed after a later one was sealed', () => {
	it('is an error: its snapshot and fingerprint were deleted, and a published result could change unseen', () => {
		// The demo seals every quarter; 2022-Q1 (no correction) with its snapshot deleted and its fingerprint blanked.
		const demo = new Map(readFolder(join(import.meta.dirname, '..', '..', 'data')));
		const releases = new TextDecoder().decode(demo.get('releases/releases.csv'));
		const line = releases.split(/\r?\n/).findIndex((l) => l.startsWith('2022-Q1,')) + 1;
		demo.set(
			'releases/releases.csv',
			new TextEncoder().encode(releases.replace(/^(2022-Q1,[^,]*,[^,]*,)sha256:[0-9a-f]{64}/m, '$1')),
		);
		demo.delete('releases/2022-Q1.json');
		expect(line).toBe(2);
		expect(validateDataset(memFiles(demo), 'data/').issues.map(formatIssue)).toEqual([
			'data/releases/releases.csv:2:1: 2022-Q1 已发布，却没有发布快照和结果指纹，而此后的 2026-Q3 已经封存：封存之后，已发布季度的快照和指纹不能删去，否则公布的结果可以不留痕迹地改动。如是误删，请从版本库恢复 data/releases/2022-Q1.json 和这一行的结果指纹；如这一季度确实从未封存，请运行 npm run release -- 2022-Q1 --seal (release-unsealed)',
		]);
	});
});

describe('npm run release (the logic; tests/unit/office.test.ts runs the command)', () => {
	it('seals an unsealed release with today’s results, and then refuses to seal it again', () => {
		const patches = {
			'releases/releases.csv': fixtureText('releases/releases.csv').replace(/sha256:[0-9a-f]{64}/, ''),
			'releases/2022-Q1.json': null,
		};
		const d = validate(patches);
		const files = fixture(patches);
		const out = sealQuarter(d, scoreDataset(d, AS_OF), '2022-Q1', (rel) => files.read(rel), 'data/', AS_OF);
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		expect(out.writes.map((w) => w.rel)).toEqual(['releases/2022-Q1.json', 'releases/releases.csv']);
		expect(out.writes[0].text).toBe(fixtureText('releases/2022-Q1.json'));
		expect(out.writes[1].text).toBe(fixtureText('releases/releases.csv'));
		const again = sealQuarter(
			validate(),
			scoreDataset(validate(), AS_OF),
			'2022-Q1',
			() => undefined,
			'data/',
			AS_OF,
		);
		expect(again).toMatchObject({ ok: false });
	});

	it('refuses to release an incomplete quarter with the validator’s message, and a date before the quarter ends', () => {
		const patches = {
			...DRAFT_Q1,
			[Q1]: withRows(Q1)
				.split('\n')
				.filter((l) => !l.startsWith('n221-001'))
				.join('\n'),
		};
		const d = validate(patches);
		const files = fixture(patches);
		const out = releaseQuarter(
			d,
			scoreDataset(d, AS_OF),
			'2022-Q1',
			{ date: '2022-03-31', doc: '淮信用办〔2022〕2号' },
			(rel) => files.read(rel),
			'data/',
		);
		expect(out).toMatchInlineSnapshot(`
			{
			  "errors": [
			    "发布日期 2022-03-31 不晚于 2022-Q1 的最后一天 2022-03-31：季度结束后才能发布评价结果",
			    "2022-Q1 还不能发布："乙镇"（t2）缺少指标 2.1、3.2、3.3、3.4、3.5、3.6、5.1、5.4 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录",
			    "2022-Q1 还不能发布："区甲局"（a1）缺少指标 1.1、1.2 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录",
			  ],
			  "ok": false,
			}
		`);
	});

	it('releases a complete quarter: the snapshot, and the release row with its fingerprint', () => {
		const d = validate(DRAFT_Q1);
		const files = fixture(DRAFT_Q1);
		const out = releaseQuarter(
			d,
			scoreDataset(d, AS_OF),
			'2022-Q1',
			{ date: '2022-04-20', doc: '淮信用办〔2022〕2号' },
			(rel) => files.read(rel),
			'data/',
		);
		if (!out.ok) throw new Error(out.errors.join('\n'));
		// The same snapshot and the same row as the fixture's, sealed from the same results.
		expect(out.writes[0]).toEqual({
			rel: 'releases/2022-Q1.json',
			text: fixtureText('releases/2022-Q1.json'),
		});
		expect(out.writes[1].text.replace(/^\uFEFF/, '')).toBe(fixtureText('releases/releases.csv'));
	});

	/**
	 * 2022-Q1 a draft in which t1's 诚信镇 acceptance is scored 16 (5.1, valid four quarters), and a complete 2022-Q2: the
	 * fixture's rows again, with their ids and dates moved one quarter on.
	 */
	const draftThenComplete = () => {
		const q1 = withRows(Q1).replace(
			'n221-0006,t1,5.1,无,,,,本季度无新的评审结果,信用办,',
			'n221-0006,t1,5.1,评分,2022-03-25,,16,现场验收,信用办,验收合格',
		);
		const dates: Record<string, string> = { '01-15': '04-15', '02-10': '05-10', '03-20': '06-20' };
		const q2 = withRows(Q1)
			.replace(/^(e\d|n221-)/gm, 'q2-$1')
			.replace(/2022-(0[1-3]-\d\d)/g, (_, md: string) => `2022-${dates[md] ?? '06-30'}`);
		return { ...DRAFT_Q1, [Q1]: q1, 'evidence/2022-Q2.csv': q2 };
	};

	it('snapshots a quarter that follows a draft as the build publishes it once released: not resting on the draft', () => {
		// 2022-Q1 stays a draft, with t1's 诚信镇 acceptance scored 16 (5.1, valid four quarters). 2022-Q2 is complete and
		// released: a public quarter takes carried points only from public quarters, so its 5.1 is 0 for t1 — and so
		// must be the snapshot, or the next build refuses the release it just made (unexplained-change 16 → 0).
		const patches = draftThenComplete();
		const d = validate(patches);
		const files = fixture(patches);
		const out = releaseQuarter(
			d,
			scoreDataset(d, AS_OF),
			'2022-Q2',
			{ date: '2022-07-20', doc: '淮信用办〔2022〕4号' },
			(rel) => files.read(rel),
			'data/',
		);
		if (!out.ok) throw new Error(out.errors.join('\n'));
		expect(
			JSON.parse(out.writes[0].text).units.find((u: { id: string }) => u.id === 't1').points['5.1'],
		).toBe(0);
		const released = { ...patches, ...Object.fromEntries(out.writes.map((w) => [w.rel, w.text])) };
		expect(ledger(released)).toEqual([]);
		// npm run report previews the draft as the release will publish it: t1's score is the snapshot's, not one resting
		// on the 16 points of the earlier draft.
		const t1 = JSON.parse(out.writes[0].text).units.find((u: { id: string }) => u.id === 't1');
		const rows = quarterReport(d, scoreDataset(d, AS_OF), '2022-Q2', AS_OF).filter((l) =>
			/^\s*甲镇\s/.test(l),
		);
		expect(rows).toHaveLength(1);
		expect(rows[0].split(/\s+/).filter(Boolean)[2]).toBe(t1.score.toFixed(1));
	});

	it('says how to write a date typed as Excel shows it, without sending the clerk to npm run validate -- --fix', () => {
		const d = validate(DRAFT_Q1);
		const out = releaseQuarter(
			d,
			scoreDataset(d, AS_OF),
			'2022-Q1',
			{ date: '2022/4/20', doc: '淮信用办〔2022〕2号' },
			(rel) => fixture(DRAFT_Q1).read(rel),
			'data/',
		);
		expect(out).toEqual({
			ok: false,
			errors: ['发布日期（--date）：日期 "2022/4/20" 格式不对，应写作 2022-04-20（年-月-日）'],
		});
	});

	it('says so when a quarter is released before the draft quarter before it, whose release then changes it', () => {
		const patches = draftThenComplete();
		const d = validate(patches);
		const files = fixture(patches);
		const out = releaseQuarter(
			d,
			scoreDataset(d, AS_OF),
			'2022-Q2',
			{ date: '2022-07-20', doc: '淮信用办〔2022〕4号' },
			(rel) => files.read(rel),
			'data/',
		);
		if (!out.ok) throw new Error(out.errors.join('\n'));
		expect(out.lines[2]).toMatch(
			/^注意：上一季度 2022-Q1 还是草稿，没有发布。2022-Q2 的“较上季度”在 2022-Q1 发布前显示为“无”/,
		);
		// What it warns of: 2022-Q1 released afterwards carries t1's 16 points of 5.1 into the released 2022-Q2.
		const q2 = { ...patches, ...Object.fromEntries(out.writes.map((w) => [w.rel, w.text])) };
		const d2 = validate(q2);
		const q1 = releaseQuarter(
			d2,
			scoreDataset(d2, AS_OF),
			'2022-Q1',
			{ date: '2022-07-21', doc: '淮信用办〔2022〕5号' },
			(rel) => fixture(q2).read(rel),
			'data/',
		);
		if (!q1.ok) throw new Error(q1.errors.join('\n'));
		expect(q1.lines).toHaveLength(2);
		const both = { ...q2, ...Object.fromEntries(q1.writes.map((w) => [w.rel, w.text])) };
		expect(ledger(both).join('\n')).toMatch(/2022-Q2 已发布的评价结果有 \d+ 处变化.*指标 5\.1 得分 0 → 16/);
		// In order, no such line.
		expect(
			releaseQuarter(
				validate(DRAFT_Q1),
				scoreDataset(validate(DRAFT_Q1), AS_OF),
				'2022-Q1',
				{ date: '2022-04-20', doc: '淮信用办〔2022〕2号' },
				(rel) => fixture(DRAFT_Q1).read(rel),
				'data/',
			),
		).toMatchObject({ ok: true, lines: { length: 2 } });
	});

	it('seals a release dated after the as-of date as the build publishes it from that date: not resting on a draft', () => {
		// As above, with 2022-Q2's release recorded (dated 2026-12-01, after the as-of date) but not sealed yet.
		const patches = {
			...draftThenComplete(),
			'releases/releases.csv': onlyRows('releases/releases.csv', '2022-Q2,2026-12-01,淮信用办〔2026〕9号,,'),
		};
		const d = validate(patches);
		const files = fixture(patches);
		const out = sealQuarter(d, scoreDataset(d, AS_OF), '2022-Q2', (rel) => files.read(rel), 'data/', AS_OF);
		if (!out.ok) throw new Error(out.errors.join('\n'));
		expect(
			JSON.parse(out.writes[0].text).units.find((u: { id: string }) => u.id === 't1').points['5.1'],
		).toBe(0);
		const later = '2026-12-02';
		const sealed = validate({ ...patches, ...Object.fromEntries(out.writes.map((w) => [w.rel, w.text])) });
		expect(ledgerCheck(sealed, scoreDataset(sealed, later), later).map(formatIssue)).toEqual([]);
	});
});

describe('npm run release: the dates and files it refuses', () => {
	const correct = (date: string) => {
		const d = validate(activities(5));
		const files = fixture(activities(5));
		const out = correctQuarter(
			d,
			scoreDataset(d, AS_OF),
			'2022-Q1',
			{ date, doc: '淮信用办〔2022〕9号', reason: '补记' },
			(rel) => files.read(rel),
			'data/',
			AS_OF,
		);
		return out.ok ? 'ok' : out.errors;
	};

	it('records a correction dated on the release day or on today, and refuses one dated before the release', () => {
		// 2022-Q1 was released on 2022-04-20; today is AS_OF (2026-11-22).
		expect(correct('2022-04-20')).toBe('ok');
		expect(correct(AS_OF)).toBe('ok');
		expect(correct('2022-04-19')).toEqual(['更正日期 2022-04-19 早于 2022-Q1 的发布日期 2022-04-20']);
	});

	/** `npm run release -- <q>` on the patched fixture: 'ok', or the tool's refusals. */
	const release = (
		patches: Patches,
		{
			q = '2022-Q1' as QuarterId,
			opts = { date: '2022-04-20', doc: '淮信用办〔2022〕2号' } as {
				date?: string;
				doc?: string;
				note?: string;
			},
			leftover = false,
		} = {},
	) => {
		const d = validate(patches);
		const files = fixture(patches);
		const out = releaseQuarter(
			d,
			scoreDataset(d, AS_OF),
			q,
			opts,
			(rel) => (rel === `releases/${q}.json` && leftover ? new Uint8Array([123, 125]) : files.read(rel)),
			'data/',
		);
		return out.ok ? 'ok' : out.errors;
	};

	it('refuses to release over a snapshot file left behind, and into a releases.csv without a 结果指纹 column', () => {
		expect(release(DRAFT_Q1, { leftover: true })).toEqual([
			'data/releases/2022-Q1.json 已经存在，但 2022-Q1 没有发布记录：请确认后删去这个文件再发布',
		]);
		expect(release({ ...DRAFT_Q1, 'releases/releases.csv': '\uFEFF季度,发布日期,文号,备注\r\n' })).toEqual([
			'data/releases/releases.csv 的表头缺少 结果指纹 列：请按 data/templates/releases.csv 补上',
		]);
	});

	it('refuses a quarter released already, a quarter with no evidence, a blank 文号, a note too long, and a releases.csv not in UTF-8', () => {
		expect(release({})).toEqual([
			'2022-Q1 已于 2022-04-20 发布（淮信用办〔2022〕2号，data/releases/releases.csv 第 2 行）。已发布的结果如需更正，请用 --correct',
		]);
		expect(
			release(DRAFT_Q1, { q: '2022-Q2', opts: { date: '2022-07-20', doc: '淮信用办〔2022〕5号' } }),
		).toEqual([
			'2022-Q2 没有评价记录：请先在 data/evidence/2022-Q2.csv 中填写（npm run new:quarter -- 2022-Q2 可生成预填文件）',
		]);
		expect(release(DRAFT_Q1, { opts: { date: '2022-04-20', doc: '  ' } })).toEqual(['缺少文号（--doc）']);
		const long = release(DRAFT_Q1, {
			opts: { date: '2022-04-20', doc: '淮信用办〔2022〕2号', note: '注'.repeat(301) },
		});
		expect(long).toHaveLength(1);
		expect(long[0]).toMatch(/^备注（--note）：/);
		// Saved by Excel as "CSV" on a Chinese Windows: the validator reads it, the tool will not write into it.
		const gbk = {
			...DRAFT_Q1,
			'releases/releases.csv': iconv.encode('季度,发布日期,文号,结果指纹,备注\r\n', 'gbk'),
		};
		expect(release(gbk)).toEqual([
			'data/releases/releases.csv 不是 UTF-8 编码，请先运行 npm run validate -- --fix 转换后再发布',
		]);
		expect(release(DRAFT_Q1)).toBe('ok');
	});
});

describe('the results a sealed quarter should have', () => {
	it('apply only the corrections of that quarter: a later quarter’s correction of the same unit leaves it alone', () => {
		const snapshot = {
			quarter: '2022-Q1' as const,
			rubric: '2022',
			units: [
				{
					id: 't1',
					category: 'town' as const,
					score: 24.2,
					grade: 'yellow' as const,
					rank: 1,
					maxPoints: 95,
					points: { '3.6': 4.5 },
					overrides: [],
				},
			],
		};
		const row = (quarter: '2022-Q1' | '2022-Q2', to: string) => ({
			id: `GZ-${quarter}`,
			quarter,
			date: '2022-08-01',
			docNumber: '淮信用办〔2022〕9号',
			unitId: 't1',
			field: 'score' as const,
			from: '24.2',
			to,
			reason: '补记',
		});
		const score = (rows: ReturnType<typeof row>[]) => expectedValues(snapshot, rows).get('t1')!.get('score');
		expect(score([row('2022-Q2', '30.0')])).toBe('24.2');
		expect(score([row('2022-Q1', '30.0')])).toBe('30');
	});
});

describe('a quarter’s expected values and the 更正台账 order, on hand-made rows', () => {
	const unit = (id: string, score: number) => ({
		id,
		category: 'town' as const,
		score,
		grade: 'blue' as const,
		rank: 1,
		maxPoints: 95,
		points: { '1.1': 10 },
		overrides: [] as { grade: 'red' }[],
	});
	const row = (id: string, quarter: string, date: string, unitId: string, from: string, to: string) => ({
		id,
		quarter: quarter as QuarterId,
		date,
		docNumber: `淮信用办〔2022〕${id}号`,
		unitId,
		field: 'score' as const,
		from,
		to,
		reason: '更正',
	});

	it('apply only the quarter’s own corrections: a 2022-Q1 correction of t1 leaves 2022-Q2’s t1 as published', () => {
		const q2 = { quarter: '2022-Q2' as QuarterId, rubric: '2022', units: [unit('t1', 80)] };
		const rows = [row('1', '2022-Q1', '2022-06-01', 't1', '70', '75')];
		expect(expectedValues(q2, rows).get('t1')?.get('score')).toBe('80');
		expect(diffTables(expectedValues(q2, rows), valueTable(q2))).toEqual([]);
		const q1 = { ...q2, quarter: '2022-Q1' as QuarterId };
		expect(expectedValues(q1, rows).get('t1')?.get('score')).toBe('75');
	});

	it('lists corrections of the same day newest id first, as of different days', () => {
		const entries = ledgerEntries(
			[
				row('GZ-1', '2022-Q1', '2022-06-01', 't1', '70', '75'),
				row('GZ-2', '2022-Q1', '2022-06-01', 't1', '75', '76'),
				row('GZ-0', '2022-Q1', '2022-05-01', 't1', '69', '70'),
			],
			(id) => id,
		);
		expect(entries.map((e) => e.id)).toEqual(['GZ-2', 'GZ-1', 'GZ-0']);
	});

	it('checks every sealed quarter, past one this build has no results for', () => {
		const sealed = (quarter: QuarterId, line: number) => ({
			quarter,
			snapshot: { quarter, rubric: '2022', units: [unit('t1', 80)] },
			release: { file: 'data/releases/releases.csv', line, column: 1 },
		});
		const q2 = { quarter: '2022-Q2', rubric: 2022, units: [unit('t1', 81)] } as unknown as QuarterResult;
		const issues = ledgerIssues([sealed('2022-Q1', 2), sealed('2022-Q2', 3)], [], [q2], (id) => id);
		expect(issues.map((i) => [i.line, i.code])).toEqual([[3, 'unexplained-change']]);
		expect(issues[0].message).toContain('t1（t1）得分 80.0 → 81.0');
	});

	it('describes unexplained changes unit by unit, in the order of the current results, the units apart by ；', () => {
		const snapshot = {
			quarter: '2022-Q1' as QuarterId,
			rubric: '2022',
			units: [unit('a', 80), unit('b', 70)],
		};
		const now = {
			quarter: '2022-Q1',
			rubric: 2022,
			units: [{ ...unit('b', 71), rank: 2 }, unit('a', 81)],
		} as unknown as QuarterResult;
		const changes = unexplainedChanges(snapshot, [], now);
		expect(describeChanges(changes, (id) => id.toUpperCase())).toBe(
			'B（b）得分 70.0 → 71.0、类内排名 1 → 2；A（a）得分 80.0 → 81.0',
		);
	});

	it('names each changed unit as it was called in the corrected quarter, not on the day of the correction', () => {
		const nameOf = (id: string, q: QuarterId) => (q === '2022-Q1' ? `${id} 时称` : `${id} 其他`);
		const [entry] = ledgerEntries([row('GZ-1', '2022-Q1', '2022-06-01', 't1', '70', '75')], nameOf);
		expect(entry.changes.map((c) => c.unitName)).toEqual(['t1 时称']);
	});

	it('orders an indicator before its sub-indicators: 1 < 1.1 < 1.2 < 1.10 < 2', () => {
		expect(['2', '1.10', '1.2', '1.1', '1'].sort(compareIndicatorIds)).toEqual([
			'1',
			'1.1',
			'1.2',
			'1.10',
			'2',
		]);
	});
});

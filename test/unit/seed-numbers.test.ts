/**
 * Every number the seeds fix, pinned with the clause it comes from, and the rules that a plausible one-line bug broke
 * without any test noticing (issue 16's mutation run). The validator's rules are checked through `validateDataset`
 * alone, so these tests hold whatever file the validator's checks live in.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import {
	gradeOf,
	missingCategories,
	normalisedScore,
	scoreQuarters,
	type ScoringInput,
} from '../../src/lib/scoring/score.ts';
import { deriveLifecycle, type LifecycleFacts } from '../../src/lib/exemplars/lifecycle.ts';
import { NOTICE_WORKDAYS, noticeEnd, WorkCalendar } from '../../src/lib/calendar/workdays.ts';
import { rubricSchema, type Rubric } from '../../src/schemas/rubric.ts';
import { fixture, fixtureText, FIXTURES } from '../helpers/files.ts';

const RUBRICS_DIR = join(import.meta.dirname, '..', '..', 'data', 'rubrics');
/** The office's rubrics as shipped (the demo data's, which a change of the office's would have to pass). */
const rubrics: Rubric[] = readdirSync(RUBRICS_DIR)
	.filter((f) => f.endsWith('.json'))
	.map((f) => rubricSchema.parse(JSON.parse(readFileSync(join(RUBRICS_DIR, f), 'utf8'))));
const indicator = (r: Rubric, id: string) => r.indicators.find((i) => i.id === id)!;

const STORY = fixtureText('exemplars/stories/c1.mdx');
/**
 * Problems of the valid fixture with some files replaced, as the office reads them; every candidate c2… named in a
 * replaced candidates.csv gets a copy of c1's story (the story rule is not what these tests are about).
 */
const problems = (patches: Record<string, string | Uint8Array | null>) =>
	validateDataset(
		fixture({
			...Object.fromEntries(
				[...String(patches['exemplars/candidates.csv'] ?? '').matchAll(/^(c\d+),/gm)].map((m) => [
					`exemplars/stories/${m[1]}.mdx`,
					STORY,
				]),
			),
			...patches,
		}),
		'data/',
	)
		.issues.filter((i) => i.severity === 'error')
		.map(formatIssue);

const CANDIDATES = fixtureText('exemplars/candidates.csv');
const [CANDIDATE_HEADER, C1] = CANDIDATES.split(/\r?\n/);
/** candidates.csv with the fixture's c1 and more rows made from it (id, recommendation date, 评审结果, 公示编号). */
const candidates = (...rows: { id: string; on?: string; review?: string; notice?: string }[]) =>
	[
		CANDIDATE_HEADER,
		...rows.map((r) =>
			C1.replace(/^c1,/, `${r.id},`)
				.replace('2022-12-01', r.on ?? '2022-12-01')
				.replace(/,c1\.jpg,/, r.id === 'c1' ? ',c1.jpg,' : ',,')
				.replace(/,[^,]*,[^,]*$/, `,${r.review ?? ''},${r.notice ?? ''}`),
		),
	].join('\n') + '\n';

describe('seed 002 三(二): 红名单 85 分（含）以上, 蓝名单 60 分（含）以上', () => {
	it('every rubric puts the red line at 85 and the blue line at 60', () => {
		expect(rubrics.length).toBeGreaterThan(0);
		for (const r of rubrics) expect([r.year, r.thresholds]).toEqual([r.year, { red: 85, blue: 60 }]);
	});
	it('grades 85.0 red and 84.9 blue, 60.0 blue and 59.9 yellow, under each rubric’s thresholds', () => {
		for (const r of rubrics)
			expect([85, 84.9, 60, 59.9].map((s) => gradeOf(s, r.thresholds))).toEqual([
				'red',
				'blue',
				'blue',
				'yellow',
			]);
	});
});

describe('the score formula: exact, half up, never binary floating point (SPEC 1 "round1")', () => {
	it('publishes 2.01 of 20 (10.05) as 10.1; Math.round(1000 × 2.01 ÷ 20) ÷ 10 would say 10.0', () => {
		expect(normalisedScore(2.01, 20)).toBe(10.1);
		expect(Math.round((1000 * 2.01) / 20) / 10).toBe(10);
	});
	it('gets the other halves floating point misses, found by searching two-decimal totals: 64.35/100, 16.08/32, 4.02/40', () => {
		expect([normalisedScore(64.35, 100), normalisedScore(16.08, 32), normalisedScore(4.02, 40)]).toEqual([
			64.4, 50.3, 10.1,
		]);
	});
	it('rounds below a half down and clamps to 0 and 100', () => {
		// 10 of 30 is 33.33…: down; a negative total is 0; more than the maximum is 100.
		expect([normalisedScore(10, 30), normalisedScore(-3, 20), normalisedScore(25, 20)]).toEqual([
			33.3, 0, 100,
		]);
	});
});

describe('seed 002 附件1: the points the table fixes', () => {
	it('takes 10 per 双公示 omission (一 "倒扣10分") and 20 per 招商引资 breach (三 "分中倒扣 20 分")', () => {
		for (const r of rubrics) {
			expect(indicator(r, '1.1').rule).toMatchObject({ kind: 'done', deduction: { per: 10 } });
			expect(indicator(r, '3.2').rule).toMatchObject({ kind: 'done', deduction: { per: 20 } });
		}
	});
	it('takes 0.5 per missing commitment category from 5 (五「政务诚信承诺」"少一类扣 0.5 分")', () => {
		for (const r of rubrics) {
			expect(indicator(r, '5.3')).toMatchObject({ max: 5, rule: { kind: 'commitmentCoverage', step: 0.5 } });
		}
	});
	it('keeps 属地行政监管 and 诚信镇 points four quarters ("有效期至次年同月认定的前一季度止")', () => {
		for (const r of rubrics) {
			expect(indicator(r, '5.2').rule).toMatchObject({ per: 0.5, cap: 5, validQuarters: 4 });
			expect(indicator(r, '5.1').rule).toMatchObject({ validQuarters: 4 });
		}
	});
});

describe('scoring inputs that a bug once let through', () => {
	const rubric = rubrics.find((r) => r.year === 2022)!;
	const input = (over: Partial<ScoringInput>): ScoringInput => ({
		rubrics: new Map([[2022, rubric]]),
		units: [{ id: 't1', category: 'town' }],
		unitNames: [{ unitId: 't1', name: '甲镇' }],
		evidence: [],
		dishonesty: [],
		commitments: [],
		commitmentUpdates: [],
		pledges: [],
		quarters: ['2022-Q1'],
		...over,
	});
	it('counts a commitment made on the quarter’s last day for that quarter', () => {
		const made = (madeOn: string) => [
			{
				id: 'k1',
				unitId: 't1',
				category: '政务' as const,
				content: '承诺',
				madeOn,
				dueBy: '2022-12-31',
			},
		];
		expect(missingCategories(['政务'], made('2022-03-31'), () => [], '2022-Q1')).toEqual([]);
		expect(missingCategories(['政务'], made('2022-04-01'), () => [], '2022-Q1')).toEqual(['政务']);
	});
	it('counts one enterprise once: four pledges from three 统一社会信用代码 are 1.5 points, not 2', () => {
		const pledge = (id: string, uscc: string) => ({
			id,
			enterprise: `企业${id}`,
			uscc,
			kinds: ['tax' as const],
			signedOn: '2022-02-01',
			unitId: 't1',
		});
		const pledges = [pledge('p1', 'X1'), pledge('p2', 'X2'), pledge('p3', 'X1'), pledge('p4', 'X3')];
		const t1 = scoreQuarters(input({ pledges }))[0].units[0];
		expect(t1.points['5.2']).toBe(1.5);
		expect(t1.indicators.find((i) => i.id === '5.2')!.pledges).toEqual(['p1', 'p2', 'p4']);
	});
});

describe('seed 000 第六条: each unit recommends at most 2 a year, by 12 月 10 日', () => {
	const reviewsFor = (ids: string[]) =>
		fixtureText('exemplars/reviews.csv')
			.split(/\r?\n/)
			.filter(Boolean)
			.flatMap((line, i) => (i === 0 ? [line] : ids.map((id) => line.replace(/^c1,/, `${id},`))))
			.join('\n') + '\n';
	it('accepts two candidates of one unit in one year', () => {
		expect(
			problems({
				'exemplars/candidates.csv': candidates({ id: 'c1', review: '通过', notice: 'GS-1' }, { id: 'c2' }),
			}),
		).toEqual([]);
	});
	it('refuses the third, at its own row', () => {
		expect(
			problems({
				'exemplars/candidates.csv': candidates(
					{ id: 'c1', review: '通过', notice: 'GS-1' },
					{ id: 'c2' },
					{ id: 'c3' },
				),
			}),
		).toEqual([
			'data/exemplars/candidates.csv:4:11: 第 4 行第 11 列（推荐单位）：推荐单位 "a1" 在 2022 年已推荐 3 人，每单位每年限 2 人（seed 000 第六条；另见第 2、3、4 行） (over-quota)',
		]);
	});
	it('warns when one person (姓名, 性别, 出生年月) is recommended twice in a year, by one unit or two', () => {
		const warnings = (csv: string) =>
			validateDataset(
				fixture({
					'exemplars/candidates.csv': csv,
					'exemplars/stories/c2.mdx': STORY,
					'exemplars/reviews.csv': reviewsFor(['c1', 'c2']),
				}),
				'data/',
			)
				.issues.filter((i) => i.code === 'duplicate-candidate')
				.map(formatIssue);
		const twice = candidates({ id: 'c1', review: '通过', notice: 'GS-1' }, { id: 'c2' });
		expect(warnings(twice)).toEqual([
			'data/exemplars/candidates.csv:3:3: 警告：第 3 行第 3 列（姓名）：2022 年度第 2 行已有候选人 张测试（编号 c1），这一行（编号 c2）的姓名、性别和出生年月都相同。同一人每年只能作为一名候选人，否则公示、认定和激励名单中会出现两次；如果是同一人，请删去一行；如果确是两个人，可以不改 (duplicate-candidate)',
		]);
		// By another unit: the same person still.
		expect(warnings(twice.replace(/(\nc2,.*?),a1,/, '$1,t1,'))).toHaveLength(1);
		// A namesake born in another month, or the same person in another year, is someone else's row.
		expect(warnings(twice.replace(/(\nc2,.*?)1988-03/, '$11990-07'))).toEqual([]);
	});
	it('accepts a recommendation dated 12-10 and refuses one dated 12-11', () => {
		const on = (date: string) =>
			problems({
				'exemplars/candidates.csv': candidates(
					{ id: 'c1', review: '通过', notice: 'GS-1' },
					{ id: 'c2', on: date },
				),
				'exemplars/reviews.csv': reviewsFor(['c1']),
			});
		expect(on('2022-12-10')).toEqual([]);
		expect(on('2022-12-11')).toEqual([
			'data/exemplars/candidates.csv:3:18: 第 3 行第 18 列（推荐日期）：推荐日期 2022-12-11 晚于 2022 年 12 月 10 日的报送截止日（seed 000 第六条） (deadline)',
		]);
	});
});

describe('seed 000 第七、八条: 信用审查, 评审 and the 7-working-day 公示', () => {
	it('refuses a 评审结果 for a candidate whose 信用审查 found a record', () => {
		const reviews = fixtureText('exemplars/reviews.csv').replace('c1,公安,无记录', 'c1,公安,有记录');
		for (const review of ['通过', '未通过'])
			expect(
				problems({
					'exemplars/reviews.csv': reviews,
					'exemplars/candidates.csv': candidates({ id: 'c1', review }),
				}),
			).toEqual([
				'data/exemplars/candidates.csv:2:21: 第 2 行第 21 列（评审结果）：信用审查有记录的候选人已取消资格，不能进入评审（seed 000 第七条） (lifecycle-order)',
			]);
	});
	it('refuses to put a candidate who failed 评审 into a 公示', () => {
		expect(
			problems({ 'exemplars/candidates.csv': candidates({ id: 'c1', review: '未通过', notice: 'GS-1' }) }),
		).toEqual([
			'data/exemplars/candidates.csv:2:22: 第 2 行第 22 列（公示编号）：只有评审通过的候选人才能公示（seed 000 第八条） (lifecycle-order)',
		]);
	});
	it('never makes public a candidate who failed 评审, even with a 公示 that has started', () => {
		const facts: LifecycleFacts = {
			recommendedOn: '2022-12-01',
			reviews: ['discipline', 'police', 'procuratorate', 'petition'].map((body) => ({
				body,
				result: 'clear' as const,
				date: '2022-12-12',
			})),
			review: 'failed',
			notice: { start: '2023-01-09', end: '2023-01-17' },
			events: [],
		};
		for (const asOf of ['2023-01-09', '2023-02-01'])
			expect(deriveLifecycle(facts, asOf)).toEqual({ stage: 'failed', public: false });
		expect(deriveLifecycle({ ...facts, review: 'passed' }, '2023-01-09')).toMatchObject({ public: true });
	});
	it('ends a 公示 on its 7th working day: 2023-01-09 (Mon) → 2023-01-17 (Tue), and 7 is the number', () => {
		expect(NOTICE_WORKDAYS).toBe(7);
		expect(noticeEnd(new WorkCalendar(), '2023-01-09')).toBe('2023-01-17');
		const d = validateDataset(fixture(), 'data/');
		expect(d.notices.map((n) => [n.value.start, n.value.end])).toEqual([['2023-01-09', '2023-01-17']]);
	});
});

describe('seed 000 附件1 注: photos 120×160 px, under 30 KB', () => {
	const photo = new Uint8Array(readFileSync(join(FIXTURES, 'valid', 'exemplars', 'photos', 'c1.jpg')));
	/** The fixture's 120×160 JPEG padded after its end marker to exactly `bytes` long. */
	const padded = (bytes: number) => {
		const out = new Uint8Array(bytes);
		out.set(photo);
		return out;
	};
	const photoProblems = (bytes: Uint8Array) => problems({ 'exemplars/photos/c1.jpg': bytes });
	it('accepts 30 × 1024 − 1 bytes and refuses exactly 30 KB (30 × 1024 bytes: "小于 30KB")', () => {
		expect(photoProblems(padded(30 * 1024 - 1))).toEqual([]);
		expect(photoProblems(padded(30 * 1024))).toEqual([
			'data/exemplars/photos/c1.jpg:1:1: 照片 30.0 KB，应小于 30 KB（seed 000 附件1 注） (photo-bytes)',
		]);
	});
	it('refuses 121×160 and 120×161', async () => {
		for (const [width, height] of [
			[121, 160],
			[120, 161],
		]) {
			const jpeg = await sharp({ create: { width, height, channels: 3, background: '#ccc' } })
				.jpeg()
				.toBuffer();
			expect(photoProblems(new Uint8Array(jpeg))).toEqual([
				`data/exemplars/photos/c1.jpg:1:1: 照片是 ${width}×${height} 像素，应为 120×160 像素（宽×高，seed 000 附件1 注） (photo-size)`,
			]);
		}
	});
});

describe('seed 004 五 / SPEC 1: a repair cannot come before its record', () => {
	const HEADER = '记录编号,单位编号,认定日期,程度,类型,事由,来源,修复日期,修复方式';
	const row = (repairedOn: string) =>
		`${HEADER}\nd1,t2,2022-02-01,一般,失信,逾期未履行协议,法院,${repairedOn},已履行\n`;
	it('accepts a repair on the day of the record and refuses one the day before', () => {
		expect(problems({ 'dishonesty.csv': row('2022-02-01') })).toEqual([]);
		expect(problems({ 'dishonesty.csv': row('2022-01-31') })).toEqual([
			'data/dishonesty.csv:2:8: 第 2 行第 8 列（修复日期）：修复日期 2022-01-31 早于认定日期 2022-02-01 (date-order)',
		]);
	});
});

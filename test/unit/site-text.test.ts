import { describe, expect, it } from 'vitest';
import { describeRule, keepTogether, standardLine, zeroNote } from '../../src/page-data/rubric-text.ts';
import { indicatorPoints, missingCategories, type EvidenceFact } from '../../src/lib/scoring/score.ts';
import type { Indicator } from '../../src/schemas/rubric.ts';
import {
	objectionHref,
	objectionReference,
	objectionSubject,
	parseObjectionQuery,
} from '../../src/page-data/objection.ts';

describe('the grade standard line', () => {
	it('states the three grades with the numbers of the rubric year', () => {
		expect(standardLine({ red: 85, blue: 60 })).toBe('红名单 ≥ 85 分、蓝名单 60～85 分、黄名单 < 60 分');
		expect(standardLine({ red: 90, blue: 62.5 })).toBe(
			'红名单 ≥ 90 分、蓝名单 62.5～90 分、黄名单 < 62.5 分',
		);
	});
});

describe('the methodology page’s rule of an indicator says what the scoring does', () => {
	const base = {
		group: '2',
		title: '制度建设',
		description: '',
		appliesTo: ['town' as const],
		method: '',
		assessor: '信用办',
	};
	it('says which 评分 counts when there are several, and it is the one the scoring takes', () => {
		const judged: Indicator = { ...base, id: '2.1', max: 10, rule: { kind: 'judged' } };
		const row = (id: string, date: string, points: number): EvidenceFact => ({
			id,
			quarter: '2024-Q1',
			unitId: 't1',
			indicatorId: '2.1',
			kind: 'judged',
			date,
			points,
			reason: '评审',
		});
		const facts = [row('a', '2024-02-01', 9), row('b', '2024-01-15', 3), row('c', '2024-02-01', 6)];
		const ctx = { pledges: [], missing: () => [] };
		// The latest date decides; of two on that date, the row further down.
		expect(indicatorPoints(judged, '2024-Q1', () => facts, ctx).points).toBe(6);
		expect(describeRule(judged)).toBe(
			'评审打分，0～10 分，须写明理由；有几条评分的，以日期最晚的一条为准（同一天的以表中靠后的一条为准）',
		);
	});
	it('says which commitments cover a category, and a commitment fulfilled before the quarter does not', () => {
		const coverage: Indicator = {
			...base,
			id: '5.3',
			max: 5,
			rule: { kind: 'commitmentCoverage', step: 0.5 },
		};
		const made = { unitId: 't1', content: '承诺', madeOn: '2023-03-01', dueBy: '2024-12-31' };
		const commitments = [
			{ ...made, id: 'k1', category: '就业' as const },
			{ ...made, id: 'k2', category: '养老' as const },
		];
		const updates = (id: string) =>
			id === 'k1' ? [{ commitmentId: 'k1', date: '2023-12-20', status: 'fulfilled' as const }] : [];
		expect(missingCategories(['就业', '养老'], commitments, updates, '2023-Q4')).toEqual([]);
		expect(missingCategories(['就业', '养老'], commitments, updates, '2024-Q1')).toEqual(['就业']);
		expect(describeRule(coverage)).toContain(
			'某类别在该季度内有有效的公开承诺，即承诺日期不晚于季末、且未在季初之前已兑现、依法变更或认定未兑现，才算有这一类',
		);
	});
});

describe('zeroNote', () => {
	const done = { assessor: '政府办', rule: { kind: 'done' as const } };
	it('says an indicator with nothing reported scored 0, naming the assessing office', () => {
		expect(zeroNote(done, { points: 0, evidence: [] })).toBe(
			'本季度没有报送记录，按 0 分计（考核主体：政府办）',
		);
		expect(zeroNote({ assessor: '信用办', rule: { kind: 'judged' } }, { points: 0, evidence: [] })).toContain(
			'考核主体：信用办',
		);
		expect(
			zeroNote(
				{ assessor: '各镇街', rule: { kind: 'perItem', per: 0.5, cap: 5, source: 'pledges' } },
				{ points: 0, evidence: [], pledges: [] },
			),
		).toBe('本季度没有有效的企业信用承诺，按 0 分计（考核主体：各镇街）');
	});
	it('says an indicator whose only row is a 无 row scored 0 because there was nothing to report', () => {
		expect(zeroNote(done, { points: 0, evidence: ['n1'] }, (id) => id === 'n1')).toBe(
			'本季度没有可报的事实（报送为“无”），按 0 分计（考核主体：政府办）',
		);
		// A 无 row beside a fact with 0 points (a judged 0) is not "nothing reported".
		expect(zeroNote(done, { points: 0, evidence: ['n1', 'e1'] }, (id) => id === 'n1')).toBeUndefined();
	});
	it('says nothing when the points rest on a record, or are not 0, or come from other data', () => {
		expect(zeroNote(done, { points: 0, evidence: ['2023Q4-0001'] })).toBeUndefined(); // a judged 0 with a reason
		expect(zeroNote(done, { points: 10, evidence: [] })).toBeUndefined();
		expect(
			zeroNote(
				{ assessor: '信用办', rule: { kind: 'commitmentCoverage', step: 0.5 } },
				{ points: 0, evidence: [] },
			),
		).toBeUndefined();
		expect(
			zeroNote(
				{ assessor: '信用办', rule: { kind: 'deduction', deduction: { per: 20, what: '违约' } } },
				{ points: 0, evidence: [] },
			),
		).toBeUndefined();
	});
});

describe('the 异议 link and its query string', () => {
	it('carries kind, id and period to /objection/ and reads them back', () => {
		const href = objectionHref({ kind: 'grade', id: 'cqz', period: '2023-Q4' });
		expect(href).toBe('/objection/?kind=grade&id=cqz&period=2023-Q4');
		expect(parseObjectionQuery(href.slice(href.indexOf('?')))).toEqual({
			kind: 'grade',
			id: 'cqz',
			period: '2023-Q4',
		});
		expect(parseObjectionQuery('?kind=exemplar&id=2026-001&period=2026')).toEqual({
			kind: 'exemplar',
			id: '2026-001',
			period: '2026',
		});
	});
	it('refuses ids and kinds of any other shape, and drops a period of another shape', () => {
		expect(parseObjectionQuery('?kind=grade&id=<img src=x onerror=alert(1)>')).toBeUndefined();
		expect(parseObjectionQuery('?kind=grade&id=' + 'a'.repeat(65))).toBeUndefined();
		expect(parseObjectionQuery('?kind=other&id=cqz')).toBeUndefined();
		expect(parseObjectionQuery('?id=cqz')).toBeUndefined();
		expect(parseObjectionQuery('')).toBeUndefined();
		expect(parseObjectionQuery('?kind=record&id=SX-2023-002&period=请致电 110')).toEqual({
			kind: 'record',
			id: 'SX-2023-002',
		});
	});
	it('words the reference the reader copies, and the e-mail subject', () => {
		expect(objectionReference({ kind: 'grade', id: 'cqz', period: '2023-Q4' })).toBe(
			'季度评价结果 · 单位编号 cqz · 2023年第四季度（2023-Q4）',
		);
		expect(objectionReference({ kind: 'record', id: 'SX-2023-002' })).toBe('失信记录 · 记录编号 SX-2023-002');
		expect(objectionSubject({ kind: 'exemplar', id: '2026-001', period: '2026' })).toBe(
			'异议：政务诚信典型人选 · 人选编号 2026-001 · 2026 年度',
		);
	});
});

describe('keepTogether', () => {
	it('marks dates, record ids and numbers with their unit as pieces that read whole', () => {
		expect(
			keepTogether('2023-05-18 较重违约记录 SX-2023-002（涉及金额 86 万元，超期 11 个工作日，7.5 分）'),
		).toEqual([
			{ text: '2023-05-18', whole: true },
			{ text: ' 较重违约记录 ', whole: false },
			{ text: 'SX-2023-002', whole: true },
			{ text: '（涉及金额 ', whole: false },
			{ text: '86 万元', whole: true },
			{ text: '，超期 ', whole: false },
			{ text: '11 个', whole: true },
			{ text: '工作日，', whole: false },
			{ text: '7.5 分', whole: true },
			{ text: '）', whole: false },
		]);
		expect(keepTogether('没有数字')).toEqual([{ text: '没有数字', whole: false }]);
		expect(keepTogether('').length).toBe(0);
	});
});

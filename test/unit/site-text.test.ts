import { describe, expect, it } from 'vitest';
import { keepTogether, standardLine, zeroNote } from '../../src/lib/site/rubric-text.ts';
import {
	objectionHref,
	objectionReference,
	objectionSubject,
	parseObjectionQuery,
} from '../../src/lib/site/objection.ts';

describe('the grade standard line', () => {
	it('states the three grades with the numbers of the rubric year', () => {
		expect(standardLine({ red: 85, blue: 60 })).toBe('红名单 ≥ 85 分、蓝名单 60～85 分、黄名单 < 60 分');
		expect(standardLine({ red: 90, blue: 62.5 })).toBe(
			'红名单 ≥ 90 分、蓝名单 62.5～90 分、黄名单 < 62.5 分',
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

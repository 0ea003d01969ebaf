/**
 * The grade rules as the 评价方法 page, a quarter's report and the home page state them (seed 002 三(二)): the
 * ranges at each threshold with which side includes it, the counts by grade, and the 失信 overrides in the scoring
 * module's order and words.
 */
import { describe, expect, it } from 'vitest';
import {
	gradeCounts,
	gradeRangesText,
	overrideRulesText,
	signedChange,
} from '../../src/lib/scoring/grade-text.ts';

describe('the grade rules in plain Chinese', () => {
	it('puts 85 and 60 in the higher grade, as seed 002 三(二) does ("85 分（含）以上")', () => {
		expect(gradeRangesText({ red: 85, blue: 60 })).toBe(
			'红名单：得分 85 分（含）以上；蓝名单：得分 60 分（含）以上、低于 85 分；黄名单：得分低于 60 分',
		);
	});

	it('signs a 较上季度: a rise with +, a fall with -, no change without a sign', () => {
		expect([0.5, 10, -2.6, -0.1, 0].map(signedChange)).toEqual(['+0.5', '+10.0', '-2.6', '-0.1', '0.0']);
	});
	it('counts each grade, best first', () => {
		const units = [{ grade: 'blue' }, { grade: 'red' }, { grade: 'blue' }, { grade: 'yellow' }] as const;
		expect(gradeCounts(units)).toBe('红名单 1 个、蓝名单 2 个、黄名单 1 个');
		expect(gradeCounts([])).toBe('红名单 0 个、蓝名单 0 个、黄名单 0 个');
	});

	it('states the overrides as the scoring module applies them, naming the earliest of equally serious records', () => {
		const text = overrideRulesText();
		expect(text).toHaveLength(5);
		expect(text[0]).toBe(
			'有失信记录的单位不得列入红名单：红名单须“单位无失信行为”，至多列入蓝名单（淮信用办〔2022〕6号 三(二)1）。',
		);
		expect(text[1]).toMatch(/^蓝名单须“单位无违约或较重失信行为”，列入黄名单（三\(二\)2）。/);
		expect(text[2]).toBe('严重失信，直接列入黄名单（附件1 注2：“严重的直接列入黄名单”）。');
		expect(text[3]).toContain('写明最严重的一条（同样严重的写最早的一条）');
		expect(text[4]).toContain('信用修复后从修复日期所在季度的下一季度起不再计入');
	});
});

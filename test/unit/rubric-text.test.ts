/**
 * The rules of each indicator as the 评价方法 and unit pages state them (`rubric-text.ts`), from the demo's 2026
 * rubric: the 信用村 window and its counts, a deduction that can make an item negative, the categories an indicator
 * applies to, a category's full marks to the cent, and when a 0 is explained as nothing reported.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeAppliesTo, describeRule, maxFor, zeroNote } from '../../src/page-data/rubric-text.ts';
import type { Indicator, Rubric } from '../../src/schemas/rubric.ts';

const rubric = JSON.parse(
	readFileSync(join(import.meta.dirname, '..', '..', 'data', 'rubrics', '2026.json'), 'utf8'),
) as Rubric;
const indicator = (id: string) => rubric.indicators.find((i) => i.id === id)!;

describe('an indicator’s rule in words', () => {
	it('gives the 信用村 window as the accepting quarter and the 3 after it, 4 in all', () => {
		expect(describeRule(indicator('5.1'))).toBe(
			'验收一个“信用村（居）”合格的季度得 20 分；此后 3 个季度内（验收季度起共 4 个季度，至次年同月认定的前一季度止），每季度新增“诚信户”满 5 户得满分 20 分，不足 5 户（含无新增）计 5 分；过了有效期未再验收的 0 分',
		);
	});

	it('says that a deduction can take the item below zero', () => {
		expect(describeRule(indicator('3.2'))).toBe(
			'完成得 5 分，未完成 0 分；招商引资违约毁约经核实的，每起扣 20 分，本项可为负分',
		);
	});

	it('names the categories, or 共性 only when every category is named', () => {
		expect(describeAppliesTo(['town', 'park'])).toBe('镇（街道）、园区');
		expect(describeAppliesTo(['town', 'park', 'A', 'B'])).toBe('共性（全部单位）');
	});

	it('adds a category’s full marks to the cent', () => {
		const inds = [
			{ max: 1.25, appliesTo: ['town'] },
			{ max: 1, appliesTo: ['town', 'A'] },
			{ max: 7, appliesTo: ['A'] },
		] as unknown as Indicator[];
		expect(maxFor(inds, 'town')).toBe(2.25);
		expect(maxFor(inds, 'A')).toBe(8);
	});

	it('explains a 0 of the pledges indicator only when no pledge counted', () => {
		const pledges = {
			assessor: '信用办',
			rule: { kind: 'perItem', source: 'pledges', per: 1, cap: 5 },
		} as never;
		expect(zeroNote(pledges, { points: 0, evidence: [], pledges: [] })).toBe(
			'本季度没有有效的企业信用承诺，按 0 分计（考核主体：信用办）',
		);
		expect(zeroNote(pledges, { points: 0, evidence: [], pledges: ['P-1'] })).toBeUndefined();
	});
});

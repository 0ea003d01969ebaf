/**
 * Enterprise credit pledges collected by towns (seed 002 附件1 五「属地行政监管」: 安全、环保、纳税 pledges, signed and
 * sealed, published on the site; 0.5 point per enterprise, max 5, valid four quarters).
 */
import type { z } from 'astro/zod';
import { PLEDGE_KINDS } from './enums.ts';
import {
	col,
	date,
	FULL_WIDTH,
	fullWidthMessage,
	identifier,
	listOf,
	recordSchema,
	text,
	toHalfWidth,
	type TableDef,
	type Cell,
} from './table.ts';
import { z as zod } from 'astro/zod';
import { usccProblem } from '../lib/uscc.ts';

/** 统一社会信用代码: 18 characters with the GB 32100-2015 check character. */
function uscc(): Cell<string> {
	return {
		type: 'string',
		pattern: '^[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$',
		format: '18 位，GB 32100-2015',
		schema: zod.string().superRefine((v, ctx) => {
			// Typed with a Chinese input method: said as such, with the half-width code `--fix` writes, and the code is
			// checked as that (a wrong check character is still found now, not after the fix).
			const full = FULL_WIDTH.test(v);
			if (full)
				ctx.addIssue({
					code: 'custom',
					message: fullWidthMessage(v),
					params: { code: 'full-width', fixable: true },
					input: v,
				});
			const problem = usccProblem(full ? toHalfWidth(v) : v);
			if (problem)
				ctx.addIssue({ code: 'custom', message: problem, params: { code: 'uscc-invalid' }, input: v });
		}),
	};
}

const pledgeColumns = [
	col('id', '编号', identifier(), { doc: '承诺书编号', example: 'CN-2023-015' }),
	col('enterprise', '企业名称', text({ max: 100 }), {
		public: true,
		doc: '企业全称（公开）',
		example: '淮安市某某食品有限公司',
	}),
	col('uscc', '统一社会信用代码', uscc(), {
		doc: '18 位统一社会信用代码，第 3～8 位（行政区划码）为数字，校验位按 GB 32100-2015 核对',
		example: '91320803MAAQL59GPD',
	}),
	col('kinds', '承诺类型', listOf(PLEDGE_KINDS), {
		doc: '安全、环保、纳税，可多选，用"、"分隔',
		example: '安全、环保',
	}),
	col('signedOn', '签订日期', date(), { doc: '承诺书签订日期', example: '2023-08-18' }),
	col('unitId', '单位编号', identifier(), { doc: '收集承诺的镇街或园区，对应 units.csv', example: 'shz' }),
] as const;

/** `pledges.csv`. */
export const pledgeTable: TableDef = {
	name: 'pledges',
	title: '企业信用承诺',
	path: 'pledges.csv',
	doc: '每行一份企业信用承诺书（属地行政监管）',
	columns: pledgeColumns,
	primaryKey: ['id'],
};
export const pledgeSchema = recordSchema(pledgeColumns);
export type PledgeRow = z.infer<typeof pledgeSchema>;

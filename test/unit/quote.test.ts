import { describe, expect, it } from 'vitest';
import { quoteValue } from '../../src/lib/quote.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { fixture } from '../helpers/files.ts';

const EVIDENCE_HEADER = '记录编号,单位编号,指标编号,类型,日期,数量,得分,事项,来源,理由';

describe('a value quoted in a message', () => {
	it('is quoted whole when short', () => {
		expect(quoteValue('A类部')).toBe('"A类部"');
	});
	it('shows each line break as ⏎, whatever the line ending', () => {
		expect(quoteValue('一\r\n二\r三\n四')).toBe('"一⏎二⏎三⏎四"');
	});
	it('keeps at most 80 characters and gives the length of the rest', () => {
		const cell = '文'.repeat(200_000);
		expect(quoteValue(cell)).toBe(`"${'文'.repeat(80)}…"（共 200000 字）`);
	});
	it('counts characters, not UTF-16 units, and never splits one', () => {
		expect(quoteValue('𠀀'.repeat(81))).toBe(`"${'𠀀'.repeat(80)}…"（共 81 字）`);
	});
	it('shows control and direction characters by their code, so a terminal never acts on them', () => {
		expect(quoteValue('a\u001b[31mb\u202Ec')).toBe('"a[U+001B][31mb[U+202E]c"');
	});
});

describe('a report line', () => {
	it('stays one line even when a message carries a line break', () => {
		expect(
			formatIssue({
				file: 'data/x.csv',
				line: 2,
				column: 3,
				code: 'x',
				message: '一\n二',
				severity: 'error',
			}),
		).toBe('data/x.csv:2:3: 一⏎二 (x)');
	});

	it('quotes a 200 KB cell with line breaks in at most 80 characters', () => {
		const huge = `"${'第一行\n'.repeat(50_000)}"`;
		const issues = validateDataset(
			fixture({
				'evidence/2022-Q1.csv': `${EVIDENCE_HEADER}\ne1,t1,3.6,事项,2022-02-10,${huge},,诚信进校园,信用办,\n`,
			}),
			'data/',
		).issues.map(formatIssue);
		expect(issues).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:6: 第 2 行第 6 列（数量）："第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎第一行⏎…"（共 199999 字） 不是整数 (type-error)",
			]
		`);
	});
});

import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../helpers/files.ts';
import { DRAFT_Q1, report } from '../../helpers/validate.ts';

const pledges = fixtureText('pledges.csv');

describe('files no check reads', () => {
	it('names a copy Excel saved beside a table, and which file it copies', () => {
		expect(report({ 'pledges (1).csv': pledges, 'units - 副本.csv': fixtureText('units.csv') }))
			.toMatchInlineSnapshot(`
			[
			  "data/pledges (1).csv:1:1: 网站不读取这个文件，其中的内容不会发布：看起来是 data/pledges.csv 的副本：把要发布的内容并入 data/pledges.csv，再删除这个文件 (unknown-file)",
			  "data/units - 副本.csv:1:1: 网站不读取这个文件，其中的内容不会发布：看起来是 data/units.csv 的副本：把要发布的内容并入 data/units.csv，再删除这个文件 (unknown-file)",
			]
		`);
	});

	it('names a CSV in the wrong folder and where it belongs', () => {
		expect(report({ 'exemplars/pledges.csv': pledges, '2022-Q2.csv': fixtureText('evidence/2022-Q1.csv') }))
			.toMatchInlineSnapshot(`
			[
			  "data/2022-Q2.csv:1:1: 网站不读取这个文件，其中的内容不会发布：文件名是 2022-Q2.csv，但放错了位置：应放在 data/evidence/2022-Q2.csv (unknown-file)",
			  "data/exemplars/pledges.csv:1:1: 网站不读取这个文件，其中的内容不会发布：文件名是 pledges.csv，但放错了位置：应放在 data/pledges.csv (unknown-file)",
			]
		`);
	});

	it('tells a workbook saved as .xlsx to be saved as CSV, naming the CSV (in evidence/, by the file-name rule)', () => {
		expect(report({ 'units.xlsx': 'PK', 'evidence/2022-Q2.xlsx': 'PK' })).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q2.xlsx:1:1: 季度评价记录文件应按季度命名，如 2023-Q4.csv，而不是 "2022-Q2.xlsx"：这是电子表格工作簿，网站只读取 CSV：请在 Excel 或 WPS 中“另存为”“CSV UTF-8（逗号分隔）”，保存为 data/evidence/2022-Q2.csv，再删除这个文件 (file-name)",
			  "data/units.xlsx:1:1: 网站不读取这个文件，其中的内容不会发布：这是电子表格工作簿，网站只读取 CSV：请在 Excel 或 WPS 中“另存为”“CSV UTF-8（逗号分隔）”，保存为 data/units.csv，再删除这个文件 (unknown-file)",
			]
		`);
	});

	it('warns about a note for people, and errs on anything else, in any folder', () => {
		expect(report({ 'README.md': '说明', 'exemplars/备忘.txt': '说明', 'misc/data.bin': 'x' }))
			.toMatchInlineSnapshot(`
			[
			  "data/README.md:1:1: 警告：说明性文件，网站不读取也不发布（如果它应当发布，请告诉区信用办的网站维护人员） (unknown-file)",
			  "data/exemplars/备忘.txt:1:1: 警告：说明性文件，网站不读取也不发布（如果它应当发布，请告诉区信用办的网站维护人员） (unknown-file)",
			  "data/misc/data.bin:1:1: 网站不读取这个文件，其中的内容不会发布。数据目录中只能放 data/templates/README.md 所列的文件；不需要的文件请删除 (unknown-file)",
			]
		`);
	});

	it('leaves the templates folder alone, and says nothing of a file already named in a message', () => {
		expect(report({ 'templates/pledges (1).csv': pledges })).toEqual([]);
		// A misnamed evidence file has its own error, which says what it looks like.
		expect(report({ ...DRAFT_Q1, 'evidence/2022-Q1 (2).csv': fixtureText('evidence/2022-Q1.csv') }))
			.toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1 (2).csv:1:1: 季度评价记录文件应按季度命名，如 2023-Q4.csv，而不是 "2022-Q1 (2).csv"：看起来是 data/evidence/2022-Q1.csv 的副本：把要发布的内容并入 data/evidence/2022-Q1.csv，再删除这个文件 (file-name)",
			]
		`);
	});
});

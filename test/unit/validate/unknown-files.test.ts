import { describe, expect, it } from 'vitest';
import { fixture, fixtureText } from '../../helpers/files.ts';
import { validateDataset } from '../../../src/lib/validate/dataset.ts';
import { DRAFT_Q1, report } from '../../helpers/validate.ts';
import { meantAs } from '../../../src/lib/validate/checks/unknown-files.ts';

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

describe('files the system or a spreadsheet program made by itself', () => {
	it('are named in a warning wherever they are, never taken for a misnamed data file', () => {
		const d = validateDataset(
			fixture({
				'Thumbs.db': 'x',
				'evidence/Thumbs.db': 'x',
				'evidence/~$2022-Q2.xlsx': 'x',
				'exemplars/photos/Thumbs.db': 'x',
				'exemplars/stories/desktop.ini': 'x',
				'rubrics/ehthumbs.db': 'x',
				'~$units.xlsx': 'x',
			}),
			'data/',
		);
		expect(d.issues.map((i) => `${i.severity} ${i.file} ${i.code}`).sort()).toEqual(
			[
				'Thumbs.db',
				'evidence/Thumbs.db',
				'evidence/~$2022-Q2.xlsx',
				'exemplars/photos/Thumbs.db',
				'exemplars/stories/desktop.ini',
				'rubrics/ehthumbs.db',
				'~$units.xlsx',
			]
				.map((f) => `warning data/${f} unknown-file`)
				.sort(),
		);
		expect(d.issues.find((i) => i.file === 'data/~$units.xlsx')!.message).toBe(
			'Excel 或 WPS 打开 units.xlsx 时自动生成的临时文件（关闭那个文件后会自动删除），网站不读取；不必提交到数据目录',
		);
		expect(d.issues.find((i) => i.file === 'data/evidence/Thumbs.db')!.message).toBe(
			'Windows 自动生成的系统文件，网站不读取；可以删除，不必提交到数据目录',
		);
	});

	it('are only those: a workbook, or a file that merely resembles one, is still an error', () => {
		const d = validateDataset(
			fixture({ '~units.xlsx': 'PK', 'Thumbs.db.csv': 'x', 'evidence/$2022-Q2.csv': 'x' }),
			'data/',
		);
		expect(d.issues.map((i) => `${i.severity} ${i.file} ${i.code}`).sort()).toEqual([
			'error data/Thumbs.db.csv unknown-file',
			'error data/evidence/$2022-Q2.csv file-name',
			'error data/~units.xlsx unknown-file',
		]);
	});

	it('tells a table whose name differs only in case to be renamed (Windows and macOS let it pass)', () => {
		expect(meantAs('Pledges.CSV', 'data/')).toBe(
			'文件名应为 pledges.csv，只有大小写不同（网站在区分大小写的系统上构建，Pledges.CSV 不会被当作 pledges.csv 读取）：请改名为 data/pledges.csv',
		);
		expect(meantAs('exemplars/Candidates.csv', 'data/')).toContain('请改名为 data/exemplars/candidates.csv');
	});
});

describe('what a file no check reads looks like it was meant to be', () => {
	// meantAs(rel, shown): the sentence after “其中的内容不会发布：”; undefined when nothing is close.
	const copyOf = (at: string) => `看起来是 data/${at} 的副本：把要发布的内容并入 data/${at}，再删除这个文件`;

	it.each([
		// Windows Explorer, with and without a space, and the full-width brackets of a Chinese input method
		['pledges (1).csv', 'pledges.csv'],
		['pledges(12).csv', 'pledges.csv'],
		['pledges （2）.csv', 'pledges.csv'],
		['pledges（ 3 ）.csv', 'pledges.csv'],
		// WPS and Chinese Windows: “- 副本”, “- 复制”, with a number
		['units - 副本.csv', 'units.csv'],
		['units-副本.csv', 'units.csv'],
		['units - 复制.csv', 'units.csv'],
		['units - 副本 (2).csv', 'units.csv'],
		['units - 副本（2）.csv', 'units.csv'],
		['units - 副本 (12).csv', 'units.csv'],
		['units - copy.csv', 'units.csv'],
		['units - Copy 2.csv', 'units.csv'],
		['units副本.csv', 'units.csv'],
		// macOS: “x copy.csv”, “x copy 2.csv”; people: “x_2.csv”, “x-2.csv”, “x 2.csv”
		['dishonesty copy.csv', 'dishonesty.csv'],
		['dishonesty COPY 2.csv', 'dishonesty.csv'],
		['dishonesty  copy.csv', 'dishonesty.csv'],
		['dishonesty copy  2.csv', 'dishonesty.csv'],
		['dishonesty copy 12.csv', 'dishonesty.csv'],
		['objections_2.csv', 'objections.csv'],
		['objections-10.csv', 'objections.csv'],
		['objections 3.csv', 'objections.csv'],
		// the file name of a table in a folder, copied anywhere; a quarter's evidence by its name
		['exemplars/candidates (1).csv', 'exemplars/candidates.csv'],
		['updates - 副本.csv', 'commitments/updates.csv'],
		['2022-Q1 (1).csv', 'evidence/2022-Q1.csv'],
	])('%s is a copy of %s', (rel, at) => {
		expect(meantAs(rel, 'data/')).toBe(copyOf(at));
	});

	it.each([
		// three digits after “_” is a name, not a copy; a copy of a file nobody knows is not named as one
		'pledges_123.csv',
		'notes (1).csv',
		'pledges (1).csv.bak',
		'2022-Q1.json',
		'x2022.json',
		'2024.json.bak',
		'20221.json',
		'misc/data.bin',
	])('%s looks like nothing known', (rel) => {
		expect(meantAs(rel, 'data/')).toBeUndefined();
	});

	it('names the folder a table or a quarter belongs in, wherever it was put', () => {
		expect(meantAs('misc/units.csv', 'data/')).toBe(
			'文件名是 units.csv，但放错了位置：应放在 data/units.csv',
		);
		expect(meantAs('updates.csv', 'data/')).toBe(
			'文件名是 updates.csv，但放错了位置：应放在 data/commitments/updates.csv',
		);
		expect(meantAs('exemplars/2023-Q4.csv', 'data/')).toBe(
			'文件名是 2023-Q4.csv，但放错了位置：应放在 data/evidence/2023-Q4.csv',
		);
		expect(meantAs('misc/site.json', 'data/')).toBe(
			'文件名是 site.json，但放错了位置：应放在 data/site.json',
		);
		// in its place it is not misplaced (the check that reads it speaks for it)
		expect(meantAs('units.csv', 'data/')).toBeUndefined();
		expect(meantAs('evidence/2023-Q4.csv', 'data/')).toBeUndefined();
		// the paths shown follow the data folder as the messages show it
		expect(meantAs('units (1).csv', 'D:/信用/')).toBe(
			'看起来是 D:/信用/units.csv 的副本：把要发布的内容并入 D:/信用/units.csv，再删除这个文件',
		);
	});

	it('names a rubric outside rubrics/ and a story outside its folders', () => {
		expect(meantAs('2024.json', 'data/')).toBe('看起来是评价指标文件：应放在 data/rubrics/2024.json');
		expect(meantAs('exemplars/2024.json', 'data/')).toBe(
			'看起来是评价指标文件：应放在 data/rubrics/2024.json',
		);
		expect(meantAs('rubrics/2024.json', 'data/')).toBeUndefined();
		const story =
			'看起来是正文：候选人的详细事迹放在 data/exemplars/stories/<候选人编号>.mdx，政策文件放在 data/policies/<编号>.mdx';
		expect(meantAs('c9.mdx', 'data/')).toBe(story);
		expect(meantAs('exemplars/c9.mdx', 'data/')).toBe(story);
		expect(meantAs('exemplars/stories/c9.mdx', 'data/')).toBeUndefined();
		expect(meantAs('policies/p9.mdx', 'data/')).toBeUndefined();
		expect(meantAs('c9.md', 'data/')).toBeUndefined();
	});

	it('tells every kind of workbook to be saved as CSV, naming the CSV only when it is a known one', () => {
		const saveAs = (csv?: string) =>
			`这是电子表格工作簿，网站只读取 CSV：请在 Excel 或 WPS 中“另存为”“CSV UTF-8（逗号分隔）”${csv ? `，保存为 data/${csv}` : ''}，再删除这个文件`;
		for (const ext of ['xlsx', 'xlsm', 'xls', 'et', 'ods', 'numbers', 'XLSX'])
			expect(meantAs(`units.${ext}`, 'data/'), ext).toBe(saveAs('units.csv'));
		expect(meantAs('commitments.xlsx', 'data/')).toBe(saveAs('commitments/commitments.csv'));
		expect(meantAs('2023-Q4.xlsx', 'data/')).toBe(saveAs('evidence/2023-Q4.csv'));
		expect(meantAs('汇总.xlsx', 'data/')).toBe(saveAs());
		// only the last extension counts
		expect(meantAs('units.xlsx.bak', 'data/')).toBeUndefined();
	});
});

describe('which files are notes for people', () => {
	const warning = (p: string) =>
		`${p}:1:1: 警告：说明性文件，网站不读取也不发布（如果它应当发布，请告诉区信用办的网站维护人员） (unknown-file)`;
	const unread = (p: string) =>
		`${p}:1:1: 网站不读取这个文件，其中的内容不会发布。数据目录中只能放 data/templates/README.md 所列的文件；不需要的文件请删除 (unknown-file)`;

	it('warns about a README and about documents, in any letter case', () => {
		const notes = [
			'readme',
			'README.TXT',
			'ReadMe-2024',
			'a.md',
			'b.markdown',
			'c.TXT',
			'd.doc',
			'e.docx',
			'f.pdf',
			'g.wps',
		];
		expect(report(Object.fromEntries(notes.map((n) => [`misc/${n}`, 'x'])))).toEqual(
			notes.map((n) => warning(`data/misc/${n}`)).sort(),
		);
	});

	it('errs on a file whose name only contains a note’s, and on a workbook called README', () => {
		const files = ['misc/my-readme.bin', 'misc/a.md.bin', 'misc/a.pdfx', 'misc/notes.txt.csv', 'README.xlsx'];
		const lines = report(Object.fromEntries(files.map((n) => [n, 'x'])));
		expect(lines).toContain(unread('data/misc/my-readme.bin'));
		expect(lines).toContain(unread('data/misc/a.md.bin'));
		expect(lines).toContain(unread('data/misc/a.pdfx'));
		expect(lines).toContain(unread('data/misc/notes.txt.csv'));
		expect(lines).toContain(
			'data/README.xlsx:1:1: 网站不读取这个文件，其中的内容不会发布：这是电子表格工作簿，网站只读取 CSV：请在 Excel 或 WPS 中“另存为”“CSV UTF-8（逗号分隔）”，再删除这个文件 (unknown-file)',
		);
		expect(lines).toHaveLength(5);
	});

	it('walks every folder, a templates folder below the top included, and reads nothing a check read', () => {
		expect(
			report({ 'misc/templates/x.bin': 'x', 'a/b/c/d.bin': 'x', 'exemplars/templates/units.csv': 'x' }),
		).toEqual([
			unread('data/a/b/c/d.bin'),
			'data/exemplars/templates/units.csv:1:1: 网站不读取这个文件，其中的内容不会发布：文件名是 units.csv，但放错了位置：应放在 data/units.csv (unknown-file)',
			unread('data/misc/templates/x.bin'),
		]);
		// the valid fixture: every file is read by a check
		expect(report()).toEqual([]);
	});
});

describe('a view of the data folder that cannot list folders', () => {
	it('is not walked: the checks run, and no file is called unread', () => {
		const { dirs: _, ...files } = fixture({ 'misc/data.bin': 'x' });
		expect(validateDataset(files, 'data/').issues).toEqual([]);
	});
});

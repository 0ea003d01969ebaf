/**
 * The office page's own logic (src/lib/office/): placing files in the data folder, reading workbooks as their CSV
 * export reads, positions as a spreadsheet shows them, the fixes accepted one by one, and the template workbooks.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { CFB, read, utils, write } from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FIXTURES, memFiles, readFolder } from '../helpers/files.ts';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { fixCsv } from '../../src/lib/validate/fix.ts';
import { evidenceTable } from '../../src/schemas/evidence.ts';
import { unitTable } from '../../src/schemas/unit.ts';
import { pledgeTable } from '../../src/schemas/pledge.ts';
import { editCells, memoryFiles, placeCsv, placeFile, rowsToCsv } from '../../src/lib/office/workspace.ts';
import { checkFilesAlone } from '../../src/lib/office/files-alone.ts';
import { tableForPath } from '../../src/lib/validate/tables.ts';
import { pageMessage } from '../../src/lib/office/page-words.ts';
import { formatIssue, sortIssues } from '../../src/lib/issues.ts';
import {
	CELL_SHOWN,
	cellShown,
	columnLetters,
	dataRoot,
	notData,
	issuePlace,
	readFailure,
} from '../../src/lib/office/paths.ts';
import { readWorkbook, workbookSheets } from '../../src/lib/office/xlsx.ts';
import { nextQuarter, officeTemplates, templateXlsx } from '../../src/lib/office/templates.ts';
import type { Rubric } from '../../src/schemas/rubric.ts';

const HEADER = evidenceTable.columns.map((c) => c.header);

describe('placing a file in the data folder', () => {
	it('tells the table by its header and takes the quarter from the file or sheet name', () => {
		expect(placeFile(['记录表.xlsx', '2024-Q1'], HEADER)).toMatchObject({ rel: 'evidence/2024-Q1.csv' });
		expect(placeFile(['2024Q2 评价记录.csv'], HEADER)).toMatchObject({ rel: 'evidence/2024-Q2.csv' });
		expect(placeFile(['任意.xlsx', 'Sheet1'], ['单位编号', '类别', '设立日期'])).toMatchObject({
			rel: 'units.csv',
		});
		// The ASCII keys are headers too, as the validator reads them.
		expect(placeFile(['x.csv'], ['unitId', 'name', 'from', 'to'])).toMatchObject({ rel: 'unit-names.csv' });
	});

	it('falls back on the file name when the header names no table, and says why it cannot place one', () => {
		expect(placeFile(['pledges (1).csv'], ['企业', 'foo'])).toMatchObject({ rel: 'pledges.csv' });
		expect(placeFile(['表格.xlsx', 'Sheet1'], ['甲', '乙'])).toEqual({
			problem:
				'看不出是哪一张数据表：表头应与模板一致（第一行是列名，如 单位编号、类别、设立日期 …），或把文件命名为数据表的文件名（如 units.csv）',
		});
		// A quarter's evidence with a title row merged above its header, named as the guide says: placed, so that the
		// validator says header-not-first as npm run validate does for the same file.
		const titled = ['2026年第四季度政务诚信评价记录表'];
		expect(placeFile(['2026-Q4.xlsx', 'Sheet1'], titled)).toMatchObject({ rel: 'evidence/2026-Q4.csv' });
		expect(placeFile(['2026-Q4 (1).csv'], titled)).toMatchObject({ rel: 'evidence/2026-Q4.csv' });
		expect(placeFile(['记录表.xlsx', '2026Q4'], titled)).toMatchObject({ rel: 'evidence/2026-Q4.csv' });
		expect(placeFile(['2026-Q4 汇总.xlsx', 'Sheet1'], titled)).toHaveProperty('problem');
		expect(placeFile(['评价记录.xlsx', 'Sheet1'], HEADER)).toEqual({
			problem:
				'是季度评价记录，但从文件名或工作表名看不出是哪个季度：请命名为 2024-Q1.xlsx 这样（年份-Q季度）',
		});
	});

	it('says why a dropped CSV file cannot be read, as npm run validate does, rather than that its table is unknown', () => {
		const pledges = '编号\t企业名称\t统一社会信用代码\t承诺类型\t签订日期\t单位编号\r\n';
		// Excel's "Unicode 文本": UTF-16 LE with its byte-order mark, tab-separated, saved under a .csv name.
		const utf16 = new Uint8Array([
			0xff,
			0xfe,
			...new Uint8Array(Uint16Array.from(pledges, (c) => c.charCodeAt(0)).buffer),
		]);
		expect(placeCsv('企业信用承诺.csv', utf16)).toEqual({
			problem:
				'文件是 Excel 的"Unicode 文本"（UTF-16 编码、制表符分隔），不是 CSV 文件。请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）"',
		});
		const nul = new TextEncoder().encode('编号,企业名称\r\nQY-1,甲\u0000公司\r\n');
		expect(placeCsv('企业信用承诺.csv', nul)).toEqual({
			problem: '文件含有空字节（NUL），不是文本文件。请确认上传的是文本文件，而不是 xlsx 等二进制文件',
		});
		// Read, it is placed by its header as before.
		expect(placeCsv('x.csv', new TextEncoder().encode(pledges.replaceAll('\t', ',')))).toMatchObject({
			rel: 'pledges.csv',
		});
	});

	it('finds the data folder in a picked repository, or takes the picked folder as it', () => {
		expect(dataRoot(['repo/README.md', 'repo/data/site.json', 'repo/data/units.csv'])).toBe('repo/data/');
		expect(dataRoot(['data/site.json', 'data/evidence/2023-Q4.csv'])).toBe('data/');
	});

	it('leaves out hidden files and folders and node_modules, as npm run validate does, and nothing else', () => {
		for (const path of [
			'repo/.git/HEAD',
			'data/.DS_Store',
			'data/evidence/.~lock.2023-Q4.csv#',
			'repo/node_modules/x/package.json',
		])
			expect(notData(path), path).toBe(true);
		for (const path of [
			'data/units.csv',
			'repo/data/evidence/2023-Q4.csv',
			'data/photos/a.b.jpg',
			'data/~$units.xlsx',
		])
			expect(notData(path), path).toBe(false);
	});
});

describe('the data folder in memory', () => {
	it('validates exactly as the folder on disk does', () => {
		const files = readFolder(join(FIXTURES, 'valid'));
		files.set('units.csv', new TextEncoder().encode('\uFEFF单位编号,类别\r\nt1,镇街\r\nt1,Ａ类\r\n'));
		const disk = validateDataset(memFiles(files), 'data/').issues;
		expect(validateDataset(memoryFiles(files), 'data/').issues).toEqual(disk);
		expect(disk.length).toBeGreaterThan(0);
	});

	it('leaves hidden files out, as the disk view does', () => {
		const view = memoryFiles(
			new Map([
				['.git/config', new Uint8Array()],
				['units.csv', new Uint8Array()],
			]),
		);
		expect(view.list('')).toEqual(['units.csv']);
		expect(view.dirs!('')).toEqual([]);
		expect(view.read('.git/config')).toBeUndefined();
	});

	it('writes a sheet as the repository stores CSV: BOM, CRLF, quotes only where a cell needs them', () => {
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
			rowsToCsv([
				['a', 'b,c'],
				['第"1"行', ' x'],
			]),
		);
		expect(text).toBe('\uFEFFa,"b,c"\r\n"第""1""行"," x"\r\n');
	});
});

describe('files dropped without their folder', () => {
	const alone = (rel: string, text: string) =>
		sortIssues(checkFilesAlone(new Map([[rel, new TextEncoder().encode(text)]]), 'data/')).map(formatIssue);
	const EVIDENCE = `${HEADER.join(',')}\n`;

	it('finds nothing in any table file of the demo data dropped alone: an absent units.csv or rubric is no error', () => {
		const demo = readFolder(join(import.meta.dirname, '..', '..', 'data'));
		const tables = [...demo].filter(([rel]) => tableForPath(rel) && !rel.startsWith('templates/'));
		// 19 quarters of evidence and the 14 other tables of the demo (it has no calendar file).
		expect(tables.length).toBe(33);
		for (const [rel, bytes] of tables)
			expect(checkFilesAlone(new Map([[rel, bytes]]), 'data/').map(formatIssue), rel).toEqual([]);
	});

	it('checks each row as the build does: an empty 日期 or 来源, a date outside the quarter, a repeated 记录编号', () => {
		// Units t1 and t9 and indicator 1.1 are in no file given: not said to be unknown.
		const text =
			EVIDENCE +
			'x1,t1,1.1,完成,,,,报送,信用办,,\n' +
			'x2,t1,1.1,完成,2026-12-01,,,报送,信用办,,\n' +
			'x3,t9,1.1,完成,2026-08-01,,,报送,,,\n' +
			'x3,t1,1.1,完成,2026-08-02,,,报送,信用办,,\n';
		expect(alone('evidence/2026-Q3.csv', text)).toMatchInlineSnapshot(`
			[
			  "data/evidence/2026-Q3.csv:2:5: 第 2 行第 5 列（日期）："日期" 不能为空 (required)",
			  "data/evidence/2026-Q3.csv:3:5: 第 3 行第 5 列（日期）：日期 2026-12-01 不在 2026-Q3（2026-07-01 至 2026-09-30）内 (out-of-period)",
			  "data/evidence/2026-Q3.csv:4:9: 第 4 行第 9 列（来源）："来源" 不能为空：写明数据来源（如 信用办、法院、纪委、网信办） (required)",
			  "data/evidence/2026-Q3.csv:5:1: 第 5 行第 1 列（记录编号）：记录编号 "x3" 重复，与 data/evidence/2026-Q3.csv 第 4 行相同；每个记录编号只能出现一次 (unique-error)",
			]
		`);
	});

	it('leaves a 公示 or an objection clock in a year only calendar/<年>.csv knows to the folder’s check', () => {
		// 2027 is a year chinese-days does not know: the folder's calendar/2027.csv, not given here, may well know it.
		const notices = '公示编号,年份,标题,开始日期,文号\nGS-2026-01,2026,2026 年度公示,2026-12-28,\n';
		const objections =
			'异议编号,异议对象,记录编号,期别,收到日期,办结日期,结果,更正编号\nYY-2026-02,诚信典型,2026-001,2026,2026-12-29,,,\n';
		expect(alone('exemplars/notices.csv', notices)).toEqual([]);
		expect(alone('objections.csv', objections)).toEqual([]);
		// Given with the files, an incomplete calendar/2027.csv is what the 公示 is counted on.
		const both = new Map([
			['exemplars/notices.csv', new TextEncoder().encode(notices)],
			['calendar/2027.csv', new TextEncoder().encode('日期,类型,名称\n2027-01-01,休息,元旦\n')],
		]);
		expect(checkFilesAlone(both, 'data/').map((i) => i.code)).toEqual(['calendar-incomplete']);
	});

	it('says a 完成 row that names a 失信 record is no deduction, with dishonesty.csv absent', () => {
		const text = EVIDENCE + 'x1,t1,1.1,完成,2026-08-01,,,报送,信用办,,d1\n';
		expect(alone('evidence/2026-Q3.csv', text)).toMatchInlineSnapshot(`
			[
			  "data/evidence/2026-Q3.csv:2:11: 第 2 行第 11 列（失信记录编号）：只有类型为“扣分”的记录才对应失信记录，本行不是扣分记录 (kind-mismatch)",
			]
		`);
	});
});

describe('a cell typed in the grid', () => {
	// A pledges file whose row 3 has a cell too many (a comma typed in a name, without quotes).
	const read = () => [
		['编号', '企业名称', '统一社会信用代码', '承诺类型', '签订日期', '单位编号'],
		['QY-1', '甲公司', '９１320803MA10RRBGC8', '纳税', '2022-02-11', 'pqz'],
		['QY-2', '乙公司', '有限', '91320803MAAQL59GPD', '纳税', '2022-02-16', 'shz'],
		['QY-3', '丙公司'],
	];
	const csv = (rows: string[][]) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(rowsToCsv(rows));

	it('changes only the edited row, widened no further than the edited column', () => {
		const rows = read();
		editCells(rows, [
			{ row: 2, column: 3, value: '91320803MA10RRBGC8' },
			{ row: 4, column: 4, value: '安全' },
		]);
		expect(csv(rows)).toBe(
			'\uFEFF编号,企业名称,统一社会信用代码,承诺类型,签订日期,单位编号\r\n' +
				'QY-1,甲公司,91320803MA10RRBGC8,纳税,2022-02-11,pqz\r\n' +
				'QY-2,乙公司,有限,91320803MAAQL59GPD,纳税,2022-02-16,shz\r\n' +
				'QY-3,丙公司,,安全\r\n',
		);
	});

	it('leaves the long row’s extra-cell the one problem of its row: no blank header column, no rows unchecked', () => {
		const rows = read();
		editCells(rows, [{ row: 2, column: 3, value: '91320803MA10RRBGC8' }]);
		const issues = validateDataset(memoryFiles(new Map([['pledges.csv', rowsToCsv(rows)]])), 'data/').issues;
		expect(issues.filter((i) => i.file === 'data/pledges.csv').map((i) => `${i.line}:${i.code}`)).toEqual([
			'3:extra-cell',
			'4:missing-cell',
		]);
	});

	it('writes a row past the end as wide as the header', () => {
		const rows = read().slice(0, 2);
		editCells(rows, [{ row: 4, column: 1, value: 'QY-9' }]);
		expect(rows.slice(2)).toEqual([
			['', '', '', '', '', ''],
			['QY-9', '', '', '', '', ''],
		]);
	});
});

describe('messages in the page’s words', () => {
	it('sends the clerk to the page’s fixes, not to npm run validate -- --fix', () => {
		expect(
			pageMessage('"９.5" 含全角字符，请改为半角：9.5（可运行 npm run validate -- --fix 自动修正）'),
		).toBe('"９.5" 含全角字符，请改为半角：9.5（可在本页“可以自动修正的问题”一节中接受修正）');
		expect(
			pageMessage(
				'文件是 UTF-16 编码，已正确读取；建议另存为"CSV UTF-8（逗号分隔）"（可用 npm run validate -- --fix 转换）',
			),
		).toBe(
			'文件是 UTF-16 编码，已正确读取；建议另存为"CSV UTF-8（逗号分隔）"（可在本页“可以自动修正的问题”一节中接受转换）',
		);
		// Blank columns at a header's end, as read-table.ts words them.
		expect(
			pageMessage(
				'表头最后的第 12 列没有列名，各行在这里也都是空的，已忽略；可以在 Excel/WPS 中删去这几列，或运行 npm run validate -- --fix',
			),
		).toBe(
			'表头最后的第 12 列没有列名，各行在这里也都是空的，已忽略；可以在 Excel/WPS 中删去这几列，或在本页“可以自动修正的问题”一节中接受删去',
		);
	});

	it('says that a correction or a seal is done on the command line by whoever keeps the data repository', () => {
		expect(
			pageMessage(
				'2026-Q3 已发布的评价结果有 1 处变化，但没有更正记录：…。已发布的结果不能悄悄改变：如确需更正，请运行 npm run release -- 2026-Q3 --correct --date <更正日期> --doc <文号> --reason <理由>，把这些变化记入 releases/corrections.csv；',
			),
		).toBe(
			'2026-Q3 已发布的评价结果有 1 处变化，但没有更正记录：…。已发布的结果不能悄悄改变：如确需更正，请由维护数据仓库的人员在命令行运行 npm run release -- 2026-Q3 --correct --date <更正日期> --doc <文号> --reason <理由>（本页不能做这一步），把这些变化记入 releases/corrections.csv；',
		);
		expect(pageMessage('无法核对更正前后的值：请先运行 npm run release -- 2024-Q1 --seal')).toBe(
			'无法核对更正前后的值：请先由维护数据仓库的人员在命令行运行 npm run release -- 2024-Q1 --seal（本页不能做这一步）',
		);
		// A message with no command is as it was.
		expect(pageMessage('"日期" 不能为空')).toBe('"日期" 不能为空');
	});
});

describe('positions as the spreadsheet shows them', () => {
	const base = { file: 'data/evidence/2023-Q4.csv', line: 14, column: 2, code: 'x', message: 'm' } as const;
	it('names the cell and its column header for a cell, the row for a row, the line for a text file', () => {
		expect(issuePlace({ ...base, severity: 'error', row: 14, header: '单位编号' })).toEqual({
			cell: 'B14',
			words: '第 14 行 “单位编号” 列',
		});
		expect(issuePlace({ ...base, severity: 'error', row: 9 })).toEqual({ words: '第 9 行' });
		expect(issuePlace({ ...base, file: 'data/site.json', severity: 'error' })).toEqual({
			words: '第 14 行第 2 列',
		});
		expect([1, 26, 27, 52, 53, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'AAA']);
	});
});

describe('a long cell on the grid', () => {
	it('shows a cell whole up to CELL_SHOWN characters, else its start and its length, never half a character', () => {
		expect(cellShown('事项')).toBe('事项');
		const full = '字'.repeat(CELL_SHOWN);
		expect(cellShown(full)).toBe(full);
		const long = '字'.repeat(5_000_000);
		expect(cellShown(long)).toBe(`${full}……（这一格共 5000000 个字符，只显示了开头；点击查看全部）`);
		const astral = `${'字'.repeat(CELL_SHOWN - 1)}𠀀${'字'.repeat(10)}`;
		expect(cellShown(astral).startsWith(`${'字'.repeat(CELL_SHOWN - 1)}……`)).toBe(true);
	});
});

describe('a folder the browser cannot read', () => {
	// Chromium's reasons, as its pickers and drop entries give them: English, which the clerk is never shown.
	const denied = new DOMException(
		'The request is not allowed by the user agent or the platform.',
		'NotAllowedError',
	);
	const busy = new DOMException('The requested file could not be read.', 'NotReadableError');
	it("says why in Chinese, with the error's name for whoever helps, and never the English reason", () => {
		expect(readFailure(denied)).toBe(
			'无法读取文件夹：浏览器没有允许读取这个文件夹（可能点了“不允许”，或选的是系统文件夹、整个磁盘）。请换一个普通的文件夹，或把文件夹拖到页面上的虚线框里（NotAllowedError）',
		);
		expect(readFailure(busy)).toContain('可能正被别的程序（例如 Excel、WPS、网盘同步）占用');
		expect(readFailure(new DOMException('gone', 'NotFoundError'))).toContain('被移动、改名或删除');
		expect(readFailure(new DOMException('no', 'SecurityError'))).toContain('出于安全原因');
		for (const e of [denied, busy]) expect(readFailure(e)).not.toContain(e.message);
	});
	it("gives a way round it for a reason it does not know, and no name that is not an error's", () => {
		expect(readFailure(new TypeError('Failed to fetch'))).toBe(
			'无法读取文件夹：浏览器无法读取这个文件夹。请改用“选择数据文件夹”，或把文件夹拖到页面上的虚线框里（TypeError）',
		);
		expect(readFailure('a string thrown')).toBe(
			'无法读取文件夹：浏览器无法读取这个文件夹。请改用“选择数据文件夹”，或把文件夹拖到页面上的虚线框里',
		);
		expect(readFailure(Object.assign(new Error('x'), { name: '<b>x</b>' }))).not.toContain('<b>');
	});
});

describe('reading a workbook', () => {
	it('reads cells as the CSV export writes them, dates as YYYY-MM-DD, from A1 without trailing blanks', () => {
		const ws = utils.aoa_to_sheet(
			[HEADER, ['e1', 'fgw', '3.6', '事项', new Date(Date.UTC(2023, 10, 8)), 2, 1.5]],
			{
				cellDates: true,
			},
		);
		ws['!ref'] = 'A1:M5'; // a used range wider and longer than the data, as formatting leaves it
		const wb = utils.book_new();
		utils.book_append_sheet(wb, ws, '2023-Q4');
		const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
		const [sheet] = workbookSheets(readWorkbook(bytes));
		expect(sheet.name).toBe('2023-Q4');
		expect(sheet.rows).toEqual([
			HEADER,
			['e1', 'fgw', '3.6', '事项', '2023-11-08', '2', '1.5', '', '', '', ''],
		]);
	});

	it('reads a number as its value where the format shows it rounded or in another form, and as shown where that is it', () => {
		const ws = utils.aoa_to_sheet([
			HEADER,
			['e1', 'fgw', '3.6', '事项', '2023-11-08', 1234, 7.5, 0.5, 123456789012, 0.1 + 0.2],
		]);
		// 得分 7.5 formatted with no decimals shows 8; 1234 with a thousands separator 1,234; 0.5 as 50% (a
		// percentage: as typed, below); a long number in General 1.23457E+11; 0.1 + 0.2 in General 0.3.
		const formats: Record<string, string> = { F2: '#,##0', G2: '0', H2: '0%', I2: 'General', J2: 'General' };
		for (const [ref, z] of Object.entries(formats)) ws[ref].z = z;
		const wb = utils.book_new();
		utils.book_append_sheet(wb, ws, '2023-Q4');
		const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
		const [sheet] = workbookSheets(readWorkbook(bytes));
		expect(sheet.rows[1].slice(5, 10)).toEqual(['1234', '7.5', '50%', '123456789012', '0.3']);
	});

	it('reads a percentage as the clerk typed it and a time of day alone as the sheet shows it', () => {
		// Typed into Excel, 100% is the number 1 formatted 0%, 95.5% is 0.955 formatted 0.0%, and 9:00 is 0.375 (of a
		// day) formatted h:mm. Read as 1, 0.955 and "1900-01-00 09:00:00", a commitment's 服务质量 of 100% was
		// published as 1, and a 数量 cell showing 50% was 0.5 instead of the error its CSV file gets (不写百分号).
		const ws = utils.aoa_to_sheet([
			['a', 'b', 'c', 'd', 'e', 'f'],
			[1, 0.955, 0.505, 0.375, 0.6875 + 5 / 86400, 45281.5],
		]);
		const formats: Record<string, string> = {
			A2: '0%',
			B2: '0.0%',
			C2: '0%',
			D2: 'h:mm',
			E2: 'h:mm:ss',
			F2: 'yyyy/m/d h:mm',
		};
		for (const [ref, z] of Object.entries(formats)) ws[ref].z = z;
		const wb = utils.book_new();
		utils.book_append_sheet(wb, ws, 'S');
		const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
		const [sheet] = workbookSheets(readWorkbook(bytes));
		// 0.505 shows 51% under 0%: its value is 50.5%, not rounded. 0.6875 of a day is 16:30, and 5 s more 16:30:05.
		// A date with a time stays a date and its time (45281.5 is noon on 2023-12-21).
		expect(sheet.rows[1]).toEqual(['100%', '95.5%', '50.5%', '9:00', '16:30:05', '2023-12-21 12:00:00']);
	});

	it('says a web page without a table is a web page, and reads a web system’s "xls" export, a page with a table', () => {
		const page = (body: string) =>
			new TextEncoder().encode(
				`\uFEFF<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>信用淮安</title></head><body>${body}</body></html>`,
			);
		expect(() => readWorkbook(page('<p>登录超时，请重新登录</p>'))).toThrow(
			/^这是一个网页文件（HTML），里面没有表格/,
		);
		const [sheet] = workbookSheets(
			readWorkbook(
				page('<table><tr><td>单位编号</td><td>类别</td></tr><tr><td>t1</td><td>镇街</td></tr></table>'),
			),
		);
		expect(sheet.rows).toEqual([
			['单位编号', '类别'],
			['t1', '镇街'],
		]);
	});

	it('says in Chinese when the bytes are a broken workbook', () => {
		expect(() => readWorkbook(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 1, 2, 3))).toThrow(
			/^无法读取这个 Excel 文件/,
		);
	});
});

describe('a hostile or broken workbook', () => {
	const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	/** An .xlsx package with one sheet "2023-Q4" of this XML, its shared strings those given. */
	const xlsx = (sheet: string | Uint8Array, strings: string[] = []) =>
		zipSync({
			'[Content_Types].xml': strToU8(
				`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
			),
			'xl/workbook.xml': strToU8(
				`<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="2023-Q4" sheetId="1" r:id="rId1"/></sheets></workbook>`,
			),
			'xl/_rels/workbook.xml.rels': strToU8(
				`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
			),
			'xl/worksheets/sheet1.xml': typeof sheet === 'string' ? strToU8(sheet) : sheet,
			'xl/sharedStrings.xml': strToU8(
				`<sst xmlns="${NS}">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
			),
		});
	/** A sheet's XML: its declared <dimension>, then its rows, each cell an inline string. */
	const sheetXml = (dimension: string, rows: Record<number, Record<string, string>>) =>
		`<worksheet xmlns="${NS}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${Object.entries(
			rows,
		)
			.map(
				([r, cells]) =>
					`<row r="${r}">${Object.entries(cells)
						.map(([c, t]) => `<c r="${c}${r}" t="inlineStr"><is><t>${t}</t></is></c>`)
						.join('')}</row>`,
			)
			.join('')}</sheetData></worksheet>`;
	const rows = { 1: { A: '单位编号', B: '类别' }, 2: { A: 't1', B: '镇街' }, 3: { A: 't2', B: '园区' } };
	const expected = [
		['单位编号', '类别'],
		['t1', '镇街'],
		['t2', '园区'],
	];

	it('reads the cells the sheet holds, not the range its <dimension> declares, as Excel and its CSV export do', () => {
		// Declared smaller than the cells: rows 2–3 and column B were read as nothing, and lost in the download.
		expect(workbookSheets(readWorkbook(xlsx(sheetXml('A1:A1', rows))))[0].rows).toEqual(expected);
		// Declared as the whole sheet, 17 billion cells for six: the tab ran out of memory after a minute.
		const t0 = performance.now();
		expect(workbookSheets(readWorkbook(xlsx(sheetXml('A1:XFD1048576', rows))))[0].rows).toEqual(expected);
		expect(performance.now() - t0).toBeLessThan(5000);
	});

	it('refuses, naming the far cell, a sheet whose last cell makes it too big for a browser', () => {
		const stray = { ...rows, 1048576: { XFD: ' ' } };
		expect(() => workbookSheets(readWorkbook(xlsx(sheetXml('', stray))))).toThrow(
			/^工作表“2023-Q4”从 A1 一直到 XFD1048576（1048576 行、16384 列）都算作有内容，太大/,
		);
	});

	it('refuses a package that unpacks past the bound, by its declared sizes and by the bytes it unpacks', () => {
		// A sheet of 2 MB of spaces, 2 KB packed: with the bound at 1 MB, a zip bomb in small.
		const sheet = strToU8(sheetXml('', rows).replace('<sheetData>', `<sheetData>${' '.repeat(2 ** 21)}`));
		const honest = xlsx(sheet);
		expect(honest.length).toBeLessThan(20_000);
		expect(workbookSheets(readWorkbook(honest))[0].rows).toEqual(expected);
		expect(() => readWorkbook(honest, 2 ** 20)).toThrow(/^这个 Excel 文件解压后超过 1 MB/);
		// The same package declaring every entry 100 bytes unpacked: SheetJS unpacks on past a declared size.
		const liar = honest.slice();
		const view = new DataView(liar.buffer);
		for (let i = 0; i + 30 < liar.length; i++) {
			if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 100, true);
			if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100, true);
		}
		expect(() => readWorkbook(liar, 2 ** 20)).toThrow(/^这个 Excel 文件解压后超过 1 MB/);
	});

	it('says in Chinese that a sheet is broken, where SheetJS left it out (a shared string past the end of the list)', () => {
		const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>999</v></c></row></sheetData></worksheet>`;
		expect(() => workbookSheets(readWorkbook(xlsx(sheet, ['单位编号'])))).toThrow(
			/^无法读取这个 Excel 文件的工作表“2023-Q4”（文件损坏）/,
		);
	});

	it('reads a GBK or UTF-16 text saved with a workbook’s name (a web system’s "Excel" export) as its characters', () => {
		const csv = '单位编号,类别\r\nt1,镇街\r\nt2,园区\r\n';
		const html = `<html><head><meta charset="gbk"></head><body><table><tr><td>单位编号</td><td>类别</td></tr><tr><td>t1</td><td>镇街</td></tr><tr><td>t2</td><td>园区</td></tr></table></body></html>`;
		const utf16 = Uint8Array.from([0xff, 0xfe, ...iconv.encode(csv, 'utf-16le')]);
		for (const bytes of [iconv.encode(csv, 'gbk'), iconv.encode(html, 'gbk'), utf16])
			// Read as Latin-1 before: "µ¥Î»±àºÅ" for 单位编号, and every check of the header failed.
			expect(workbookSheets(readWorkbook(new Uint8Array(bytes)))[0].rows).toEqual(expected);
	});

	it('says a workbook with an open password is encrypted, not broken', () => {
		const cfb = CFB.utils.cfb_new();
		CFB.utils.cfb_add(cfb, '/EncryptionInfo', Uint8Array.of(4, 0, 4, 0, 0x40, 0, 0, 0));
		CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(7));
		const bytes = new Uint8Array(CFB.write(cfb, { type: 'array' }) as number[]);
		expect(() => readWorkbook(bytes)).toThrow(/^这个 Excel 文件设置了打开密码（加密）/);
	});
});

describe('fixes accepted one by one', () => {
	const csv =
		'\uFEFF记录编号,单位编号,指标编号,类型,日期,数量,得分,事项,来源,理由\r\ne1,t1,1.1,完成,2022/01/15,１,,事项,信用办,\r\n';
	const bytes = new TextEncoder().encode(csv);
	it('makes only the changes accepted, and all of them by default', () => {
		const all = fixCsv(evidenceTable, bytes, 'data/evidence/2022-Q1.csv', 'evidence/2022-Q1.csv');
		expect(all.changes.map((c) => `${c.line}:${c.column} ${c.from} → ${c.to}`)).toEqual([
			'2:5 "2022/01/15" → "2022-01-15"',
			'2:6 "１" → "1"',
		]);
		const one = fixCsv(
			evidenceTable,
			bytes,
			'data/evidence/2022-Q1.csv',
			'evidence/2022-Q1.csv',
			(c) => c.column === 6,
		);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(one.bytes)).toBe(csv.replace('１', '1'));
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(all.bytes)).toBe(
			csv.replace('１', '1').replace('2022/01/15', '2022-01-15'),
		);
	});
});

describe('--fix and blank columns at the end of a header', () => {
	const csv =
		'\uFEFF单位编号,类别,设立日期,撤销日期,并入单位,备注,,\r\nt1,镇街,,,,,,\r\n"t2",镇街,,,,"备注, 含逗号",,\r\n,,,,,,,\r\n';
	const fix = (text: string, accept?: (c: { line: number; column: number }) => boolean) =>
		fixCsv(unitTable, new TextEncoder().encode(text), 'data/units.csv', 'units.csv', accept);
	const decode = (b?: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

	it('takes them off every row, the blank ones too, when every row is empty there, and nothing else', () => {
		const r = fix(csv);
		expect(r.changes.map((c) => `${c.line}:${c.column} ${c.from} → ${c.to}`)).toEqual([
			'1:7 表头最后没有列名的空列（第 7～8 列） → 删去',
		]);
		expect(decode(r.bytes)).toBe(
			'\uFEFF单位编号,类别,设立日期,撤销日期,并入单位,备注\r\nt1,镇街,,,,\r\n"t2",镇街,,,,"备注, 含逗号"\r\n,,,,,\r\n',
		);
		// What the validator then reads is what it read before, without the warning.
		const before = validateDataset(
			memFiles(
				new Map([...readFolder(join(FIXTURES, 'valid')), ['units.csv', new TextEncoder().encode(csv)]]),
			),
			'data/',
		);
		const after = validateDataset(
			memFiles(new Map([...readFolder(join(FIXTURES, 'valid')), ['units.csv', r.bytes!]])),
			'data/',
		);
		expect(before.issues.map((i) => `${i.severity} ${i.code}`)).toContain('warning blank-header');
		expect(after.issues.filter((i) => i.file === 'data/units.csv')).toEqual([]);
		expect(after.units.map((u) => u.value)).toEqual(before.units.map((u) => u.value));
	});

	it('takes them off whole when they hold only spaces, and fixes the named cells beside them', () => {
		const r = fix(csv.replace('t1,镇街,,,,,,', ' t1 ,镇街,,,,, , '));
		expect(r.changes.map((c) => `${c.line}:${c.column} ${c.from} → ${c.to}`)).toEqual([
			'1:7 表头最后没有列名的空列（第 7～8 列） → 删去',
			'2:1 " t1 " → "t1"',
		]);
		expect(decode(r.bytes)).toBe(
			'\uFEFF单位编号,类别,设立日期,撤销日期,并入单位,备注\r\nt1,镇街,,,,\r\n"t2",镇街,,,,"备注, 含逗号"\r\n,,,,,\r\n',
		);
	});

	it('leaves them when a row has anything there (a value no column takes: the validator refuses the file) or is longer than the header, or when declined', () => {
		expect(fix(csv.replace('t1,镇街,,,,,,', 't1,镇街,,,,,x,')).changes).toEqual([]);
		// A row longer than the whole header, empty at its end: split at a comma that is no separator (单位编号 typed
		// "t1,a"). Cut to the header's named width, its cells would stay shifted and the cause be gone.
		expect(fix(csv.replace('t1,镇街,,,,,,', 't1,a,镇街,,,,,,')).changes).toEqual([]);
		expect(fix(csv, () => false).bytes).toBeUndefined();
	});
});

describe('template workbooks', () => {
	const lists = { units: Array.from({ length: 60 }, (_, i) => `unit${i}`), indicators: ['1.1', '3.6'] };
	const sheetXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);

	it('has the header of the schema, a note on each header cell and a 填写说明 sheet', () => {
		const wb = read(templateXlsx(unitTable, [], lists, '被评价单位'), { type: 'array' });
		expect(wb.SheetNames).toEqual(['被评价单位', '填写说明', '选项']);
		const ws = wb.Sheets['被评价单位'];
		expect(utils.sheet_to_json(ws, { header: 1 })).toEqual([unitTable.columns.map((c) => c.header)]);
		expect(ws.B1.c?.[0].t).toBe(
			'评价类别（淮信用办〔2022〕6号 三(一)）：镇街、园区、A类、B类；必填；可填：镇街、园区、A类、B类；示例：A类',
		);
		expect(utils.sheet_to_json<string[]>(wb.Sheets['填写说明'], { header: 1 })[1].slice(0, 3)).toEqual([
			'单位编号',
			'id',
			'是',
		]);
	});

	it('gives enumerated columns, unit ids and indicator ids a drop-down list', () => {
		const xml = sheetXml(templateXlsx(evidenceTable, [], lists, '2024-Q1'));
		const rules = [...xml.matchAll(/sqref="([A-Z]+)2:\1(\d+)"><formula1>([^<]*)</g)].map((m) => [m[1], m[3]]);
		expect(rules).toEqual([
			// 60 unit ids do not fit the 255 characters of an inline list: a range of the hidden 选项 sheet.
			['B', "'选项'!$A$2:$A$61"],
			['C', '&quot;1.1,3.6&quot;'],
			['D', '&quot;完成,事项,扣分,评分,无&quot;'],
		]);
		// A column that takes several values in one cell (承诺类型) gets no single-choice list.
		expect(sheetXml(templateXlsx(pledgeTable, [], lists, 'x'))).not.toMatch(/<formula1>[^<]*安全/);
	});

	it('is the same file on every build', async () => {
		const a = templateXlsx(evidenceTable, [['2024Q1-0001', 'unit1', '1.1']], lists, '2024-Q1');
		await new Promise((r) => setTimeout(r, 1100));
		expect(templateXlsx(evidenceTable, [['2024Q1-0001', 'unit1', '1.1']], lists, '2024-Q1')).toEqual(a);
	});

	it('prefills the quarter after the latest evidence quarter when its year has a rubric, as new:quarter does', () => {
		const rubric = {
			year: 2024,
			indicators: [{ id: '1.1', appliesTo: ['town'], rule: { kind: 'done' } }],
		} as unknown as Rubric;
		const units = [
			{ id: 't1', category: 'town' as const },
			{ id: 'a1', category: 'A' as const },
		];
		const data = {
			units,
			rubrics: new Map([[2024, rubric]]),
			takenIds: [] as string[],
			asOf: '2026-11-22',
		};
		expect(nextQuarter({ ...data, quarters: ['2023-Q4', '2024-Q1'] })).toEqual({
			quarter: '2024-Q2',
			rows: [{ id: '2024Q2-0001', unitId: 't1', indicatorId: '1.1' }],
		});
		expect(nextQuarter({ ...data, quarters: ['2024-Q4'] })).toEqual({
			quarter: '2025-Q1',
			problem: '还没有 2025 年的评价指标（rubrics/2025.json），添加后才能生成2025年第一季度的预填文件',
		});
		// Ids are unique across quarters: a prefilled id that a released quarter already uses would clash.
		expect(nextQuarter({ ...data, quarters: ['2024-Q1'], takenIds: ['2024Q1-0001', '2024Q2-0001'] })).toEqual(
			{
				quarter: '2024-Q2',
				problem: '预填的记录编号已在其他季度使用，无法生成2024年第二季度的预填文件',
			},
		);
		expect(
			nextQuarter({ ...data, quarters: ['2024-Q1'], takenIds: ['2024Q1-0001', '2024Q2-0002'] }).rows,
		).toEqual([{ id: '2024Q2-0001', unitId: 't1', indicatorId: '1.1' }]);
		const files = officeTemplates({ ...data, quarters: ['2024-Q1'] }).map((t) => t.file);
		expect(files.slice(0, 4)).toEqual(['2024-Q2.xlsx', '2024-Q2.csv', 'units.xlsx', 'units.csv']);
	});
});

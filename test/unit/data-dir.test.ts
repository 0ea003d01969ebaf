import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskFiles, validateDataDir } from '../../src/loaders/data-dir.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import { FIXTURES } from '../helpers/files.ts';
import { unsafeFileName, unsafeRelativePath } from '../../src/lib/validate/containment.ts';

let work: string;
let data: string;
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), 'xy-data-dir-'));
	data = join(work, 'data');
	cpSync(join(FIXTURES, 'valid'), data, { recursive: true });
	// A secret outside the data folder that a link could try to publish.
	writeFileSync(join(work, 'secret.csv'), '单位编号,类别,设立日期,撤销日期,并入单位,备注\nt1,镇街,,,,机密\n');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** The report lines of validating the folder, shown as `data/…`. */
const report = async () => (await validateDataDir(data, 'data/')).issues.map(formatIssue);

describe('the data folder on disk: nothing outside it is read, nothing crashes', () => {
	it('reports a dangling symbolic link in evidence/ (it crashed with ENOENT) and validates the rest', async () => {
		symlinkSync(join(work, 'gone.csv'), join(data, 'evidence', '2022-Q2.csv'));
		expect((await report()).map((l) => l.replace(work, '<tmp>'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q2.csv:1:1: 是符号链接（指向 "<tmp>/gone.csv"），数据目录中不允许符号链接：请把文件本身复制到这里 (symlink)",
			]
		`);
	});

	it('reports a link that loops onto itself', async () => {
		symlinkSync('loop.csv', join(data, 'evidence', 'loop.csv'));
		expect(await report()).toMatchInlineSnapshot(`
			[
			  "data/evidence/loop.csv:1:1: 是符号链接（指向 "loop.csv"），数据目录中不允许符号链接：请把文件本身复制到这里 (symlink)",
			]
		`);
	});

	it('never reads a file through a link to outside the folder, and names the link', async () => {
		unlinkSync(join(data, 'units.csv'));
		symlinkSync(join(work, 'secret.csv'), join(data, 'units.csv'));
		const lines = await report();
		expect(lines.filter((l) => l.startsWith('data/units.csv:')).map((l) => l.replace(work, '<tmp>')))
			.toMatchInlineSnapshot(`
			[
			  "data/units.csv:1:1: 缺少文件 data/units.csv（被评价单位：每行一个被评价单位（镇街、园区、A类、B类部门））；模板见 data/templates/ (missing-file)",
			  "data/units.csv:1:1: 是符号链接（指向 "<tmp>/secret.csv"），数据目录中不允许符号链接：请把文件本身复制到这里 (symlink)",
			]
		`);
		expect(lines.join('\n')).not.toContain('机密');
	});

	it('refuses a link inside the folder too', async () => {
		symlinkSync('2022-Q1.csv', join(data, 'evidence', '2022-Q2.csv'));
		expect(await report()).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q2.csv:1:1: 是符号链接（指向 "2022-Q1.csv"），数据目录中不允许符号链接：请把文件本身复制到这里 (symlink)",
			]
		`);
	});

	it('never lists a folder reached through a link', () => {
		const outside = join(work, 'stories');
		mkdirSync(outside);
		writeFileSync(join(outside, 'c9.mdx'), '外部的事迹');
		symlinkSync(outside, join(data, 'policies'));
		const files = diskFiles(data, 'data/');
		expect(files.list('policies')).toEqual([]);
		expect(files.read('policies/c9.mdx')).toBeUndefined();
		expect(files.issues.map(formatIssue).map((l) => l.replace(work, '<tmp>'))).toMatchInlineSnapshot(`
			[
			  "data/policies:1:1: 是符号链接（指向 "<tmp>/stories"），数据目录中不允许符号链接：请把文件本身复制到这里 (symlink)",
			]
		`);
	});

	it('refuses a path that climbs out of the folder, such as a photo named ../../secret.csv', () => {
		const files = diskFiles(data, 'data/');
		expect(files.read('exemplars/photos/../../../secret.csv')).toBeUndefined();
		expect(files.read('/etc/passwd')).toBeUndefined();
		expect(files.issues.map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/exemplars/photos/../../../secret.csv:1:1: 路径指向数据目录之外，不会读取（不能含有 .. 或 . 等上级目录）。文件须放在数据目录中，用不带 .. 的相对路径引用 (outside-data)",
			  "data//etc/passwd:1:1: 路径指向数据目录之外，不会读取（不能是绝对路径）。文件须放在数据目录中，用不带 .. 的相对路径引用 (outside-data)",
			]
		`);
	});

	it('never reads a photo named with .. or through a link, and stops the build with the reason', async () => {
		const candidates = join(data, 'exemplars', 'candidates.csv');
		writeFileSync(candidates, readFileSync(candidates, 'utf8').replace(',c1.jpg,', ',../../../secret.csv,'));
		expect((await report()).filter((l) => /photos|candidates/.test(l))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:19: 第 2 行第 19 列（照片）：照片文件名 "../../../secret.csv" 不允许：不能含有 ..（指向上级目录）。照片放在 exemplars/photos/ 中，这里只填文件名，如 c1.jpg (photo-name)",
			  "data/exemplars/photos/c1.jpg:1:1: 警告：没有候选人引用这张照片，不会发布 (unused-file)",
			]
		`);
		writeFileSync(candidates, readFileSync(candidates, 'utf8').replace(',../../../secret.csv,', ',c1.jpg,'));
		unlinkSync(join(data, 'exemplars', 'photos', 'c1.jpg'));
		symlinkSync(join(work, 'secret.csv'), join(data, 'exemplars', 'photos', 'c1.jpg'));
		expect((await report()).filter((l) => /photos|candidates/.test(l)).map((l) => l.replace(work, '<tmp>')))
			.toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:19: 第 2 行第 19 列（照片）：照片 "c1.jpg" 在 data/exemplars/photos/ 中不存在 (missing-file)",
			  "data/exemplars/photos/c1.jpg:1:1: 是符号链接（指向 "<tmp>/secret.csv"），数据目录中不允许符号链接：请把文件本身复制到这里 (symlink)",
			]
		`);
	});

	it('names a file whose name is not UTF-8 (a GBK name), which it skipped without a word, and reads the rest', async () => {
		// 评价记录.csv with its name in GBK: 评价记录 is C6C0 BCDB BCC7 C2BC.
		const gbk = Buffer.from([0xc6, 0xc0, 0xbc, 0xdb, 0xbc, 0xc7, 0xc2, 0xbc, 0x2e, 0x63, 0x73, 0x76]);
		writeFileSync(Buffer.concat([Buffer.from(join(data, 'evidence') + '/'), gbk]), 'x');
		expect(await report()).toEqual([
			'data/evidence/评价记录.csv:1:1: 文件名不是 UTF-8 编码（按 GBK 读是“评价记录.csv”），检查程序和网站都无法使用这个文件：请给它重新起名（在资源管理器里重命名，或在代码托管平台的网页上传时输入文件名） (unreadable-file)',
		]);
	});

	it('reports a named pipe instead of waiting on it for ever', async () => {
		execFileSync('mkfifo', [join(data, 'evidence', '2022-Q3.csv')]);
		expect(await report()).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q3.csv:1:1: 无法读取：不是普通文件（管道、设备等）。请检查文件，或把它移出数据目录 (unreadable-file)",
			]
		`);
	});

	it('says that a required file is a folder, besides its being missing as a file', async () => {
		rmSync(join(data, 'pledges.csv'));
		mkdirSync(join(data, 'pledges.csv'));
		const lines = await report();
		expect(lines.filter((l) => l.startsWith('data/pledges.csv:'))).toEqual([
			expect.stringMatching(/^data\/pledges\.csv:1:1: 缺少文件 data\/pledges\.csv（.*\(missing-file\)$/),
			'data/pledges.csv:1:1: 无法读取：是文件夹。请检查文件，或把它移出数据目录 (unreadable-file)',
		]);
	});

	it('reads a data folder that is itself reached through a link (DATA_DIR named by the office)', async () => {
		const link = join(work, 'data-link');
		symlinkSync(data, link);
		expect((await validateDataDir(link, 'data/')).issues).toEqual([]);
		expect(diskFiles(link).list('')).toEqual(diskFiles(data).list(''));
		expect(diskFiles(link).list('')).toContain('units.csv');
	});
});

describe('a path typed or built inside the data folder', () => {
	it('is read only when made of plain names: a secret one level up is never read through .., . or an empty part', () => {
		const files = diskFiles(data, 'data/');
		for (const rel of ['../secret.csv', 'evidence/../../secret.csv', './units.csv', 'evidence//2022-Q1.csv'])
			expect(files.read(rel), rel).toBeUndefined();
		expect(files.read('units.csv')).toBeDefined();
	});

	it('names why: a parent or current folder, an absolute start (also a Windows drive), a backslash or NUL', () => {
		expect(
			[
				'a/../b',
				'./a',
				'a//b',
				'/etc/passwd',
				'C:secret.csv',
				'c:/x',
				'a\\b',
				'a\0b',
				'evidence/2022-Q1.csv',
			].map(unsafeRelativePath),
		).toEqual([
			'不能含有 .. 或 . 等上级目录',
			'不能含有 .. 或 . 等上级目录',
			'不能含有 .. 或 . 等上级目录',
			'不能是绝对路径',
			'不能是绝对路径',
			'不能是绝对路径',
			'路径中不能有反斜杠或空字符',
			'路径中不能有反斜杠或空字符',
			undefined,
		]);
		// A photo's file name typed in candidates.csv: a drive letter is an absolute path there too.
		expect(unsafeFileName('C:c1.jpg')).toBe('不能是绝对路径');
		expect(unsafeFileName('c1.jpg')).toBeUndefined();
	});
});

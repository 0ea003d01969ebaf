import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import chardet from 'chardet';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { fixFolder } from '../../src/lib/validate/fix.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import { decodeText } from '../../src/lib/csv.ts';
import { fixture, fixtureText } from '../helpers/files.ts';

/** The report lines about the patched files (other files' lines follow from them: units missing, say). */
const issues = (patches: Record<string, string | Uint8Array | null>) =>
	validateDataset(fixture(patches), 'data/')
		.issues.map(formatIssue)
		.filter((l) => Object.keys(patches).some((f) => l.startsWith(`data/${f}:`)));
const bytes = (...parts: (string | Buffer)[]) =>
	new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))));
const gbk = (s: string) => iconv.encode(s, 'gbk');

const UNITS = fixtureText('units.csv');
const [UNITS_HEADER, ...UNIT_ROWS] = UNITS.trimEnd().split(/\r?\n/);

describe('a file is decoded only when its encoding is certain', () => {
	it('refuses a CSV whose lines mix GBK and UTF-8, naming the first line that differs', () => {
		// A row pasted from a UTF-8 file into a GBK export: GB18030 would read it as plausible wrong characters.
		const mixed = bytes(
			gbk(`${UNITS_HEADER}\n${UNIT_ROWS.join('\n')}\n`),
			// GB18030 reads these UTF-8 bytes without a single invalid sequence: "璇氫俊寤鸿绀鸿寖鍗曚綅".
			'x1,A,,,,诚信建设示范单位\n',
		);
		expect(issues({ 'units.csv': mixed })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:6:1: 文件混用了两种编码：第 6 行是 UTF-8，第 1 行是 GBK，无法可靠读取（读出来会有乱码）。请把各行复制到同一个表格中，在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）" (mixed-encoding)",
			]
		`);
	});

	it('refuses a GBK file with a UTF-8 line of quotes and dashes but no Chinese character', () => {
		// GB18030 read it as "鈥淐redit鈥� 2022鈥�2023", a replacement character included, and published that.
		const mixed = bytes(gbk(`${UNITS_HEADER}\n${UNIT_ROWS[0]}\n`), 'x1,A,,,,“Credit” 2022–2023\n');
		expect(issues({ 'units.csv': mixed })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:3:1: 文件混用了两种编码：第 3 行是 UTF-8，第 1 行是 GBK，无法可靠读取（读出来会有乱码）。请把各行复制到同一个表格中，在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）" (mixed-encoding)",
			]
		`);
	});

	it('refuses a UTF-8 file (with BOM) into which one GBK line was pasted', () => {
		const mixed = bytes('\uFEFF', `${UNITS_HEADER}\n${UNIT_ROWS[0]}\n`, gbk('x1,A类,,,,粘贴的备注\n'));
		expect(issues({ 'units.csv': mixed })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:3:1: 文件开头标明是 UTF-8（带 BOM），但第 3 行不是 UTF-8 编码（可能是从 GBK 编码的文件粘贴来的），读出来会是乱码。请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）"，再核对这一行 (mixed-encoding)",
			]
		`);
	});

	it('refuses a file that is neither UTF-8 nor GBK, at its first bad line', () => {
		const junk = bytes(`${UNITS_HEADER}\n${UNIT_ROWS[0]}\n`, Buffer.from([0x61, 0x2c, 0x80, 0xff, 0x0a]));
		expect(issues({ 'units.csv': junk })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:3:1: 第 3 行既不是 UTF-8 也不是 GBK/GB18030 编码，无法可靠读取。请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）" (bad-encoding)",
			]
		`);
	});

	it('refuses binary junk (an xlsx saved as .csv) without a stack trace', () => {
		const zip = new Uint8Array([
			0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00,
		]);
		expect(issues({ 'units.csv': zip })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:1:1: 文件含有空字节（NUL），不是文本文件。请确认上传的是文本文件，而不是 xlsx 等二进制文件 (bad-encoding)",
			]
		`);
	});

	it('says a file is UTF-16 without its BOM, little- or big-endian, and does not read it', () => {
		const text = '单位编号,类别,设立日期,撤销日期,并入单位,备注\r\nt1,镇街,,,,\r\n';
		const le = iconv.encode(text, 'utf-16le');
		const be = iconv.encode(text, 'utf-16be');
		for (const bytes of [le, be])
			expect(issues({ 'units.csv': new Uint8Array(bytes) })).toEqual([
				'data/units.csv:1:1: 文件像是没有 BOM 的 UTF-16 编码（每个英文字母、数字和逗号后面跟着一个空字节），无法确定怎样读取。请在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）” (bad-encoding)',
			]);
	});

	it('reads a UTF-16 file with a BOM, little- or big-endian, exactly as its UTF-8 original, with a warning', () => {
		const utf8 = validateDataset(fixture(), 'data/');
		for (const [bom, enc] of [
			[[0xff, 0xfe], 'utf16le'],
			[[0xfe, 0xff], 'utf16be'],
		] as const) {
			const body = enc === 'utf16le' ? Buffer.from(UNITS, 'utf16le') : Buffer.from(UNITS, 'utf16le').swap16();
			const d = validateDataset(fixture({ 'units.csv': bytes(Buffer.from(bom), body) }), 'data/');
			expect(d.issues.map(formatIssue)).toEqual([
				'data/units.csv:1:1: 警告：文件是 UTF-16 编码，已正确读取；建议另存为"CSV UTF-8（逗号分隔）"（可用 npm run validate -- --fix 转换） (encoding-utf16)',
			]);
			expect(d.units.map((u) => u.value)).toEqual(utf8.units.map((u) => u.value));
		}
	});

	it('refuses Excel\'s tab-separated "Unicode 文本" and says how to save a CSV', () => {
		const tsv = UNITS.replace(/,/g, '\t');
		expect(issues({ 'units.csv': bytes(Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')) }))
			.toMatchInlineSnapshot(`
			[
			  "data/units.csv:1:1: 文件是 Excel 的"Unicode 文本"（UTF-16 编码、制表符分隔），不是 CSV 文件。请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）" (bad-encoding)",
			]
		`);
	});

	it('still reads a clean GBK file (Excel/WPS "CSV") with a warning', () => {
		expect(issues({ 'units.csv': gbk(UNITS) })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:1:1: 警告：文件是 GBK/GB18030 编码（Excel/WPS 另存为"CSV"的默认编码），已按 GB18030 正确读取；建议另存为"CSV UTF-8（逗号分隔）" (encoding-gbk)",
			]
		`);
	});
});

describe('a GBK file whose characters a code page could not hold', () => {
	it('warns of a ? next to a Chinese character, at its line and cell, counting the others', () => {
		// Saved as "CSV" on a Chinese Windows, 甲䶮镇 (䶮, U+4DAE, is not in GBK) became 甲?镇, and 区甲局 renamed
		// 区甲?局 lost another: the file is GBK, and the names would be published with a ?. An English ? beside ASCII
		// text (row 4, "Q&A?") is no such loss.
		const names = fixtureText('unit-names.csv')
			.replace('甲镇', '甲?镇')
			.replace('区甲局', '区甲?局')
			.replace('乙镇,', '"乙镇, Q&A?",');
		expect(issues({ 'unit-names.csv': gbk(names) })).toEqual([
			'data/unit-names.csv:1:1: 警告：文件是 GBK/GB18030 编码（Excel/WPS 另存为"CSV"的默认编码），已按 GB18030 正确读取；建议另存为"CSV UTF-8（逗号分隔）" (encoding-gbk)',
			'data/unit-names.csv:2:2: 警告："甲?镇" 中的英文问号 ? 紧挨着汉字，可能是 GBK 编码存不下的字（生僻字、繁体字或符号）：Excel/WPS 另存为“CSV”时会把这样的字换成 ?，原字已经丢失（本文件共 2 处）。请在原表格中核对这些字，再另存为“CSV UTF-8（逗号分隔）” (gbk-lost-char)',
		]);
		// In UTF-8 no character is lost: a ? there is what was typed.
		expect(issues({ 'unit-names.csv': names })).toEqual([]);
		// --fix leaves the file in GBK: converted, its ? would read as typed and the warning would go. So the encoding's
		// warning promises no fix (the report's last line counts the fixable ones).
		const warned = validateDataset(fixture({ 'unit-names.csv': gbk(names) }), 'data/').issues;
		expect(warned.filter((i) => i.file === 'data/unit-names.csv').map((i) => i.fixable ?? false)).toEqual([
			false,
			false,
		]);
		const fixed = fixFolder(fixture({ 'unit-names.csv': gbk(names) })).find(
			(r) => r.rel === 'unit-names.csv',
		);
		expect(fixed).toEqual({
			rel: 'unit-names.csv',
			changes: [],
			skipped:
				'文件中可能有 GBK 存不下、被换成 ? 的字（见检查结果），未修改：请从原表格重新另存为“CSV UTF-8（逗号分隔）”',
		});
	});
});

describe('a Traditional-Chinese (Big5) CSV is refused, never read as GBK mojibake', () => {
	// Every Big5 byte pair is also a GB18030 one: read as GBK, "淮城街道" came out "瞐刁笵" with the warning "已按
	// GB18030 正确读取", was published so, and --fix wrote it back to the file in UTF-8 for good.
	const NAMES = 'unitId,name,from,to\nt1,淮城街道,,\nt2,河下街道,,\n';
	const big5 = iconv.encode(NAMES, 'big5');

	it('names the first line, read both ways', () => {
		// After a line of a euro sign as Windows writes it (the single byte 0x80, not Big5): the line count stays right.
		expect(
			issues({ 'unit-names.csv': bytes(big5.subarray(0, 20), Buffer.from([0x80, 0x0a]), big5.subarray(20)) }),
		).toMatchInlineSnapshot(`
			[
			  "data/unit-names.csv:3:1: 文件不像是 GBK/GB18030 编码：第 3 行按 GBK 读作 "瞐刁笵"，多是 GBK 中罕见的字符，读出来会是乱码。请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）" (bad-encoding)",
			]
		`);
		expect(issues({ 'unit-names.csv': big5 })).toMatchInlineSnapshot(`
			[
			  "data/unit-names.csv:2:1: 文件像是 Big5（繁体中文）编码，不是 GBK/GB18030：第 2 行按 GBK 读作 "瞐刁笵"，按 Big5 读作 "淮城街道"，按 GBK 读出来会是乱码。请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）" (bad-encoding)",
			]
		`);
	});

	it('says so for a Chinese header, instead of four "missing column" errors', () => {
		const file = iconv.encode('單位編號,名稱,啟用日期,停用日期\nt1,淮城街道,,\n', 'big5');
		expect(issues({ 'unit-names.csv': file })).toMatchInlineSnapshot(`
			[
			  "data/unit-names.csv:1:1: 文件像是 Big5（繁体中文）编码，不是 GBK/GB18030：第 1 行按 GBK 读作 "虫絪腹"，按 Big5 读作 "單位編號"，按 GBK 读出来会是乱码。请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）" (bad-encoding)",
			]
		`);
	});

	it('leaves a Big5 file alone under --fix', () => {
		const r = fixFolder(fixture({ 'unit-names.csv': big5 })).find((f) => f.rel === 'unit-names.csv');
		expect(r).toEqual({ rel: 'unit-names.csv', changes: [], skipped: '编码无法确定，未修改（见检查结果）' });
	});

	it('still reads GBK names with rare characters (喆, 堃, 赟, 玥) outside GB2312', () => {
		const names = iconv.encode('unitId,name,from,to\nt1,王喆 李堃 周赟 张玥 刘珺,,\n', 'gbk');
		const lines = issues({ 'unit-names.csv': names });
		expect(lines.filter((l) => /encoding/.test(l))).toEqual([expect.stringContaining('(encoding-gbk)')]);
	});
});

describe('a Japanese or Korean CSV is refused, never read as GBK mojibake', () => {
	// Their bytes are valid GBK: a Korean Windows' "CSV" (EUC-KR) even reads as common Chinese characters (번호 → 锅龋),
	// which no rarity of characters gives away.
	const KOREAN = 'unitId,name,from,to\nt1,서울특별시청,,\nt2,부산광역시청,,\n';
	const JAPANESE = [
		'unitId,name,from,to',
		't1,東京都総務局,,',
		't2,大阪市役所の情報公開課,,',
		't3,福岡県庁,,',
		't4,横浜市の信用情報センター,,',
		't5,ひらがなとカタカナのテスト,,',
		't6,法令に基づく情報公開を期限内に完了した,,',
		'',
	].join('\n');

	it('names the encoding and the first line, read both ways', () => {
		expect(issues({ 'unit-names.csv': iconv.encode(KOREAN, 'euc-kr') })).toEqual([
			'data/unit-names.csv:2:1: 文件像是 EUC-KR（韩文）编码，不是 GBK/GB18030：第 2 行按 GBK 读作 "辑匡漂喊矫没"，按 EUC-KR 读作 "서울특별시청"，按 GBK 读出来会是乱码。请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）" (bad-encoding)',
		]);
		expect(issues({ 'unit-names.csv': iconv.encode(JAPANESE, 'shift_jis') })).toEqual([
			expect.stringMatching(
				/^data\/unit-names\.csv:2:1: 文件像是 Shift_JIS（日文）编码，不是 GBK\/GB18030：第 2 行按 GBK 读作 "[^"]+"，按 Shift_JIS 读作 "東京都総務局"，按 GBK 读出来会是乱码。/,
			),
		]);
		expect(issues({ 'unit-names.csv': iconv.encode(JAPANESE, 'euc-jp') })).toEqual([
			expect.stringMatching(
				/^data\/unit-names\.csv:2:1: 文件像是 EUC-JP（日文）编码.*按 EUC-JP 读作 "東京都総務局"/,
			),
		]);
		// The same files in UTF-8 are read.
		expect(issues({ 'unit-names.csv': KOREAN })).toEqual([]);
	});

	it('shows a line written in that encoding, not a line of a stray euro sign, with any line ends', () => {
		// The euro sign as Windows writes it (the single byte 0x80) reads as nothing in GBK or EUC-KR: the message showed
		// "第 2 行按 GBK 读作 "€"，按 EUC-KR 读作 "�"", which tells the clerk nothing.
		const [header, ...rows] = iconv.encode(KOREAN, 'euc-kr').toString('latin1').split('\n');
		const euro = bytes(
			Buffer.from(`${header}\nt0,`, 'latin1'),
			Buffer.from([0x80]),
			',,\n',
			Buffer.from(rows.join('\n'), 'latin1'),
		);
		expect(issues({ 'unit-names.csv': euro })).toEqual([
			expect.stringMatching(
				/^data\/unit-names\.csv:3:1: 文件像是 EUC-KR（韩文）编码.*第 3 行按 GBK 读作 "辑匡漂喊矫没"，按 EUC-KR 读作 "서울특별시청"/,
			),
		]);
		// Nor when the file starts with one; in Shift_JIS, which reads it as an invisible control character, neither.
		const euroFirst = bytes(Buffer.from([0x80]), iconv.encode(KOREAN, 'euc-kr'));
		expect(issues({ 'unit-names.csv': euroFirst })).toEqual([
			expect.stringMatching(
				/^data\/unit-names\.csv:2:1: .*第 2 行按 GBK 读作 "辑匡漂喊矫没"，按 EUC-KR 读作 "서울특별시청"/,
			),
		]);
		const japanese = iconv.encode(
			't1,東京都総務局,,\nt2,東京都総務局,,\nt3,横浜市の信用情報センター,,\n',
			'shift_jis',
		);
		expect(
			decodeText(bytes(`${header}\nt0,`, Buffer.from([0x80]), ',,\n', japanese), 'unit-names.csv').issues,
		).toEqual([
			expect.objectContaining({
				line: 3,
				message: expect.stringContaining('按 Shift_JIS 读作 "東京都総務局"'),
			}),
		]);
		// With no line read cleanly (a euro sign at the end of each), the first line that is not ASCII is shown.
		const dirty = bytes(
			...KOREAN.split(/(?<=\n)/).map((l) =>
				/[가-힣]/.test(l)
					? Buffer.concat([
							iconv.encode(l.replace(',,\n', ''), 'euc-kr'),
							Buffer.from([0x80]),
							Buffer.from(',,\n'),
						])
					: Buffer.from(l),
			),
		);
		expect(issues({ 'unit-names.csv': dirty })).toEqual([
			expect.stringMatching(
				/^data\/unit-names\.csv:2:1: .*第 2 行按 GBK 读作 "辑匡漂喊矫没€"，按 EUC-KR 读作 "서울특별시청\uFFFD"/,
			),
		]);
		// Old Mac line ends (CR alone): the line shown is the second line alone, not the header with it.
		const cr = iconv.encode(KOREAN.replaceAll('\n', '\r'), 'euc-kr');
		expect(issues({ 'unit-names.csv': cr })).toEqual([
			expect.stringMatching(
				/^data\/unit-names\.csv:2:1: .*第 2 行按 GBK 读作 "辑匡漂喊矫没"，按 EUC-KR 读作 "서울특별시청"/,
			),
		]);
		// … and after a line that ends in the euro sign, which is not taken for a part of the next.
		const crEuro = bytes(
			`${header}\rt0,,,`,
			Buffer.from([0x80]),
			'\r',
			Buffer.from(rows.join('\r'), 'latin1'),
		);
		expect(issues({ 'unit-names.csv': crEuro })).toEqual([
			expect.stringMatching(
				/^data\/unit-names\.csv:3:1: .*第 3 行按 GBK 读作 "辑匡漂喊矫没"，按 EUC-KR 读作 "서울특별시청"/,
			),
		]);
	});

	describe('only when the detector is near certain (≥ 90) and GB18030 scores at least 40 less', () => {
		// The detector's own scores are checked first: an update of chardet that scores these files otherwise fails
		// here, saying so, rather than in the behaviour below.
		const names = (...n: string[]) =>
			`unitId,name,from,to\n${n.map((x, i) => `t${i + 1},${x},,\n`).join('')}`;
		const scores = (b: Uint8Array) => {
			const all = chardet.analyse(b);
			return [all[0].name, all[0].confidence, all.find((r) => r.name === 'GB18030')?.confidence ?? 0];
		};
		const encoding = (b: Uint8Array) => decodeText(b, 'unit-names.csv').encoding;

		it('at 90 the file is refused, at 89 it is read as GBK', () => {
			const at90 = new Uint8Array(
				iconv.encode(names('東京都総務局', '東京都総務局', '横浜市の信用情報センター'), 'shift_jis'),
			);
			const at89 = new Uint8Array(
				iconv.encode(
					names(
						'東京都総務局',
						'東京都総務局',
						'大阪市役所の情報公開課',
						'法令に基づく情報公開を期限内に完了した',
					),
					'shift_jis',
				),
			);
			expect(scores(at90)).toEqual(['Shift_JIS', 90, 10]);
			expect(scores(at89)).toEqual(['Shift_JIS', 89, 10]);
			expect(encoding(at90)).toBeUndefined();
			expect(decodeText(at90, 'unit-names.csv').issues[0].message).toMatch(/^文件像是 Shift_JIS（日文）编码/);
			expect(encoding(at89)).toBe('gb18030');
		});

		it('with GB18030 40 less the file is refused, with 37 less it is read as GBK', () => {
			// Korean lines and one line of Chinese in GBK: the more Korean lines, the surer the detector is of EUC-KR.
			const mixed = (korean: number) =>
				bytes(
					...names(...Array<string>(korean).fill('서울특별시청'), '公开承诺市场监督管理局')
						.split(/(?<=\n)/)
						.map((l) => iconv.encode(l, /[가-힣]/.test(l) ? 'euc-kr' : 'gbk')),
				);
			expect(scores(mixed(6))).toEqual(['EUC-KR', 100, 60]);
			expect(scores(mixed(5))).toEqual(['EUC-KR', 100, 63]);
			expect(encoding(mixed(6))).toBeUndefined();
			expect(decodeText(mixed(6), 'unit-names.csv').issues[0].message).toMatch(
				/^文件像是 EUC-KR（韩文）编码/,
			);
			expect(encoding(mixed(5))).toBe('gb18030');
		});
	});

	it('leaves one alone under --fix', () => {
		const r = fixFolder(fixture({ 'unit-names.csv': iconv.encode(KOREAN, 'euc-kr') })).find(
			(f) => f.rel === 'unit-names.csv',
		);
		expect(r).toEqual({ rel: 'unit-names.csv', changes: [], skipped: '编码无法确定，未修改（见检查结果）' });
	});

	it('still reads every CSV of the demo data saved as GBK, whole and a few lines at a time', () => {
		for (const name of ['units.csv', 'unit-names.csv', 'dishonesty.csv', 'pledges.csv']) {
			const lines = fixtureText(name).trimEnd().split(/\r?\n/);
			for (let at = 1; at < lines.length; at += 3) {
				const text = [lines[0], ...lines.slice(at, at + 5)].join('\n') + '\n';
				expect(decodeText(new Uint8Array(gbk(text)), name).encoding, `${name} from line ${at + 1}`).toBe(
					'gb18030',
				);
			}
			expect(decodeText(new Uint8Array(gbk(lines.join('\n'))), name).encoding).toBe('gb18030');
		}
	});
});

describe('JSON and MDX files are UTF-8 only', () => {
	it('refuses a site.json saved in Shift_JIS', () => {
		const sjis = iconv.encode(fixtureText('site.json').replace('测试站', '淮安区信用'), 'shift_jis');
		expect(issues({ 'site.json': sjis })).toMatchInlineSnapshot(`
			[
			  "data/site.json:2:1: 第 2 行不是 UTF-8 编码。本文件须为 UTF-8 编码，请用文本编辑器另存为 UTF-8 (bad-encoding)",
			]
		`);
	});

	it('refuses a rubric saved in GBK', () => {
		const rubric = gbk(fixtureText('rubrics/2022.json'));
		expect(issues({ 'rubrics/2022.json': rubric })).toMatchInlineSnapshot(`
			[
			  "data/rubrics/2022.json:3:1: 第 3 行不是 UTF-8 编码。本文件须为 UTF-8 编码，请用文本编辑器另存为 UTF-8 (bad-encoding)",
			]
		`);
	});

	it('refuses a story saved in GBK', () => {
		const story = gbk(fixtureText('exemplars/stories/c1.mdx'));
		expect(issues({ 'exemplars/stories/c1.mdx': story })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/stories/c1.mdx:1:1: 第 1 行不是 UTF-8 编码。本文件须为 UTF-8 编码，请用文本编辑器另存为 UTF-8 (bad-encoding)",
			]
		`);
	});
});

describe('validate --fix never rewrites a file whose encoding is not certain', () => {
	it('leaves a mixed GBK/UTF-8 file alone and says why', () => {
		const mixed = bytes(gbk(`${UNITS_HEADER}\n${UNIT_ROWS[0]}\n`), 'x1,A,,,,诚信建设示范单位\n');
		const r = fixFolder(fixture({ 'units.csv': mixed })).find((f) => f.rel === 'units.csv');
		expect(r).toEqual({ rel: 'units.csv', changes: [], skipped: '编码无法确定，未修改（见检查结果）' });
	});

	it('converts a UTF-16 file to UTF-8 with a BOM', () => {
		const r = fixFolder(
			fixture({ 'units.csv': bytes(Buffer.from([0xff, 0xfe]), Buffer.from(UNITS, 'utf16le')) }),
		);
		const units = r.find((f) => f.rel === 'units.csv')!;
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(units.bytes)).toBe(`\uFEFF${UNITS}`);
		expect(units.changes[0]).toMatchObject({ from: 'UTF-16 编码', to: 'UTF-8（带 BOM）' });
	});
});

describe('line numbers', () => {
	it('counts lines of a file that ends them with CR only', () => {
		const cr = `${UNITS_HEADER}\r${UNIT_ROWS[0]}\r${UNIT_ROWS[1]}\ra9,A类部,,,,\r${UNIT_ROWS.slice(2).join('\r')}\r`;
		expect(issues({ 'units.csv': cr })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:4:2: 第 4 行第 2 列（类别）："A类部" 不是允许的值，应为 镇街（town）、园区（park）、A类（A）、B类（B） 之一 (enum-error)",
			]
		`);
	});

	it('counts a CR-only line break inside a quoted cell', () => {
		const cr = `${UNITS_HEADER}\r${UNIT_ROWS[0]}\ra8,A类,,,,"第一行\r第二行"\ra9,A类部,,,,\r`;
		expect(issues({ 'units.csv': cr }).filter((l) => l.includes('enum-error'))).toMatchInlineSnapshot(`
			[
			  "data/units.csv:5:2: 第 4 行第 2 列（类别）："A类部" 不是允许的值，应为 镇街（town）、园区（park）、A类（A）、B类（B） 之一 (enum-error)",
			]
		`);
	});

	it('counts lines of a CR-only JSON file', () => {
		const json = '{\r "name": "测试站",\r "shortName": 5\r}';
		expect(issues({ 'site.json': json })[0]).toMatch(/^data\/site\.json:3:/);
	});
});

describe('deep nesting is an error, never a crash', () => {
	it('refuses a rubric nested 100,000 deep at the level that goes too deep', () => {
		const deep = `{"year": 2022, "indicators": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
		expect(issues({ 'rubrics/2022.json': deep })).toMatchInlineSnapshot(`
			[
			  "data/rubrics/2022.json:1:61: JSON 的对象、数组嵌套超过 32 层，不是有效的网站配置或评价指标文件 (too-deep)",
			]
		`);
	});

	it('refuses a story with 6,000 nested >', () => {
		const story = `${fixtureText('exemplars/stories/c1.mdx')}\n\n${'>'.repeat(6000)} 引用\n`;
		expect(issues({ 'exemplars/stories/c1.mdx': story })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/stories/c1.mdx:95:1: 列表或引用嵌套过深：本行相当于 6000 层（行首的每个 >、列表符号和每两个空格各算一层），最多 10 层。普通段落请不要在行首加空格 (too-deep)",
			]
		`);
	});
});

import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../helpers/files.ts';
import { DRAFT_Q1, report, validate } from '../../helpers/validate.ts';

interface Indicator {
	id: string;
	group: string;
	max: number;
	appliesTo: string[];
	rule: Record<string, unknown>;
}
/** The fixture's 2022 rubric, changed by `edit`. */
const rubric = (
	edit: (r: { year: number; indicators: Indicator[]; thresholds: { red: number; blue: number } }) => void,
) => {
	const r = JSON.parse(fixtureText('rubrics/2022.json'));
	edit(r);
	return { 'rubrics/2022.json': JSON.stringify(r, null, '\t') };
};
const indicator = (r: { indicators: Indicator[] }, id: string) => r.indicators.find((i) => i.id === id)!;

describe('rubrics/<年>.json', () => {
	it('finds a hidden character and an escaped ID number in a text nested in the indicators, at its key', () => {
		// The second indicator's description: U+202E written as the escape \\u202e, and 320803199001011237 (its check
		// character is 7) with one digit as \\u0033, which the file's text does not show as a number. Both are said at
		// the key's first place in the file (the escape is not where the text is; publishedJson in context.ts).
		const text = fixtureText('rubrics/2022.json');
		const first = text.indexOf('"description"');
		const key = text.slice(0, first).split('\n').length;
		const i = text.indexOf('"description"', first + 1);
		const edited =
			text.slice(0, i) + text.slice(i).replace('按月完成', '按月\\u202e完成 32080\\u0033199001011237 ');
		expect(report({ 'rubrics/2022.json': edited }).filter((l) => l.startsWith('data/rubrics/'))).toEqual([
			`data/rubrics/2022.json:${key}:4: "description" 含有不可见字符 U+202E（从网页或文档复制时常会带入），请删除后重新输入 (invisible-char)`,
			`data/rubrics/2022.json:${key}:4: 含有身份证号 320803********1237：这段文字会在网站上公开，身份证号不得公开，请删除（个人信息保护法） (personal-id)`,
		]);
	});

	it('finds a hidden character in a text of a list (the notes), at the list’s key', () => {
		// The notes are a list of texts: a text there is said under the list's name, at its line (8, column 2).
		const text = fixtureText('rubrics/2022.json');
		const at = text.indexOf('"notes"');
		const first = text.indexOf('"', text.indexOf('[', at) + 1) + 1;
		const edited = `${text.slice(0, first)}\\u202e${text.slice(first)}`;
		expect(report({ 'rubrics/2022.json': edited }).filter((l) => l.startsWith('data/rubrics/'))).toEqual([
			'data/rubrics/2022.json:8:2: "notes" 含有不可见字符 U+202E（从网页或文档复制时常会带入），请删除后重新输入 (invisible-char)',
		]);
	});

	it('reads each year’s rubric', () => {
		const d = validate();
		expect([...d.rubrics.keys()]).toEqual([2022]);
		expect(d.rubrics.get(2022)!.indicators.map((i) => i.id)).toContain('3.6');
	});

	it('does not read a file not named for a year', () => {
		expect(report({ 'rubrics/2022-draft.json': '{}' })).toMatchInlineSnapshot(`
			[
			  "data/rubrics/2022-draft.json:1:1: 评价指标文件应按年份命名，如 2022.json (file-name)",
			]
		`);
	});

	it('reports a data folder with no rubric, and the evidence that cannot be scored', () => {
		expect(report({ 'rubrics/2022.json': null })).toMatchInlineSnapshot(`
			[
			  "data/rubrics/:1:1: 缺少评价指标文件 rubrics/<年>.json (missing-file)",
			  "data/evidence/2022-Q1.csv:1:1: 没有 2022 年的评价指标文件 rubrics/2022.json，本季度无法计分 (missing-rubric)",
			]
		`);
	});

	it('rejects a rubric whose year is not its file name’s, and does not use it', () => {
		const patches = rubric((r) => (r.year = 2021));
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/rubrics/2022.json:2:2: 文件名是 2022 年，但 "year" 是 2021 (rubric-year)",
			  "data/evidence/2022-Q1.csv:1:1: 2022 年的评价指标文件 rubrics/2022.json 有错误（见该文件的报告），本季度无法计分 (missing-rubric)",
			]
		`);
		expect(validate(patches).rubrics.size).toBe(0);
	});

	it('says in plain words what a hand-edited value should be, and which indicator it is in', () => {
		const lines = report({
			...DRAFT_Q1,
			...rubric((r) => {
				(indicator(r, '1.1') as unknown as Record<string, unknown>).max = '十';
				(indicator(r, '1.2') as unknown as { appliesTo: string[] }).appliesTo = ['town', 'city'];
				delete (indicator(r, '2.1') as unknown as Record<string, unknown>).title;
				(indicator(r, '1.3') as unknown as Record<string, unknown>).max = true;
				(r as unknown as Record<string, unknown>).owner = '某人';
			}),
		}).map((l) => l.replace(/^data\/rubrics\/2022\.json:\d+:\d+: /, ''));
		const at = (id: string) =>
			`（indicators[${JSON.parse(fixtureText('rubrics/2022.json')).indicators.findIndex((i: Indicator) => i.id === id)}] 是 id 为 "${id}" 的那一项）`;
		const i11 = JSON.parse(fixtureText('rubrics/2022.json')).indicators.findIndex(
			(i: Indicator) => i.id === '1.1',
		);
		const i12 = i11 + 1;
		expect(lines).toEqual(
			expect.arrayContaining([
				'不认识的项 "owner"：请检查拼写，不需要的项请删去（每一项的含义见数据字典） (unknown-field)',
				`indicators[${i11}].max${at('1.1')}：应为数字（不加引号），这里是文字 "十" (type-error)`,
				`indicators[${i11 + 2}].max${at('1.3')}：应为数字（不加引号），这里是 true (type-error)`,
				`indicators[${i12}].appliesTo[1]${at('1.2')}：应为 "town"、"park"、"A"、"B" 之一，这里是文字 "city" (enum-error)`,
				expect.stringMatching(
					/^indicators\[\d+\]\.title（indicators\[\d+\] 是 id 为 "2\.1" 的那一项）：缺少这一项，应为文字（用英文双引号括起来） \(type-error\)$/,
				),
			]),
		);
	});

	it('says a number out of range, an empty text or list, an unknown rule and a bad id in plain words too', () => {
		const lines = report({
			...DRAFT_Q1,
			...rubric((r) => {
				const x = r as unknown as Record<string, unknown>;
				x.year = 2022.5;
				x.nominalMax = 0;
				const at = (id: string) => indicator(r, id) as unknown as Record<string, unknown>;
				at('1.1').rule = { kind: 'points' };
				at('1.2').title = '';
				at('1.3').max = -1;
				at('2.1').appliesTo = [];
				at('3.1').id = '3 1';
			}),
		}).map((l) =>
			l
				.replace(/^data\/rubrics\/2022\.json:\d+:\d+: /, '')
				.replace(/（indicators\[\d+\] 是 id 为 "[^"]*" 的那一项）/, ''),
		);
		expect(lines).toEqual(
			expect.arrayContaining([
				'year：应为整数（不加引号），这里是数字 2022.5 (type-error)',
				'nominalMax：应大于 0，这里是数字 0 (type-error)',
				expect.stringMatching(
					/^indicators\[\d+\]\.rule\.kind：规则类型 kind 应为 "done"、"perItem"、"deduction"、"commitmentCoverage"、"judged"、"creditTown" 之一（每种规则的含义见数据字典） \(type-error\)$/,
				),
				expect.stringMatching(/^indicators\[\d+\]\.title：不能为空 \(type-error\)$/),
				expect.stringMatching(/^indicators\[\d+\]\.max：应不小于 0，这里是数字 -1 \(type-error\)$/),
				expect.stringMatching(/^indicators\[\d+\]\.appliesTo：至少要有 1 项 \(type-error\)$/),
				expect.stringMatching(
					/^indicators\[\d+\]\.id：指标编号只能由英文字母、数字和 \. _ - 组成，以字母或数字开头，如 1\.1 \(type-error\)$/,
				),
			]),
		);
	});

	it('rejects an indicator id used twice', () => {
		expect(report(rubric((r) => (indicator(r, '1.2').id = '1.1')))).toMatchInlineSnapshot(`
			[
			  "data/rubrics/2022.json:79:4: 指标编号 "1.1" 重复 (unique-error)",
			  "data/evidence/2022-Q1.csv:1:1: 2022 年的评价指标文件 rubrics/2022.json 有错误（见该文件的报告），本季度无法计分 (missing-rubric)",
			]
		`);
	});

	it('rejects an indicator in a group the rubric does not have', () => {
		expect(report(rubric((r) => (indicator(r, '3.6').group = '9')))).toMatchInlineSnapshot(`
			[
			  "data/rubrics/2022.json:237:4: 指标 3.6 的分组 "9" 不在 groups 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:1:1: 2022 年的评价指标文件 rubrics/2022.json 有错误（见该文件的报告），本季度无法计分 (missing-rubric)",
			]
		`);
	});

	it('rejects a per-item cap above the indicator maximum', () => {
		expect(report(rubric((r) => (indicator(r, '3.6').rule.cap = 9)))).toMatchInlineSnapshot(`
			[
			  "data/rubrics/2022.json:237:4: 指标 3.6 的封顶分 9 大于满分 8 (rubric-rule)",
			  "data/evidence/2022-Q1.csv:1:1: 2022 年的评价指标文件 rubrics/2022.json 有错误（见该文件的报告），本季度无法计分 (missing-rubric)",
			]
		`);
		expect(report(rubric((r) => (indicator(r, '3.6').rule.cap = 8)))).toEqual([]);
	});

	it('rejects a pure deduction indicator with a maximum other than 0', () => {
		const deduction = { kind: 'deduction', deduction: { per: 5, what: '违约' } };
		expect(
			report(
				rubric((r) => r.indicators.push({ ...indicator(r, '3.4'), id: '3.9', max: 2, rule: deduction })),
			),
		).toMatchInlineSnapshot(`
			[
			  "data/rubrics/2022.json:333:4: 指标 3.9 是纯扣分项，满分应为 0 (rubric-rule)",
			  "data/evidence/2022-Q1.csv:1:1: 2022 年的评价指标文件 rubrics/2022.json 有错误（见该文件的报告），本季度无法计分 (missing-rubric)",
			]
		`);
		// A new indicator in the rubric of a released quarter would need a row for every unit: 2022-Q1 as a draft.
		expect(
			report({
				...DRAFT_Q1,
				...rubric((r) => r.indicators.push({ ...indicator(r, '3.4'), id: '3.9', max: 0, rule: deduction })),
			}),
		).toEqual([]);
	});

	it('rejects a creditTown base above the indicator maximum (the unit would earn more than full points)', () => {
		const creditTown = (base: number) =>
			rubric(
				(r) => (indicator(r, '5.1').rule = { kind: 'creditTown', households: 5, base, validQuarters: 4 }),
			);
		expect(report(creditTown(25))).toContain(
			'data/rubrics/2022.json:258:4: 指标 5.1 没有新增“诚信户”时计的 25 分（base）大于满分 20 (rubric-rule)',
		);
		expect(report(creditTown(20)).filter((l) => l.includes('(rubric-rule)'))).toEqual([]);
	});

	it('points at the indicator, not at a group of the same number', () => {
		// Indicator 5.4 renumbered 5, as group 5 is, and put in a group that does not exist: the message is at the
		// indicator's "id" (line 315), found among the indicators, not at group 5's.
		const renumbered = rubric((r) => {
			const ind = indicator(r, '5.4');
			ind.id = '5';
			ind.group = '9';
		});
		expect(report(renumbered)).toContain(
			'data/rubrics/2022.json:315:4: 指标 5 的分组 "9" 不在 groups 中 (foreign-key)',
		);
	});

	it('warns of an indicator for towns and not parks, or for parks and not towns: a 园区 is scored as a 镇街', () => {
		// SPEC 1: 园区 (park) is "rubric-wise like a town"; seed 002 附件1's "镇、街道考评" indicators are both's.
		expect(report(rubric((r) => (indicator(r, '5.4').appliesTo = ['town', 'A', 'B'])))).toContain(
			'data/rubrics/2022.json:315:4: 警告：指标 5.4 适用于镇街而不适用于园区：园区按镇街计分，appliesTo 通常同时有 "town" 和 "park"；确属有意的请核对评价方法的说明 (rubric-park)',
		);
		// A warning: the data is still published (a year's rubric may mean it).
		const only = validate(rubric((r) => (indicator(r, '5.4').appliesTo = ['town', 'A', 'B'])));
		expect(only.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(report(rubric((r) => (indicator(r, '5.1').appliesTo = ['park'])))).toContain(
			'data/rubrics/2022.json:258:4: 警告：指标 5.1 适用于园区而不适用于镇街：园区按镇街计分，appliesTo 通常同时有 "town" 和 "park"；确属有意的请核对评价方法的说明 (rubric-park)',
		);
	});

	it('warns of two indicator ids a spreadsheet reads as one number (5.1 and 5.10), at the second', () => {
		// Indicator 5.2 renumbered 5.10: Excel and WPS open it as 1 number, 5.1, which is another indicator's id.
		const patches = rubric((r) => (indicator(r, '5.2').id = '5.10'));
		const text = patches['rubrics/2022.json'];
		const line = text.slice(0, text.indexOf('"id": "5.10"')).split('\n').length;
		const lines = report(patches).filter((l) => l.includes('(rubric-id-number)'));
		expect(lines).toEqual([
			`data/rubrics/2022.json:${line}:4: 警告：指标编号 "5.10" 与 "5.1" 在 Excel、WPS 中会被读成同一个数（5.1），评价记录表另存后就分不清了：建议改用不会被当成数字的编号（如 5-10），或在表格中把“指标编号”一列设为文本 (rubric-id-number)`,
		]);
		// Ids that stay apart as numbers (5.1 and 5.11, or 5-10 and 5.1) are not warned of.
		for (const id of ['5.11', '5-10'])
			expect(
				report(rubric((r) => (indicator(r, '5.2').id = id))).filter((l) => l.includes('rubric-id-number')),
			).toEqual([]);
	});

	it('rejects grade thresholds out of order or outside 0–100, which would grade every unit silently', () => {
		const thresholds = (red: number, blue: number) => rubric((r) => (r.thresholds = { red, blue }));
		for (const [red, blue] of [
			[60, 85],
			[85, 85],
			[120, 60],
			[85, 0],
			[85, -5],
		])
			expect(report(thresholds(red, blue)), `${red} ${blue}`).toEqual([
				`data/rubrics/2022.json:6:2: 等次分数线应满足 0 < 蓝名单分数线 < 红名单分数线 ≤ 100，现为红名单 ${red}、蓝名单 ${blue} (rubric-rule)`,
				'data/evidence/2022-Q1.csv:1:1: 2022 年的评价指标文件 rubrics/2022.json 有错误（见该文件的报告），本季度无法计分 (missing-rubric)',
			]);
		expect(report(thresholds(100, 0.5))).toEqual([]);
	});

	it('refuses a release when a category of unit it grades has no points to earn, and not for a category the district lacks', () => {
		// The fixture's units: t1, t2 (镇街), a1 (A类), b1 (B类); no 园区. 2022-Q1 is released.
		const withoutB = rubric((r) => {
			for (const i of r.indicators) i.appliesTo = i.appliesTo.filter((c) => c !== 'B');
			r.indicators = r.indicators.filter((i) => i.appliesTo.length);
		});
		const lines = report(withoutB).filter((l) => !l.includes('(not-applicable)'));
		expect(lines.filter((l) => l.includes('满分之和为 0'))).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:1: 第 2 行第 1 列（季度）：2022-Q1 已登记发布，但 2022 年的评价指标没有适用于B类单位的指标（满分之和为 0），"区乙办"无法计分：请在 rubrics/2022.json 中为这类单位填写适用的指标 (release-incomplete)",
			]
		`);
		// 0-point indicators only (a pure deduction) are no points to earn either.
		const zeroForB = rubric((r) => {
			for (const i of r.indicators) i.appliesTo = i.appliesTo.filter((c) => c !== 'B');
			r.indicators.push({ ...indicator(r, '5.4'), id: '9.9', max: 0, appliesTo: ['B'] });
		});
		expect(report(zeroForB).filter((l) => l.includes('满分之和为 0'))).toHaveLength(1);
		const withoutPark = rubric((r) => {
			for (const i of r.indicators) i.appliesTo = i.appliesTo.filter((c) => c !== 'park');
			r.indicators = r.indicators.filter((i) => i.appliesTo.length);
		});
		expect(report(withoutPark).filter((l) => l.includes('满分之和为 0'))).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { report, validate, withRows } from '../../helpers/validate.ts';
import { fixtureText } from '../../helpers/files.ts';

const FILE = 'releases/corrections.csv';
const HEADER = '更正编号,季度,更正日期,文号,单位编号,项目,原值,新值,理由';
const corrections = (...rows: string[]) => ({ [FILE]: [HEADER, ...rows].map((r) => `${r}\n`).join('') });

describe('releases/corrections.csv', () => {
	it('is optional: no correction yet', () => {
		expect(validate().corrections).toEqual([]);
	});

	it('reads a chain of corrections that continues the snapshot (t1 3.6 was 4.5, its score 24.2)', () => {
		const d = validate(
			corrections(
				'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记',
				'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,得分,24.2,27.4,补记',
				'GZ-2,2022-Q1,2022-07-01,淮信用办〔2022〕10号,t1,3.6,7.5,8,再补',
			),
		);
		expect(d.issues).toEqual([]);
		expect(d.corrections.map((c) => [c.value.id, c.value.field, c.value.from, c.value.to])).toEqual([
			['GZ-1', 'points.3.6', '4.5', '7.5'],
			['GZ-1', 'score', '24.2', '27.4'],
			['GZ-2', 'points.3.6', '7.5', '8'],
		]);
	});

	it('refuses a 原值 that is not what was published (or set by the correction before it), in date order', () => {
		// Listed out of order in the file: the later correction's 原值 is checked after the earlier one applies.
		expect(
			report(
				corrections(
					'GZ-2,2022-Q1,2022-07-01,淮信用办〔2022〕10号,t1,指标 3.6,7.5,8,再补',
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记',
					'GZ-3,2022-Q1,2022-08-01,淮信用办〔2022〕11号,t1,等次,红名单,蓝名单,改等次',
				),
			),
		).toMatchInlineSnapshot(`
			[
			  "data/releases/corrections.csv:4:7: 第 4 行第 7 列（原值）：原值 "红名单" 与 2022-Q1 t1 的“等次”此前公布的值 "黄名单" 不符（发布快照 releases/2022-Q1.json，加上日期更早的更正）：原值请用 npm run release -- 2022-Q1 --correct 计算填写，不要手工改动 (correction-chain)",
			]
		`);
	});

	it('scans the public 文号 and reason for personal numbers, and never quotes them when rows disagree', () => {
		// The second row's reason differs by a number shaped as an ID number with a wrong check character (the office
		// decides what it is): a warning at that cell, masked, and a conflict that names the row to copy from without
		// repeating either reason.
		expect(
			report(
				corrections(
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记',
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,得分,24.2,27.4,补记（编号 320803198001010019）',
				),
			),
		).toMatchInlineSnapshot(`
			[
			  "data/releases/corrections.csv:3:9: 警告：第 3 行第 9 列（理由）：含有像身份证号的号码 320803********0019（校验位不对）：这段文字会在网站上公开；如果是抄错了一位的身份证号，也不得公开，请删除；如果是别的编号，请核对无误 (personal-id)",
			  "data/releases/corrections.csv:3:9: 第 3 行第 9 列（理由）：更正 GZ-1 的各行应相同，但这里的理由与第 2 行的不同（请从第 2 行整格复制） (correction-conflict)",
			]
		`);
		// A mobile number in a reason can only be a person's (who objected, who checked): an error, and the row is not
		// published.
		expect(
			report(
				corrections(
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记（联系 13900001111）',
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,得分,24.2,27.4,补记（联系 13900001111）',
				),
			),
		).toMatchInlineSnapshot(`
			[
			  "data/releases/corrections.csv:2:9: 第 2 行第 9 列（理由）：含有手机号码 139****1111：这段文字会在网站上公开，它写的是人和事，不是公布单位联系方式的地方，这只能是个人的联系方式，不得公开，请删除（个人信息保护法） (personal-contact)",
			  "data/releases/corrections.csv:3:9: 第 3 行第 9 列（理由）：含有手机号码 139****1111：这段文字会在网站上公开，它写的是人和事，不是公布单位联系方式的地方，这只能是个人的联系方式，不得公开，请删除（个人信息保护法） (personal-contact)",
			]
		`);
	});

	it('refuses the rows of one correction that disagree, an unknown unit, item or indicator, and a date before the release', () => {
		expect(
			report(
				corrections(
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记',
					'GZ-1,2022-Q1,2022-06-02,淮信用办〔2022〕9号,t1,得分,24.2,27.4,补记',
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,zz,得分,1,2,补记',
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,总排名,1,2,补记',
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 9.9,,1,补记',
					'GZ-4,2022-Q1,2022-04-01,淮信用办〔2022〕1号,t1,等次,黄名单,优秀,提前更正',
				),
			),
		).toMatchInlineSnapshot(`
			[
			  "data/releases/corrections.csv:5:6: 第 5 行第 6 列（项目）："总排名" 不是可更正的项目，应为 得分、等次、等次调整、类内排名、类别、适用指标满分之和 或 “指标 1.1” 这样的指标得分 (enum-error)",
			  "data/releases/corrections.csv:3:3: 第 3 行第 3 列（更正日期）：更正 GZ-1 的各行应相同，但这里的更正日期 "2022-06-02" 与第 2 行的 "2022-06-01" 不同 (correction-conflict)",
			  "data/releases/corrections.csv:4:5: 第 4 行第 5 列（单位编号）：单位编号 "zz" 不在 units.csv 中 (foreign-key)",
			  "data/releases/corrections.csv:6:6: 第 6 行第 6 列（项目）：2022 年评价指标中没有指标 9.9 (foreign-key)",
			  "data/releases/corrections.csv:7:3: 第 7 行第 3 列（更正日期）：更正日期 2022-04-01 早于 2022-Q1 的发布日期 2022-04-20：只能更正已发布的结果 (date-order)",
			  "data/releases/corrections.csv:7:8: 第 7 行第 8 列（新值）："优秀" 不是“等次”的值（等次写 红名单、蓝名单 或 黄名单，无调整写 无） (type-error)",
			]
		`);
	});

	it('says which values an item takes, with the grade names for 等次 and 等次调整 only', () => {
		expect(
			report(
				corrections(
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,得分,24.2,很多,补记',
					'GZ-2,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,等次调整,无,紫名单,补记',
				),
			).filter((l) => l.endsWith('(type-error)')),
		).toEqual([
			'data/releases/corrections.csv:2:8: 第 2 行第 8 列（新值）："很多" 不是“得分”的值 (type-error)',
			'data/releases/corrections.csv:3:8: 第 3 行第 8 列（新值）："紫名单" 不是“等次调整”的值（等次写 红名单、蓝名单 或 黄名单，无调整写 无） (type-error)',
		]);
	});

	// The item is named as the office types it (指标 3.6 得分), never by the code it is stored as (points.3.6).
	it('refuses a unit and item listed twice in one correction, however the id or item is spelled', () => {
		expect(
			report(
				corrections(
					'GZ-4,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记',
					'GZ-4,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记',
					'GZ-4,2022-Q1,2022-06-01,淮信用办〔2022〕9号,T1,3.6,4.5,7.5,补记',
				),
			),
		).toEqual([
			'data/releases/corrections.csv:3:1: 第 3 行第 1 列（更正编号）：同一次更正的单位和项目 "GZ-4 / t1 / 指标 3.6 得分" 重复，与 data/releases/corrections.csv 第 2 行相同；每个同一次更正的单位和项目只能出现一次 (unique-error)',
			'data/releases/corrections.csv:4:1: 第 4 行第 1 列（更正编号）：同一次更正的单位和项目 "GZ-4 / T1 / 指标 3.6 得分" 与 data/releases/corrections.csv 第 2 行的 "GZ-4 / t1 / 指标 3.6 得分" 只差大小写或全角半角，在网址和文件名中会被当作同一个；请改用不同的同一次更正的单位和项目 (unique-error)',
		]);
	});

	it('keeps out, with nothing more said, a correction of a unit whose own row is wrong', () => {
		const d = validate({
			'units.csv': withRows('units.csv', 'x9,不是类别,,,,'),
			...corrections('GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,x9,得分,1,2,补记'),
		});
		expect(d.issues.map((i) => `${i.file}:${i.line}:${i.code}`)).toEqual(['data/units.csv:6:enum-error']);
		expect(d.corrections).toEqual([]);
	});

	it('keeps out, with nothing more said, a correction of a quarter whose release row is wrong', () => {
		const releases = 'releases/releases.csv';
		const d = validate({
			[releases]: withRows(releases).replace('2022-04-20', '2022-04-31'),
			...corrections('GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记'),
		});
		// The release row says what is wrong; "2022-Q1 没有发布记录" would send the office looking for a missing row.
		expect(
			d.issues.filter((i) => i.severity === 'error').map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`),
		).toEqual([`data/${releases}:2:2 date-invalid`]);
		expect(d.corrections).toEqual([]);
	});

	it('takes a correction dated on the release day', () => {
		expect(
			report(corrections('GZ-1,2022-Q1,2022-04-20,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记')),
		).toEqual([]);
	});

	it('reads a blank 原值 as no published value: right for a unit the snapshot does not have, wrong for one it has', () => {
		// x8 was set up after 2022-Q1, so the snapshot has no value of it; t1 has rank 1
		const x8 = {
			'units.csv': withRows('units.csv', 'x8,镇街,2023-01-01,,,'),
			'unit-names.csv': withRows('unit-names.csv', 'x8,新镇,,'),
		};
		expect(
			report({
				...x8,
				...corrections(
					'GZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,x8,得分,,2,补记',
					'GZ-2,2022-Q1,2022-07-01,淮信用办〔2022〕9号,x8,得分,1,3,补记',
					'GZ-3,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,类内排名,,2,补记',
				),
			}),
		).toEqual([
			// in date order: the chain is checked so
			'data/releases/corrections.csv:4:7: 第 4 行第 7 列（原值）：原值 "" 与 2022-Q1 t1 的“类内排名”此前公布的值 "1" 不符（发布快照 releases/2022-Q1.json，加上日期更早的更正）：原值请用 npm run release -- 2022-Q1 --correct 计算填写，不要手工改动 (correction-chain)',
			'data/releases/corrections.csv:3:7: 第 3 行第 7 列（原值）：原值 "1" 与 2022-Q1 x8 的“得分”此前公布的值 "2.0" 不符（发布快照 releases/2022-Q1.json，加上日期更早的更正）：原值请用 npm run release -- 2022-Q1 --correct 计算填写，不要手工改动 (correction-chain)',
		]);
	});

	it('refuses a correction of a quarter that is not released, or released but not sealed', () => {
		expect(report(corrections('GZ-1,2022-Q2,2022-09-01,淮信用办〔2022〕9号,t1,得分,1,2,补记'))).toEqual([
			'data/releases/corrections.csv:2:2: 第 2 行第 2 列（季度）：季度 2022-Q2 没有发布记录：只有已发布季度的结果需要更正 (foreign-key)',
		]);
		const unsealed = {
			'releases/releases.csv': fixtureText('releases/releases.csv').replace(/sha256:[0-9a-f]{64}/, ''),
			'releases/2022-Q1.json': null,
		};
		expect(
			report({
				...unsealed,
				...corrections('GZ-1,2022-Q1,2022-09-01,淮信用办〔2022〕9号,t1,得分,24.2,27.4,补记'),
			}).filter((l) => !l.includes('release-unsealed')),
		).toEqual([
			'data/releases/corrections.csv:2:2: 第 2 行第 2 列（季度）：季度 2022-Q1 没有发布快照，无法核对更正前后的值：请先运行 npm run release -- 2022-Q1 --seal (foreign-key)',
		]);
	});
});

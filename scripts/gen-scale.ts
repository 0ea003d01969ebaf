/**
 * `npm run gen:scale -- --units N --quarters Q --exemplars E --commitments C --out DIR [--seed S]`: writes a valid
 * synthetic dataset of any size in the real file formats (the ones `src/schemas/` define), so that
 * `DATA_DIR=DIR npm run validate` passes with 0 errors and `npm run build` runs on it unchanged. Seeded and
 * deterministic: the same arguments write the same bytes. For the performance benchmark (issue 8), not for the public.
 *
 * What it writes, and how it keeps each file valid:
 * - `site.json` (demo: true), `policies/` copied from `data/policies/`;
 * - `units.csv` + `unit-names.csv`: towns, parks, A- and B-class departments in the demo's proportions, every tenth
 *   unit renamed once (name history with non-overlapping periods); every unit exists throughout;
 * - `rubrics/<YYYY>.json` for every year the quarters cover: `data/rubrics/2022.json` with the year changed;
 * - `evidence/<YYYY-Qn>.csv`: the quarters end with `--last` (default 2026-Q3, so no year is later than the
 *   calendars and the as-of date know); per unit and quarter one 完成 row per done-indicator, an occasional verified
 *   incident, one 评分 row per judged indicator, and 事项 rows of the per-item indicators up to `--rows` rows per
 *   unit-quarter on average (default 104: 120 units × 80 quarters ≈ 1,000,000 rows, the scoring benchmark's size);
 * - `releases/releases.csv`: every quarter released 20 days after its end (each is complete: an indicator a unit has
 *   nothing for gets a 无 row);
 * - `dishonesty.csv`: about one record per 200 unit-quarters, most of them repaired;
 * - `exemplars/`: at most 2 candidates per recommending unit per year (seed 000 第六条), recommended by 12-10, four
 *   credit-review replies each, one 公示 a year starting in January of the next year (in 2026, in December: every
 *   notice falls in a year `chinese-days` knows), a few disqualified, failed, objected-to and revoked candidates;
 *   a story of ≥ 1500 字 each and one 120×160 photo (a copy of `data/exemplars/photos/2022-001.jpg`);
 * - `commitments/`: commitments of towns, parks and some A-class departments with 0–2 dated updates;
 * - `pledges.csv`: about 5 pledges per town or park per year with valid 统一社会信用代码 (GB 32100-2015 check character).
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addQuarters, isQuarterId, quarterEnd, quarterStart, type QuarterId } from '../src/lib/quarters.ts';
import { addDays } from '../src/lib/calendar/workdays.ts';
import { USCC_CHARSET, usccCheckChar } from '../src/lib/uscc.ts';
import type { Indicator, Rubric } from '../src/schemas/rubric.ts';
import type { TableDef } from '../src/schemas/table.ts';
import { unitNameTable, unitTable, type UnitNameRow, type UnitRow } from '../src/schemas/unit.ts';
import { evidenceTable, type EvidenceRow } from '../src/schemas/evidence.ts';
import { releaseTable, type ReleaseRow } from '../src/schemas/release.ts';
import { dishonestyTable, type DishonestyRow } from '../src/schemas/dishonesty.ts';
import {
	candidateTable,
	eventTable,
	noticeTable,
	reviewTable,
	type CandidateRow,
	type EventRow,
	type NoticeRow,
	type ReviewRow,
} from '../src/schemas/candidate.ts';
import {
	commitmentTable,
	commitmentUpdateTable,
	type CommitmentRow,
	type CommitmentUpdateRow,
} from '../src/schemas/commitment.ts';
import { pledgeTable, type PledgeRow } from '../src/schemas/pledge.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** What to generate. */
export interface ScaleOptions {
	units: number;
	quarters: number;
	exemplars: number;
	commitments: number;
	out: string;
	seed?: number;
	/** Average evidence rows per unit and quarter (default 104). */
	rows?: number;
	/** The last quarter (default 2026-Q3). */
	last?: QuarterId;
}

/** Counts of what was written. */
export interface ScaleSummary {
	units: number;
	quarters: number;
	firstQuarter: QuarterId;
	lastQuarter: QuarterId;
	evidence: number;
	dishonesty: number;
	candidates: number;
	commitments: number;
	updates: number;
	pledges: number;
}

/** mulberry32: a small seeded PRNG, so every run writes the same data. */
function prng(seed: number) {
	let s = seed | 0;
	const next = () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
		chance: (p: number) => next() < p,
	};
}
type Rand = ReturnType<typeof prng>;

/** One CSV cell: quoted when it holds a comma, a quote or a line break. */
const cell = (v: string | number | undefined) => {
	const s = v === undefined ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
type Value = string | number | undefined;
/**
 * A row of a table as the generator writes it, keyed by the record fields of its schema (`UnitRow` …): a required
 * column must be given, an optional one may be left out, and a key the schema does not have does not compile.
 */
type Cells<R> = { [K in keyof R]: undefined extends R[K] ? Value : string | number };

/**
 * The CSV writer of one input table. The header and the order of the cells come from the table's columns in
 * `src/schemas/`, the same definition the validator reads, so a renamed or reordered column changes what is written
 * here too; a row naming a field the table does not have stops the generator (the type check catches it first).
 */
function csvTable<R>(def: TableDef) {
	const keys = def.columns.map((c) => c.key);
	const known = new Set(keys);
	const header = def.columns.map((c) => cell(c.header)).join(',');
	const line = (row: Cells<R>): string => {
		const cells = row as Record<string, Value>;
		for (const k in cells) if (!known.has(k)) throw new Error(`${def.path} 没有字段 ${k}（见 src/schemas/）`);
		return keys.map((k) => cell(cells[k])).join(',');
	};
	return {
		header,
		line,
		/** The whole file as Excel writes it with "CSV UTF-8": BOM, header, CRLF-free lines. */
		file: (rows: readonly Cells<R>[]) => '\uFEFF' + [header, ...rows.map(line)].join('\n') + '\n',
	};
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** A date `k` days into a period of `span` days from `from`. */
const dayIn = (r: Rand, from: string, to: string) => {
	const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
	return addDays(from, r.int(span + 1));
};

const PLACE_A = '淮河山施车钦平顺苏流马南林宋复博溪泾朱季岔席范仇建新丰茭石';
const PLACE_B = '城阳河桥工溪集口甸闸港湖庄圩塘坝桥营沟滩岭洲台';
const DEPTS = [
	'发展和改革委员会',
	'教育体育局',
	'科学技术局',
	'工业和信息化局',
	'公安分局',
	'民政局',
	'司法局',
	'财政局',
	'人力资源和社会保障局',
	'自然资源和规划分局',
	'生态环境分局',
	'住房和城乡建设局',
	'交通运输局',
	'水利局',
	'农业农村局',
	'商务局',
	'文化广电和旅游局',
	'卫生健康委员会',
	'退役军人事务局',
	'应急管理局',
	'审计局',
	'市场监督管理局',
	'统计局',
	'医疗保障局',
	'城市管理局',
	'行政审批局',
	'数据局',
	'信访局',
	'机关事务管理局',
	'供销合作总社',
];
const B_DEPTS = [
	'委组织部',
	'委宣传部',
	'金融管理局',
	'档案馆',
	'总工会',
	'团委',
	'妇联',
	'科协',
	'工商联',
	'红十字会',
];
const SURNAMES =
	'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
	'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力志国斌欣怡晨雪梅海燕鹏宇浩然佳琪思远';
const CATEGORY_LABEL = { town: '镇街', park: '园区', A: 'A类', B: 'B类' } as const;
type Cat = keyof typeof CATEGORY_LABEL;

interface Unit {
	id: string;
	category: Cat;
	names: { name: string; from?: string; to?: string }[];
}

/** Units in the demo's proportions (about 35% towns, 5% parks, 45% A-class, 15% B-class). */
function makeUnits(r: Rand, n: number, first: QuarterId, last: QuarterId): Unit[] {
	const units: Unit[] = [];
	// A 20-unit pattern: 7 towns, 1 park, 9 A-class and 3 B-class departments, interleaved.
	const pattern: Cat[] = [
		'town',
		'A',
		'A',
		'town',
		'B',
		'A',
		'town',
		'A',
		'park',
		'A',
		'town',
		'A',
		'B',
		'town',
		'A',
		'A',
		'town',
		'B',
		'A',
		'town',
	];
	const cats = Array.from({ length: n }, (_, i) => pattern[i % pattern.length]);
	const count: Record<Cat, number> = { town: 0, park: 0, A: 0, B: 0 };
	for (let i = 0; i < n; i++) {
		const cat = cats[i];
		const k = count[cat]++;
		let name: string;
		if (cat === 'town' || cat === 'park') {
			const a = PLACE_A[k % PLACE_A.length];
			const b = PLACE_B[Math.floor(k / PLACE_A.length) % PLACE_B.length];
			const round = Math.floor(k / (PLACE_A.length * PLACE_B.length));
			const place = a + b + (round ? String(round + 1) : '');
			name = cat === 'park' ? `淮安${place}经济开发区` : k % 4 === 1 ? `${place}街道` : `${place}镇`;
		} else {
			const list = cat === 'A' ? DEPTS : B_DEPTS;
			const round = Math.floor(k / list.length);
			name = `区${list[k % list.length]}${round ? `第${round + 1}办事处` : ''}`;
		}
		const id = `u${pad(i + 1, 4)}`;
		const unit: Unit = { id, category: cat, names: [{ name }] };
		// Every tenth unit was renamed once (机构改革), in the middle of the period.
		if (i % 10 === 3) {
			const mid = addQuarters(first, Math.floor((quarterIndexOf(first, last) + 1) / 2));
			const to = addDays(quarterStart(mid), r.int(60) + 10);
			unit.names = [
				{ name: `${name.replace(/^区/, '区原')}`, to },
				{ name, from: addDays(to, 1) },
			];
		}
		units.push(unit);
	}
	return units;
}
const quarterIndexOf = (a: QuarterId, b: QuarterId) => {
	let n = 0;
	for (let q = a; q !== b; q = addQuarters(q, 1)) n++;
	return n;
};

/** Evidence row texts per indicator of the 2022 rubric (a generated rubric is that rubric with the year changed). */
const WHAT: Record<string, (r: Rand, n: number) => string> = {
	'1.1': (r) => `行政许可和行政处罚“双公示”信息 ${r.int(300) + 20} 条在 7 天内全量归集报送`,
	'1.2': (r) => `按月归集行政强制、行政检查等信息 ${r.int(200) + 10} 条`,
	'1.3': (r) => `按月归集信用承诺及履约信息 ${r.int(120) + 5} 条`,
	'2.1': () => `本季度信用审查与联合奖惩制度建设评审`,
	'3.1': (r, n) =>
		`“信易批”容缺受理事项第 ${n} 件（${r.pick(['营业执照变更', '施工许可', '食品经营许可', '排污许可', '道路运输许可'])}）`,
	'3.2': (r) => `招商引资政策承诺按期兑现，本季度兑现奖补资金 ${r.int(900) + 50} 万元`,
	'3.3': () => `经法院核查，本季度无失信被执行人记录、无因违约败诉案件`,
	'3.4': () => `经纪委、网信办核查，本季度无问责、无政务失信负面舆情`,
	'3.5': (r, n) => `《江苏省社会信用条例》宣贯培训第 ${n} 场，参训 ${r.int(150) + 20} 人`,
	'3.6': (r, n) =>
		`诚信“五进”宣传活动第 ${n} 场（${r.pick(['进校园', '进企业', '进街道社区', '进村镇', '进商圈'])}）`,
	'5.1': (r) => `“信用村（居）”现场验收 ${r.int(3) + 1} 个`,
	'5.4': () => `信用管理创新案例评审`,
};
const INCIDENT: Record<string, string> = {
	'1.1': '省信息中心抽查比对通报双公示信息漏报 1 条，经核实属实',
	'3.2': '以负责人调整为由未兑现招商协议约定的租金减免，经核实属实',
	'3.3': '因合同纠纷被判决败诉，经法院提供数据核实',
	'3.4': '政务失信负面舆情 1 起，经网信办核实',
};
const SOURCE: Record<string, string> = {
	'3.2': '财政局、工信局',
	'3.3': '法院',
	'3.4': '纪委、网信办',
};
const REASONS = [
	'制度健全，执行到位，台账完整',
	'制度基本健全，个别环节执行记录不完整',
	'创新做法被市级部门推广应用，成效明显',
	'现场验收合格，组织机制和实施方案完备',
	'材料齐全，但执行情况记录较少，酌情扣分',
];

/** Writes the evidence files; returns the number of rows. */
function writeEvidence(
	r: Rand,
	out: string,
	units: readonly Unit[],
	quarters: readonly QuarterId[],
	rubrics: ReadonlyMap<number, Rubric>,
	rowsPerUnitQuarter: number,
): number {
	mkdirSync(join(out, 'evidence'), { recursive: true });
	const table = csvTable<EvidenceRow>(evidenceTable);
	let total = 0;
	for (const q of quarters) {
		const rubric = rubrics.get(Number(q.slice(0, 4)))!;
		const from = quarterStart(q);
		const to = quarterEnd(q);
		const lines: string[] = [table.header];
		let seq = 0;
		const id = () => `${q.replace('-', '')}-${pad(++seq, 6)}`;
		for (const u of units) {
			const applicable = rubric.indicators.filter(
				(i) =>
					i.appliesTo.includes(u.category) &&
					i.rule.kind !== 'commitmentCoverage' &&
					!(i.rule.kind === 'perItem' && i.rule.source === 'pledges'),
			);
			const perItem = applicable.filter((i) => i.rule.kind === 'perItem');
			const row = (
				ind: Indicator,
				kind: string,
				what: string,
				extra: { count?: number; points?: number; reason?: string } = {},
			) => {
				reported.add(ind.id);
				lines.push(
					table.line({
						id: id(),
						unitId: u.id,
						indicatorId: ind.id,
						kind,
						date: dayIn(r, from, to),
						count: extra.count,
						points: extra.points,
						what,
						source: SOURCE[ind.id] ?? '信用办',
						reason: extra.reason,
					}),
				);
			};
			let n = 0;
			const reported = new Set<string>();
			for (const ind of applicable) {
				const rule = ind.rule;
				if (rule.kind === 'done') {
					if (r.chance(0.92)) (row(ind, '完成', WHAT[ind.id]?.(r, 1) ?? `${ind.title}已完成`), n++);
					if (rule.deduction && r.chance(0.02))
						(row(ind, '扣分', INCIDENT[ind.id] ?? `${rule.deduction.what}，经核实属实`), n++);
				} else if (rule.kind === 'judged') {
					const p = ind.id === '5.1' ? 0.3 : 0.85;
					if (r.chance(p)) {
						const points = Math.round(r.next() * ind.max * 2) / 2;
						row(ind, '评分', WHAT[ind.id]?.(r, 1) ?? `${ind.title}评审`, {
							points,
							reason: r.pick(REASONS),
						});
						n++;
					}
				}
			}
			// Per-item rows up to the target: the target varies ±50% between unit-quarters around the average.
			const target = Math.max(n, Math.round(rowsPerUnitQuarter * (0.5 + r.next())));
			const counters = new Map<string, number>();
			for (let k = n; k < target && perItem.length; k++) {
				const ind = r.pick(perItem);
				const c = (counters.get(ind.id) ?? 0) + 1;
				counters.set(ind.id, c);
				row(ind, '事项', WHAT[ind.id]?.(r, c) ?? `${ind.title}第 ${c} 项`, {
					count: r.chance(0.1) ? 2 : undefined,
				});
			}
			// A released quarter is complete: an indicator with nothing to report gets a 无 row.
			for (const ind of applicable) if (!reported.has(ind.id)) row(ind, '无', '本季度无可报事项');
		}
		total += seq;
		writeFileSync(join(out, 'evidence', `${q}.csv`), '\uFEFF' + lines.join('\n') + '\n');
	}
	return total;
}

/** A story of at least 1500 字 (counted without whitespace and Markdown), plain Markdown only. */
function story(r: Rand, name: string, unit: string, title: string): string {
	const parts = [
		`${name}在${unit}工作多年，同事们都说，和${name}打交道，最放心的是“说到做到”。`,
		`## ${title}`,
	];
	const sentences = [
		`每一项向群众公开的承诺，${name}都要拆成具体的时间节点和责任人，贴在办公室的墙上，逐项对账销号。`,
		`遇到政策调整确需改变承诺的，${name}坚持提前公告、逐一告知，已经受理的事项一律按原承诺办结。`,
		`${name}常说：“承诺不是贴在墙上的，是一件一件做出来的。”这句话成了科室里每个人的口头禅。`,
		`为了让守信的企业少跑腿，${name}推动建立了容缺受理和信用承诺跟踪台账，到期前三天电话提醒，逾期未补的按规定记入信用记录。`,
		`有一年年底，一件涉及三个部门的事项眼看要超过承诺时限，${name}连着两天协调，最后在期限当天下午把结果送到了群众手里。`,
		`在同事眼里，${name}是个较真的人：系统故障导致流转晚了半天，虽然没有超过时限，也要在例会上讲清原因并向群众说明。`,
		`${name}把单位公开承诺的便民事项逐项分解到岗位，每月在公示栏公开履行情况，群众提出的意见全部在承诺时限内回复。`,
		`这些年，${name}经手的事项没有一件因为超期被投诉，单位的群众满意度始终位居全区前列。`,
		`谈到这些，${name}总是把功劳推给团队：“每一个人都在守着同一份承诺。”`,
		`政务诚信不是一句口号，而是按时交到群众手里的那张证照，是群众转身离开时的一句“下次还来找你们”。`,
	];
	let chars = 0;
	const count = (s: string) => [...s.replace(/^## /, '').replace(/\s+/g, '')].length;
	for (const p of parts) chars += count(p);
	let section = 1;
	while (chars < 1600) {
		const para = Array.from({ length: 4 }, () => r.pick(sentences)).join('');
		parts.push(para);
		chars += count(para);
		if (chars < 1600 && parts.length % 4 === 0) {
			const h = `## ${['说到就要做到', '让守信的人少跑腿', '把承诺写在岗位上', '一件一件做出来'][section++ % 4]}`;
			parts.push(h);
			chars += count(h);
		}
	}
	return parts.join('\n\n') + '\n';
}

/** A valid 统一社会信用代码: 91 (enterprise), 320803 (淮安区), a 9-character organisation code, the check character. */
function uscc(r: Rand): string {
	let org = '';
	for (let i = 0; i < 9; i++) org += USCC_CHARSET[r.int(USCC_CHARSET.length)];
	const first17 = `91320803${org}`;
	return first17 + usccCheckChar(first17)!;
}

/** Generates the dataset into `opts.out` (replacing what is there). */
export function generateDataset(opts: ScaleOptions): ScaleSummary {
	const r = prng(opts.seed ?? 20221122);
	const out = resolve(opts.out);
	const last = opts.last ?? '2026-Q3';
	const quarters = Array.from({ length: opts.quarters }, (_, i) => addQuarters(last, i - opts.quarters + 1));
	const first = quarters[0];
	const years = [...new Set(quarters.map((q) => Number(q.slice(0, 4))))];
	if (years[years.length - 1] > 2026)
		throw new Error('最后一个季度不能晚于 2026 年（chinese-days 和构建的截至日期只到 2026 年）');
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });

	// Site identity and policy documents: the demo's.
	copyFileSync(join(ROOT, 'data', 'site.json'), join(out, 'site.json'));
	cpSync(join(ROOT, 'data', 'policies'), join(out, 'policies'), { recursive: true });

	// Rubrics: the 2022 rubric for every year.
	const base = JSON.parse(readFileSync(join(ROOT, 'data', 'rubrics', '2022.json'), 'utf8')) as Rubric;
	const rubrics = new Map<number, Rubric>();
	mkdirSync(join(out, 'rubrics'));
	for (const y of years) {
		const rubric = { ...base, year: y, title: base.title.replace('2022', String(y)) };
		rubrics.set(y, rubric);
		writeFileSync(join(out, 'rubrics', `${y}.json`), JSON.stringify(rubric, null, '\t') + '\n');
	}

	// Units and their names.
	const units = makeUnits(r, opts.units, first, last);
	writeFileSync(
		join(out, 'units.csv'),
		csvTable<UnitRow>(unitTable).file(
			units.map((u) => ({
				id: u.id,
				category: CATEGORY_LABEL[u.category],
				from: '',
				to: '',
				mergedInto: '',
				note: '',
			})),
		),
	);
	writeFileSync(
		join(out, 'unit-names.csv'),
		csvTable<UnitNameRow>(unitNameTable).file(
			units.flatMap((u) => u.names.map((n) => ({ unitId: u.id, name: n.name, from: n.from, to: n.to }))),
		),
	);
	const nameOf = (u: Unit) => u.names[u.names.length - 1].name;

	// Evidence.
	const evidence = writeEvidence(r, out, units, quarters, rubrics, opts.rows ?? 104);
	// Every quarter released 20 days after it ended (the last one, too: the as-of date of a build is later).
	mkdirSync(join(out, 'releases'), { recursive: true });
	writeFileSync(
		join(out, 'releases', 'releases.csv'),
		csvTable<ReleaseRow>(releaseTable).file(
			quarters.map((q, i) => ({
				quarter: q,
				releasedOn: addDays(quarterEnd(q), 20),
				docNumber: `淮信用办〔${q.slice(0, 4)}〕${i + 1}号`,
			})),
		),
	);

	// 失信 records: about one per 200 unit-quarters.
	const dishonesty: Cells<DishonestyRow>[] = [];
	const nd = Math.max(1, Math.round((opts.units * opts.quarters) / 200));
	const lastDay = quarterEnd(last);
	for (let i = 0; i < nd; i++) {
		const u = r.pick(units);
		const date = dayIn(r, quarterStart(first), lastDay);
		const severity = r.pick(['一般', '一般', '一般', '较重', '严重']);
		const kind = r.chance(0.3) ? '违约' : '失信';
		const repaired = r.chance(0.7) ? addDays(date, 30 + r.int(200)) : undefined;
		const repairedOn = repaired && repaired <= lastDay ? repaired : undefined;
		dishonesty.push({
			id: `SX-${date.slice(0, 4)}-${pad(i + 1, 5)}`,
			unitId: u.id,
			date,
			severity,
			kind,
			what:
				kind === '违约'
					? '以负责人调整为由未按协议兑现对企业的奖补承诺，经核实属实'
					: '未按公开承诺时限办结群众诉求，经 12345 热线投诉核实',
			source: r.pick(['法院', '纪委', '网信办', '财政局、工信局']),
			repairedOn,
			repairHow: repairedOn
				? '已整改到位并公开说明情况，向区信用办提交信用修复申请，经审核同意修复'
				: undefined,
		});
	}
	writeFileSync(join(out, 'dishonesty.csv'), csvTable<DishonestyRow>(dishonestyTable).file(dishonesty));

	// Exemplars: at most 2 per recommending unit per year.
	const exDir = join(out, 'exemplars');
	mkdirSync(join(exDir, 'stories'), { recursive: true });
	mkdirSync(join(exDir, 'photos'));
	const photo = readFileSync(join(ROOT, 'data', 'exemplars', 'photos', '2022-001.jpg'));
	const capacity = opts.units * 2;
	if (opts.exemplars > capacity * years.length)
		throw new Error(`${opts.units} 个单位 ${years.length} 年最多推荐 ${capacity * years.length} 名候选人`);
	const candidates: Cells<CandidateRow>[] = [];
	const reviews: Cells<ReviewRow>[] = [];
	const notices: Cells<NoticeRow>[] = [];
	const events: Cells<EventRow>[] = [];
	let made = 0;
	for (let yi = 0; yi < years.length && made < opts.exemplars; yi++) {
		const y = years[yi];
		const quota = Math.min(capacity, Math.ceil((opts.exemplars - made) / (years.length - yi)));
		const noticeId = `GS-${y}-01`;
		const noticeStart = y < 2026 ? `${y + 1}-01-${pad(8 + r.int(5), 2)}` : '2026-12-14';
		notices.push({
			id: noticeId,
			year: y,
			title: `${y} 年度淮安区“政务诚信典型”拟认定人选公示`,
			start: noticeStart,
			docNumber: `淮信用办〔${y + (y < 2026 ? 1 : 0)}〕1号`,
		});
		for (let k = 0; k < quota; k++, made++) {
			const u = units[k % units.length];
			const id = `${y}-${pad(k + 1, 3)}`;
			const name = r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.chance(0.6) ? r.pick([...GIVEN]) : '');
			const gender = r.chance(0.5) ? '男' : '女';
			const unitName = nameOf(u);
			const title = r.pick([
				'窗口前的“承诺书”',
				'一诺千金稳企心',
				'把承诺写在街巷里',
				'欠薪不过夜',
				'说到做到的“较真人”',
			]);
			const recommendedOn = `${y}-${r.chance(0.5) ? '11' : '12'}-${pad(1 + r.int(10), 2)}`;
			const fate = r.next();
			const disqualified = fate < 0.03;
			const failed = !disqualified && fate < 0.06;
			const reviewDate = addDays(recommendedOn, 5 + r.int(5));
			for (const body of ['纪检', '公安', '检察院', '信访'])
				reviews.push({
					candidateId: id,
					body,
					result: disqualified && body === '公安' ? '有记录' : '无记录',
					date: reviewDate,
				});
			const review = disqualified ? undefined : failed ? '未通过' : '通过';
			const noticed = review === '通过';
			candidates.push({
				id,
				year: y,
				name,
				gender,
				unit: unitName,
				position: r.pick(['科长', '副科长', '主任', '副主任', '窗口负责人', '四级主任科员']),
				birth: `${1965 + r.int(30)}-${pad(1 + r.int(12), 2)}`,
				political: r.pick(['中共党员', '群众', '中共预备党员']),
				education: r.pick(['大学本科', '硕士研究生', '大专']),
				category: u.category === 'town' || u.category === 'park' ? '镇街工作人员' : '部门工作人员',
				recommender: u.id,
				contact: `联系人 139${pad(r.int(100_000_000), 8)}`,
				awards: r.chance(0.5) ? `${y - 1} 年度淮安区优秀公务员` : undefined,
				coverage: r.chance(0.3) ? '淮安区融媒体中心专题报道' : undefined,
				title,
				summary: `${name}长期在${unitName}工作，把单位向社会公开的承诺逐项分解到岗位和个人，按期兑现率保持 100%。${name}坚持“说到的事一件不落”，对群众和企业的诉求在承诺时限内全部回复，所在岗位群众满意度连续多年位居全区前列。`,
				opinion: '该同志政治素质过硬，工作作风扎实，近五年无违纪违法记录，同意推荐。',
				recommendedOn,
				photos: `${id}.jpg`,
				photoAlt: `${name}工作照（示意图）`,
				review,
				noticeId: noticed ? noticeId : undefined,
			});
			writeFileSync(join(exDir, 'stories', `${id}.mdx`), story(r, name, unitName, title));
			writeFileSync(join(exDir, 'photos', `${id}.jpg`), photo);
			if (noticed && y < 2026) {
				const e = r.next();
				if (e < 0.03) {
					events.push({
						candidateId: id,
						date: addDays(noticeStart, 2),
						event: '异议',
						detail: '公示期间收到来电反映情况，已请相关单位协助核实',
					});
					events.push({
						candidateId: id,
						date: addDays(noticeStart, 6),
						event: '异议不成立',
						detail: '经核实，反映的问题不属实',
					});
				} else if (e < 0.04) {
					events.push({
						candidateId: id,
						date: addDays(noticeStart, 90),
						event: '异议',
						detail: '收到实名举报，已函请区纪委监委核实',
					});
					events.push({
						candidateId: id,
						date: addDays(noticeStart, 120),
						event: '撤销',
						publicReason:
							'经核实，该同志存在违反工作纪律的问题，不再符合“政务诚信典型”认定条件，依据评选宣传办法第十条撤销其认定。',
						detail: '区纪委监委函复：举报反映的问题属实',
					});
				}
			}
		}
	}
	writeFileSync(join(exDir, 'candidates.csv'), csvTable<CandidateRow>(candidateTable).file(candidates));
	writeFileSync(join(exDir, 'reviews.csv'), csvTable<ReviewRow>(reviewTable).file(reviews));
	writeFileSync(join(exDir, 'notices.csv'), csvTable<NoticeRow>(noticeTable).file(notices));
	writeFileSync(join(exDir, 'events.csv'), csvTable<EventRow>(eventTable).file(events));

	// Commitments: towns, parks and every fourth A-class department.
	const committing = units.filter(
		(u, i) => u.category === 'town' || u.category === 'park' || (u.category === 'A' && i % 4 === 0),
	);
	const categories = base.commitmentCategories;
	const commitments: Cells<CommitmentRow>[] = [];
	const updates: Cells<CommitmentUpdateRow>[] = [];
	const perUnit = new Map<string, number>();
	for (let i = 0; i < opts.commitments; i++) {
		const u = committing[i % committing.length];
		const seq = (perUnit.get(u.id) ?? 0) + 1;
		perUnit.set(u.id, seq);
		const id = `CN-${u.id}-${pad(seq, 4)}`;
		const category = categories[(seq - 1 + r.int(3)) % categories.length];
		const madeOn = dayIn(r, quarterStart(first), lastDay);
		const dueBy = addDays(madeOn, 90 + r.int(640));
		commitments.push({
			id,
			unitId: u.id,
			category,
			content: `${category}领域公开承诺第 ${seq} 项：${r.pick(['限时办结群众诉求', '年内完成设施建设', '按月公开办理进度', '无分歧欠款动态清零', '服务事项一次办好'])}`,
			standardContent: r.pick([
				'热线、信访、网络问政诉求统一登记、限时办理',
				'政策咨询、场地对接、贷款申请代办',
				'日间照料、助餐、助浴服务',
			]),
			standardQuality: r.pick([
				'按期办结率 100%，回访满意率不低于 95%',
				'群众满意度不低于 95%',
				'符合条件的申请 10 个工作日内完成初审',
			]),
			standardDeadline: r.pick(['当年 12 月底前', '常年', '5 个工作日内答复']),
			madeOn,
			dueBy,
		});
		const fate = r.next();
		let d = madeOn;
		const next = (min: number, span: number) => (d = addDays(d, min + r.int(span))) <= lastDay;
		if (fate < 0.6) {
			if (r.chance(0.5) && next(30, 120))
				updates.push({
					commitmentId: id,
					date: d,
					status: '履行中',
					evidence: '工作正常开展，本季度未收到群众投诉',
				});
			if (next(30, 300))
				updates.push({
					commitmentId: id,
					date: d,
					status: '已兑现',
					evidence: '已按承诺完成，结果在单位网站和公开栏公示',
				});
		} else if (fate < 0.7) {
			if (next(30, 200))
				updates.push({
					commitmentId: id,
					date: d,
					status: '依法变更',
					evidence: '因上级政策调整，经集体研究并公告，承诺内容依法变更',
				});
		} else if (fate < 0.75) {
			if (next(60, 400))
				updates.push({
					commitmentId: id,
					date: d,
					status: '未兑现',
					evidence: '因资金未落实，承诺未能按期兑现，已向社会说明',
				});
		} else if (r.chance(0.5) && next(30, 120))
			updates.push({ commitmentId: id, date: d, status: '履行中', evidence: '已完成前期摸底，正在组织实施' });
	}
	mkdirSync(join(out, 'commitments'));
	writeFileSync(
		join(out, 'commitments', 'commitments.csv'),
		csvTable<CommitmentRow>(commitmentTable).file(commitments),
	);
	writeFileSync(
		join(out, 'commitments', 'updates.csv'),
		csvTable<CommitmentUpdateRow>(commitmentUpdateTable).file(updates),
	);

	// Enterprise pledges: about 5 per town or park per year.
	const local = units.filter((u) => u.category === 'town' || u.category === 'park');
	const pledges: Cells<PledgeRow>[] = [];
	const industries = ['环保设备', '建材', '食品', '印刷', '生物科技', '机械制造', '纺织', '物流'];
	for (const y of years)
		for (const u of local)
			for (let k = 0; k < 5; k++) {
				const from = `${y}-01-01` < quarterStart(first) ? quarterStart(first) : `${y}-01-01`;
				const to = `${y}-12-31` > lastDay ? lastDay : `${y}-12-31`;
				if (from > to) continue;
				pledges.push({
					id: `QY-${y}-${pad(pledges.length + 1, 6)}`,
					enterprise: `淮安${r.pick([...PLACE_A])}${r.pick([...GIVEN])}${r.pick(industries)}有限公司`,
					uscc: uscc(r),
					kinds: r.pick(['安全、环保、纳税', '安全', '环保、纳税', '纳税']),
					signedOn: dayIn(r, from, to),
					unitId: u.id,
				});
			}
	writeFileSync(join(out, 'pledges.csv'), csvTable<PledgeRow>(pledgeTable).file(pledges));

	return {
		units: units.length,
		quarters: quarters.length,
		firstQuarter: first,
		lastQuarter: last,
		evidence,
		dishonesty: dishonesty.length,
		candidates: candidates.length,
		commitments: commitments.length,
		updates: updates.length,
		pledges: pledges.length,
	};
}

if (import.meta.main) {
	const { values } = parseArgs({
		options: {
			units: { type: 'string' },
			quarters: { type: 'string' },
			exemplars: { type: 'string' },
			commitments: { type: 'string' },
			out: { type: 'string' },
			seed: { type: 'string' },
			rows: { type: 'string' },
			last: { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
	});
	const usage = `用法：npm run gen:scale -- --units N --quarters Q --exemplars E --commitments C --out DIR [--seed S] [--rows R] [--last 2026-Q3]

生成一个任意规模、格式与 data/ 完全相同且能通过检查的合成数据集（用于性能测试，不用于发布）。
  --units        被评价单位数
  --quarters     季度数（到 --last 为止，默认 2026-Q3）
  --exemplars    诚信典型候选人数（每单位每年至多 2 人）
  --commitments  公开承诺数
  --rows         平均每个单位每季度的评价记录行数（默认 104：120 个单位 × 80 个季度约 100 万行）
  --seed         随机种子（默认 20221122）；参数相同则生成的文件逐字节相同`;
	const num = (v: string | undefined, name: string) => {
		const n = Number(v);
		if (v === undefined || !Number.isInteger(n) || n < 0) {
			console.error(`缺少或错误的参数 --${name}\n\n${usage}`);
			process.exit(2);
		}
		return n;
	};
	if (values.help) {
		console.log(usage);
		process.exit(0);
	}
	if (!values.out) {
		console.error(`缺少参数 --out\n\n${usage}`);
		process.exit(2);
	}
	if (values.last !== undefined && !isQuarterId(values.last)) {
		console.error(`--last 应写作 2026-Q3 这样的季度`);
		process.exit(2);
	}
	const t0 = performance.now();
	const s = generateDataset({
		units: num(values.units, 'units'),
		quarters: num(values.quarters, 'quarters'),
		exemplars: num(values.exemplars, 'exemplars'),
		commitments: num(values.commitments, 'commitments'),
		out: values.out,
		seed: values.seed === undefined ? undefined : num(values.seed, 'seed'),
		rows: values.rows === undefined ? undefined : num(values.rows, 'rows'),
		last: values.last as QuarterId | undefined,
	});
	console.log(
		`已生成 ${values.out}：${s.units} 个单位、${s.quarters} 个季度（${s.firstQuarter}～${s.lastQuarter}）、${s.evidence.toLocaleString('en')} 行评价记录、${s.dishonesty} 条失信记录、${s.candidates} 名候选人、${s.commitments} 项承诺（${s.updates} 条进展）、${s.pledges} 份企业承诺，用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒。`,
	);
}

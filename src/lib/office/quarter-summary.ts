/**
 * A quarter's results summary for the leadership report (`npm run report -- 2023-Q4`): counts by category and grade,
 * the top and bottom units of each category, the grades changed by 失信 records, and the changes since the previous
 * released quarter; for a draft, a preview of every unit with what the quarter still lacks. Plain text in Chinese,
 * computed from the scoring module's results only.
 */
import type { QuarterResult, UnitResult } from '../scoring/score.ts';
import { GRADE_CODES, UNIT_CATEGORY_CODES, type Grade } from '../../schemas/enums.ts';
import { quarterIndex, quarterLabel, type QuarterId } from '../quarters.ts';
import { t } from '../../i18n/zh-CN.ts';
import { gradeSwings, swingWarning, type MissingCells, type Release } from '../releases.ts';

const CATEGORIES = UNIT_CATEGORY_CODES;
const GRADES = GRADE_CODES;
const GRADE_LABEL = t.grade;
/** Best first. */
const ORDER = (g: Grade) => GRADE_CODES.indexOf(g);

/** Tenths of a point as an integer, so sums and averages are exact. */
const tenths = (x: number) => Math.round(x * 10);
const score = (x: number) => x.toFixed(1);
const signed = (tenthsValue: number) =>
	`${tenthsValue > 0 ? '+' : tenthsValue < 0 ? '-' : ''}${(Math.abs(tenthsValue) / 10).toFixed(1)}`;
/** Mean in tenths, rounded half up. */
const meanTenths = (xs: readonly number[]) =>
	Math.floor((2 * xs.reduce((s, x) => s + tenths(x), 0) + xs.length) / (2 * xs.length));

/** Display width of a string (CJK counts 2), for aligned columns in a terminal or a .txt file. */
const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

const unitLine = (u: UnitResult) => `${u.rank}. ${u.name} ${score(u.score)}（${GRADE_LABEL[u.grade]}）`;

/** What the summary needs besides the scores. */
export interface SummaryContext {
	/** The quarters public on the as-of date, with their releases. */
	releases: ReadonlyMap<QuarterId, Release>;
	/** The quarter's unit × indicator cells with no evidence row, by unit (a draft's preview lists them). */
	missing?: readonly MissingCells[];
	/** A unit's name, for the missing cells. */
	unitName?: (id: string) => string;
}

/** The quarter reported and the one it is compared with, as every section of the summary sees them. */
interface Comparison {
	q: QuarterId;
	cur: QuarterResult;
	release: Release | undefined;
	/** The latest released quarter before `q`, if any. */
	prev: QuarterResult | undefined;
	prevById: ReadonlyMap<string, UnitResult>;
	/** How the compared quarter is named: 上季度（…） or 上一个已发布的评价季度（…）; empty without one. */
	prevLabel: string;
	/** Units whose grade rose, or fell, since the compared quarter. */
	up: UnitResult[];
	down: UnitResult[];
	/** Score minus the compared quarter's, in tenths; undefined when the unit was not scored then. */
	diff: (u: UnitResult) => number | undefined;
}

/**
 * The summary's lines. A released quarter is compared with the previous released quarter; a draft (not released on
 * the as-of date) is previewed against the latest released quarter before it, with every unit's score and grade, the
 * cells it still lacks and the grade swings that need a second look, so the office sees it before releasing it.
 * @param quarters every scored quarter (the scoring module's output)
 * @param q the quarter to report
 * @param asOf the build's as-of date
 */
export function quarterSummary(
	quarters: readonly QuarterResult[],
	q: QuarterId,
	asOf: string,
	ctx: SummaryContext,
): string[] {
	const c = compare(quarters, q, ctx.releases);
	return [
		...headerLines(c, asOf, ctx),
		'',
		...overviewLines(c),
		'',
		...categoryLines(c),
		'',
		...rankingLines(c.cur),
		'',
		...overrideLines(c.cur),
		'',
		...changeLines(c),
		...(c.release ? [] : ['', ...previewLines(c)]),
	];
}

function compare(
	quarters: readonly QuarterResult[],
	q: QuarterId,
	releases: ReadonlyMap<QuarterId, Release>,
): Comparison {
	const sorted = [...quarters].sort((a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter));
	const at = sorted.findIndex((r) => r.quarter === q);
	if (at < 0) throw new Error(`${q} 没有评价结果（没有该季度的评价记录文件，或文件中只有空白预填行）`);
	const cur = sorted[at];
	const prev = sorted.slice(0, at).findLast((r) => releases.has(r.quarter));
	const prevById = new Map(prev?.units.map((u) => [u.id, u]) ?? []);
	const diff = (u: UnitResult) => {
		const before = prevById.get(u.id);
		return before ? tenths(u.score) - tenths(before.score) : undefined;
	};
	const prevLabel = prev
		? quarterIndex(prev.quarter) === quarterIndex(q) - 1
			? `上季度（${quarterLabel(prev.quarter)}）`
			: `上一个已发布的评价季度（${quarterLabel(prev.quarter)}）`
		: '';
	const up = cur.units.filter((u) => prevById.has(u.id) && ORDER(u.grade) < ORDER(prevById.get(u.id)!.grade));
	const down = cur.units.filter(
		(u) => prevById.has(u.id) && ORDER(u.grade) > ORDER(prevById.get(u.id)!.grade),
	);
	return { q, cur, release: releases.get(q), prev, prevById, prevLabel, up, down, diff };
}

const count = (units: readonly UnitResult[], g: Grade) => units.filter((u) => u.grade === g).length;

/** Title, rubric and release; for a draft, the evidence cells it still lacks and the grade swings to look at. */
function headerLines({ q, cur, release, prev }: Comparison, asOf: string, ctx: SummaryContext): string[] {
	const out: string[] = [];
	out.push(`${quarterLabel(q)} 政务诚信建设综合信用评价结果摘要${release ? '' : '（草稿预览）'}`);
	out.push(`评价指标：${cur.rubric} 年；数据截至 ${asOf}`);
	// The command, not "登记 in releases.csv": a row typed by hand has no snapshot or fingerprint, a warning only, and
	// the quarter's published results could then change unseen until a later quarter is sealed.
	out.push(
		release
			? `发布：${release.releasedOn}，${release.docNumber}`
			: `状态：草稿，尚未发布，网站上不显示。发布请运行 npm run release -- ${q} --date <发布日期> --doc <文号>（登记发布记录，并写出发布快照和结果指纹）。`,
	);
	if (!release) {
		const missing = ctx.missing ?? [];
		const cells = missing.reduce((n, m) => n + m.indicators.length, 0);
		out.push(
			cells
				? `尚缺 ${missing.length} 个单位的 ${cells} 项评价记录（发布前须补齐：每个单位的每项适用指标至少一行，没有可报的事实就填一行类型为“无”的记录）：`
				: '评价记录已填全：每个单位的每项适用指标都有记录。',
		);
		for (const m of missing)
			out.push(`  ${ctx.unitName?.(m.unitId) ?? m.unitId}（${m.unitId}）：${m.indicators.join('、')}`);
		const warning = swingWarning(
			`${q}（草稿）`,
			gradeSwings(cur, new Map(prev ? [[prev.quarter, prev]] : [])),
			GRADE_LABEL,
		);
		if (warning) out.push(warning);
	}
	return out;
}

/** 一、总体情况: units per grade, and how many rose, fell, joined or left since the compared quarter. */
function overviewLines({ cur, prev, prevById, prevLabel, up, down }: Comparison): string[] {
	const out = [
		'一、总体情况',
		`共评价 ${cur.units.length} 个单位：${GRADES.map((g) => `${GRADE_LABEL[g]} ${count(cur.units, g)} 个`).join('，')}。`,
	];
	if (prev) {
		const curIds = new Set(cur.units.map((u) => u.id));
		const both = cur.units.filter((u) => prevById.has(u.id)).length;
		const added = cur.units.length - both;
		const gone = prev.units.filter((u) => !curIds.has(u.id)).length;
		out.push(
			`与${prevLabel}相比：等次上升 ${up.length} 个，下降 ${down.length} 个，不变 ${both - up.length - down.length} 个` +
				`${added ? `；新参加评价 ${added} 个` : ''}${gone ? `；不再参加评价 ${gone} 个` : ''}。`,
		);
	} else out.push('这是第一个评价季度，没有可比较的上季度结果。');
	return out;
}

/** 二、分类别情况: a table of units, grades and mean score per category, with the mean's change. */
function categoryLines({ cur, prev }: Comparison): string[] {
	const head = [
		'类别',
		'单位数',
		...GRADES.map((g) => GRADE_LABEL[g]),
		'平均分',
		...(prev ? ['较上季度'] : []),
	];
	const widths = [12, 8, 8, 8, 8, 8, 10];
	const row = (cells: string[]) =>
		cells
			.map((c, i) => (i === 0 ? padEnd(c, widths[i]) : padStart(c, widths[i])))
			.join('')
			.trimEnd();
	const out = ['二、分类别情况', row(head)];
	for (const cat of CATEGORIES) {
		const units = cur.units.filter((u) => u.category === cat);
		if (!units.length) continue;
		const avg = meanTenths(units.map((u) => u.score));
		const before = prev?.units.filter((u) => u.category === cat) ?? [];
		out.push(
			row([
				t.category[cat],
				String(units.length),
				...GRADES.map((g) => String(count(units, g))),
				(avg / 10).toFixed(1),
				...(prev ? [before.length ? signed(avg - meanTenths(before.map((u) => u.score))) : '—'] : []),
			]),
		);
	}
	out.push('（平均分为各单位得分的算术平均，保留一位小数。）');
	return out;
}

/** 三、各类别排名: each category's top and bottom three, or all of a category of six or fewer. */
function rankingLines(cur: QuarterResult): string[] {
	const out = ['三、各类别排名（同类单位内排名，同分同名次）'];
	for (const cat of CATEGORIES) {
		const units = cur.units.filter((u) => u.category === cat);
		if (!units.length) continue;
		out.push(`${t.category[cat]}（${units.length} 个）`);
		if (units.length <= 6) out.push(`  名次：${units.map(unitLine).join('；')}`);
		else {
			out.push(`  前三名：${units.slice(0, 3).map(unitLine).join('；')}`);
			out.push(`  后三名：${units.slice(-3).map(unitLine).join('；')}`);
		}
	}
	return out;
}

/** 四、因失信记录调整等次: each unit whose grade a 失信 record changed, with the reasons. */
function overrideLines(cur: QuarterResult): string[] {
	const overridden = cur.units.filter((u) => u.overrides.length);
	const out = [`四、因失信记录调整等次（${overridden.length} 个）`];
	if (!overridden.length) out.push('  无。');
	for (const u of overridden)
		out.push(
			`  ${u.name}：得分 ${score(u.score)}，按得分为${GRADE_LABEL[u.scoreGrade]}，调整为${GRADE_LABEL[u.grade]}。原因：${u.overrides.map((o) => o.reason).join('；')}`,
		);
	return out;
}

/** 五、与上季度相比: the grade moves, the largest score changes, and the units that joined or left. */
function changeLines({ cur, prev, prevById, prevLabel, up, down, diff }: Comparison): string[] {
	if (!prev) return ['五、与上季度相比', '  无可比较的上季度结果。'];
	const out = [`五、与${prevLabel}相比`];
	const move = (u: UnitResult) =>
		`${u.name} ${GRADE_LABEL[prevById.get(u.id)!.grade]} → ${GRADE_LABEL[u.grade]}（${signed(diff(u)!)}）`;
	out.push(`  等次上升：${up.length ? up.map(move).join('；') : '无'}`);
	out.push(`  等次下降：${down.length ? down.map(move).join('；') : '无'}`);
	const changed = cur.units.filter((u) => (diff(u) ?? 0) !== 0);
	const byChange = (dir: 1 | -1) =>
		changed
			.filter((u) => Math.sign(diff(u)!) === dir)
			.sort((a, b) => dir * (diff(b)! - diff(a)!) || (a.id < b.id ? -1 : 1))
			.slice(0, 3)
			.map((u) => `${u.name} ${signed(diff(u)!)}`);
	const rise = byChange(1);
	const fall = byChange(-1);
	out.push(`  得分升幅最大：${rise.length ? rise.join('；') : '无'}`);
	out.push(`  得分降幅最大：${fall.length ? fall.join('；') : '无'}`);
	const curIds = new Set(cur.units.map((u) => u.id));
	const added = cur.units.filter((u) => !prevById.has(u.id));
	const gone = prev.units.filter((u) => !curIds.has(u.id));
	if (added.length) out.push(`  新参加评价：${added.map((u) => u.name).join('、')}`);
	if (gone.length) out.push(`  不再参加评价：${gone.map((u) => u.name).join('、')}`);
	return out;
}

/** 六、各单位得分与等次: a draft's every unit with its score, grade and change, for a look before release. */
function previewLines({ cur, prev, prevById, prevLabel, diff }: Comparison): string[] {
	const out = [`六、各单位得分与等次（草稿预览${prev ? `，较${prevLabel}` : ''}）`];
	for (const u of cur.units) {
		const d = diff(u);
		out.push(
			`  ${padEnd(u.name, 36)}${padEnd(t.category[u.category], 10)}${padStart(score(u.score), 6)}  ${padEnd(GRADE_LABEL[u.grade] + (u.overrides.length ? '＊' : ''), 8)}` +
				`${prev ? `${padStart(d === undefined ? '无' : signed(d), 6)}${d !== undefined && prevById.get(u.id)!.grade !== u.grade ? `（${GRADE_LABEL[prevById.get(u.id)!.grade]} → ${GRADE_LABEL[u.grade]}）` : ''}` : ''}`.trimEnd(),
		);
	}
	out.push('（＊ 表示因失信记录调整了等次。）');
	return out;
}

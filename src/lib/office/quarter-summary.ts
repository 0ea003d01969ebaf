/**
 * A quarter's results summary for the leadership report (`npm run report -- 2023-Q4`): counts by category and grade,
 * the top and bottom units of each category, the grades changed by 失信 records, and the changes since the previous
 * evaluated quarter. Plain text in Chinese, computed from the scoring module's results only.
 */
import type { QuarterResult, UnitResult } from '../scoring/score.ts';
import { GRADE_CODES, UNIT_CATEGORY_CODES, type Grade } from '../../schemas/enums.ts';
import { quarterIndex, quarterLabel, type QuarterId } from '../quarters.ts';
import { t } from '../../i18n/zh-CN.ts';

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

/**
 * The summary's lines.
 * @param quarters every scored quarter (the scoring module's output)
 * @param q the quarter to report
 * @param asOf the build's as-of date
 */
export function quarterSummary(quarters: readonly QuarterResult[], q: QuarterId, asOf: string): string[] {
	const sorted = [...quarters].sort((a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter));
	const at = sorted.findIndex((r) => r.quarter === q);
	if (at < 0) throw new Error(`${q} 没有评价结果（没有该季度的评价记录文件，或文件中只有空白预填行）`);
	const cur = sorted[at];
	const prev = at > 0 ? sorted[at - 1] : undefined;
	const prevById = new Map(prev?.units.map((u) => [u.id, u]) ?? []);
	const curIds = new Set(cur.units.map((u) => u.id));
	const prevLabel = prev
		? quarterIndex(prev.quarter) === quarterIndex(q) - 1
			? `上季度（${quarterLabel(prev.quarter)}）`
			: `上一个评价季度（${quarterLabel(prev.quarter)}）`
		: '';
	const count = (units: readonly UnitResult[], g: Grade) => units.filter((u) => u.grade === g).length;
	const out: string[] = [];

	out.push(`${quarterLabel(q)} 政务诚信建设综合信用评价结果摘要`);
	out.push(`评价指标：${cur.rubric} 年；数据截至 ${asOf}`);
	out.push('');
	out.push('一、总体情况');
	out.push(
		`共评价 ${cur.units.length} 个单位：${GRADES.map((g) => `${GRADE_LABEL[g]} ${count(cur.units, g)} 个`).join('，')}。`,
	);
	const up = cur.units.filter((u) => prevById.has(u.id) && ORDER(u.grade) < ORDER(prevById.get(u.id)!.grade));
	const down = cur.units.filter(
		(u) => prevById.has(u.id) && ORDER(u.grade) > ORDER(prevById.get(u.id)!.grade),
	);
	if (prev) {
		const both = cur.units.filter((u) => prevById.has(u.id)).length;
		const added = cur.units.length - both;
		const gone = prev.units.filter((u) => !curIds.has(u.id)).length;
		out.push(
			`与${prevLabel}相比：等次上升 ${up.length} 个，下降 ${down.length} 个，不变 ${both - up.length - down.length} 个` +
				`${added ? `；新参加评价 ${added} 个` : ''}${gone ? `；不再参加评价 ${gone} 个` : ''}。`,
		);
	} else out.push('这是第一个评价季度，没有可比较的上季度结果。');
	out.push('');

	out.push('二、分类别情况');
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
	out.push(row(head));
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
	out.push('');

	out.push('三、各类别排名（同类单位内排名，同分同名次）');
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
	out.push('');

	const overridden = cur.units.filter((u) => u.overrides.length);
	out.push(`四、因失信记录调整等次（${overridden.length} 个）`);
	if (!overridden.length) out.push('  无。');
	for (const u of overridden)
		out.push(
			`  ${u.name}：得分 ${score(u.score)}，按得分为${GRADE_LABEL[u.scoreGrade]}，调整为${GRADE_LABEL[u.grade]}。原因：${u.overrides.map((o) => o.reason).join('；')}`,
		);
	out.push('');

	out.push(prev ? `五、与${prevLabel}相比` : '五、与上季度相比');
	if (!prev) out.push('  无可比较的上季度结果。');
	else {
		const move = (u: UnitResult) =>
			`${u.name} ${GRADE_LABEL[prevById.get(u.id)!.grade]} → ${GRADE_LABEL[u.grade]}（${signed(tenths(u.change ?? 0))}）`;
		out.push(`  等次上升：${up.length ? up.map(move).join('；') : '无'}`);
		out.push(`  等次下降：${down.length ? down.map(move).join('；') : '无'}`);
		const changed = cur.units.filter((u) => u.change !== null && u.change !== 0);
		const byChange = (dir: 1 | -1) =>
			changed
				.filter((u) => Math.sign(u.change!) === dir)
				.sort((a, b) => dir * (b.change! - a.change!) || (a.id < b.id ? -1 : 1))
				.slice(0, 3)
				.map((u) => `${u.name} ${signed(tenths(u.change!))}`);
		const rise = byChange(1);
		const fall = byChange(-1);
		out.push(`  得分升幅最大：${rise.length ? rise.join('；') : '无'}`);
		out.push(`  得分降幅最大：${fall.length ? fall.join('；') : '无'}`);
		const added = cur.units.filter((u) => !prevById.has(u.id));
		const gone = prev.units.filter((u) => !curIds.has(u.id));
		if (added.length) out.push(`  新参加评价：${added.map((u) => u.name).join('、')}`);
		if (gone.length) out.push(`  不再参加评价：${gone.map((u) => u.name).join('、')}`);
	}
	return out;
}

/** `rubrics/<年>.json`: each year's indicators and how they score. */
import { rubricSchema, type Rubric } from '../../../schemas/rubric.ts';
import type { CheckContext } from '../context.ts';
import { quoteValue } from '../../quote.ts';
import { lineColumn } from '../../text-position.ts';

/**
 * The rubrics by year. A rubric that contradicts itself (wrong year, repeated indicator, unknown group, a cap or a
 * creditTown base above the maximum, grade thresholds out of order) is
 * reported at the top of its file and not used, so its year's evidence cannot be scored.
 */
export function checkRubrics(ctx: CheckContext): Map<number, Rubric> {
	const rubrics = new Map<number, Rubric>();
	for (const name of ctx.files.list('rubrics')) {
		const rel = `rubrics/${name}`;
		const m = name.match(/^(\d{4})\.json$/);
		if (!m) {
			ctx.error(ctx.path(rel), 1, 1, 'file-name', '评价指标文件应按年份命名，如 2022.json');
			continue;
		}
		const rubric = ctx.json(rubricSchema, rel);
		if (!rubric) continue;
		const before = ctx.errorCount;
		// The rubric is published whole (the methodology page, /data/rubrics/): its texts are scanned like a story.
		ctx.publishedJson(rel, rubric);
		// Where the editor shows what a message is about: a key of the file (its first place), or an indicator (its
		// "id" among the indicators, the second of two with one id); the file's first character when not found.
		const raw = new TextDecoder().decode(ctx.files.read(rel));
		const keyAt = (key: string) => Math.max(0, raw.indexOf(`"${key}"`));
		const say =
			(severity: 'error' | 'warn') =>
			(code: string, message: string, at = 0) => {
				const { line, column } = lineColumn(raw, at);
				ctx[severity](ctx.path(rel), line, column, code, message);
			};
		const fail = say('error');
		const warn = say('warn');
		const indicatorAt = (id: string, nth: number) => {
			const re = new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
			re.lastIndex = keyAt('indicators');
			let found = 0;
			for (let hit = re.exec(raw); hit; hit = re.exec(raw)) if (found++ === nth) return hit.index;
			return 0;
		};
		if (rubric.year !== Number(m[1]))
			fail('rubric-year', `文件名是 ${m[1]} 年，但 "year" 是 ${rubric.year}`, keyAt('year'));
		const ids = new Set<string>();
		const seen = new Map<string, number>();
		/** The first indicator id of each number a spreadsheet reads an id as (1.1 and 1.10 are both 1.1). */
		const asNumbers = new Map<number, string>();
		for (const ind of rubric.indicators) {
			const nth = seen.get(ind.id) ?? 0;
			seen.set(ind.id, nth + 1);
			const at = indicatorAt(ind.id, nth);
			if (ids.has(ind.id)) fail('unique-error', `指标编号 ${quoteValue(ind.id)} 重复`, at);
			ids.add(ind.id);
			// Excel and WPS open a CSV's 1.10 as the number 1.1 and save it so: an evidence row of 1.10 becomes one of 1.1,
			// another indicator, and is scored there without a word (a draft quarter is not yet checked for completeness).
			const n = /^\d+(?:\.\d+)?$/.test(ind.id) ? Number(ind.id) : undefined;
			const twin = n === undefined ? undefined : asNumbers.get(n);
			if (twin !== undefined && twin !== ind.id)
				warn(
					'rubric-id-number',
					`指标编号 ${quoteValue(ind.id)} 与 ${quoteValue(twin)} 在 Excel、WPS 中会被读成同一个数（${n}），评价记录表另存后就分不清了：建议改用不会被当成数字的编号（如 ${ind.id.replace('.', '-')}），或在表格中把“指标编号”一列设为文本`,
					at,
				);
			else if (n !== undefined) asNumbers.set(n, ind.id);
			if (!rubric.groups.some((g) => g.id === ind.group))
				fail('foreign-key', `指标 ${ind.id} 的分组 ${quoteValue(ind.group)} 不在 groups 中`, at);
			// Stryker disable next-line ConditionalExpression: only 事项 rules have a cap; comparing an absent one is false.
			if (ind.rule.kind === 'perItem' && ind.rule.cap > ind.max)
				fail('rubric-rule', `指标 ${ind.id} 的封顶分 ${ind.rule.cap} 大于满分 ${ind.max}`, at);
			if (ind.rule.kind === 'deduction' && ind.max !== 0)
				fail('rubric-rule', `指标 ${ind.id} 是纯扣分项，满分应为 0`, at);
			// SPEC 1: a 园区 is "rubric-wise like a town" (seed 002 附件1's "镇、街道考评" are both's): an indicator for one and
			// not the other scores a park unlike a town. A warning, not an error: a year's rubric may mean it (or a data set
			// may have no parks at all), and the office is told rather than stopped.
			const town = ind.appliesTo.includes('town');
			if (town !== ind.appliesTo.includes('park'))
				warn(
					'rubric-park',
					`指标 ${ind.id} 适用于${town ? '镇街而不适用于园区' : '园区而不适用于镇街'}：园区按镇街计分，appliesTo 通常同时有 "town" 和 "park"；确属有意的请核对评价方法的说明`,
					at,
				);
			// The points of a later quarter without 5 new 诚信户 ("无增加计 5 分") are part of the full points, never above.
			// Stryker disable next-line ConditionalExpression: only creditTown rules have a base; comparing an absent one is false.
			if (ind.rule.kind === 'creditTown' && ind.rule.base > ind.max)
				fail(
					'rubric-rule',
					`指标 ${ind.id} 没有新增“诚信户”时计的 ${ind.rule.base} 分（base）大于满分 ${ind.max}`,
					at,
				);
		}
		// Seed 002 三(二): 红名单 85 分（含）以上, 蓝名单 60 分（含）以上; thresholds the wrong way round, or outside 0–100,
		// would grade every unit without a word (a blue that no score reaches, a yellow that none falls to).
		const { red, blue } = rubric.thresholds;
		if (!(0 < blue && blue < red && red <= 100))
			fail(
				'rubric-rule',
				`等次分数线应满足 0 < 蓝名单分数线 < 红名单分数线 ≤ 100，现为红名单 ${red}、蓝名单 ${blue}`,
				keyAt('thresholds'),
			);
		if (ctx.errorCount === before) rubrics.set(rubric.year, rubric);
	}
	if (ctx.files.list('rubrics').length === 0)
		ctx.error(ctx.path('rubrics/'), 1, 1, 'missing-file', '缺少评价指标文件 rubrics/<年>.json');
	return rubrics;
}

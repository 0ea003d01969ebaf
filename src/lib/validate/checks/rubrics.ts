/** `rubrics/<年>.json`: each year's indicators and how they score. */
import { rubricSchema, type Rubric } from '../../../schemas/rubric.ts';
import type { CheckContext } from '../context.ts';
import { quoteValue } from '../../quote.ts';

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
		const fail = (code: string, message: string) => ctx.error(ctx.path(rel), 1, 1, code, message);
		if (rubric.year !== Number(m[1])) fail('rubric-year', `文件名是 ${m[1]} 年，但 "year" 是 ${rubric.year}`);
		const ids = new Set<string>();
		for (const ind of rubric.indicators) {
			if (ids.has(ind.id)) fail('unique-error', `指标编号 ${quoteValue(ind.id)} 重复`);
			ids.add(ind.id);
			if (!rubric.groups.some((g) => g.id === ind.group))
				fail('foreign-key', `指标 ${ind.id} 的分组 ${quoteValue(ind.group)} 不在 groups 中`);
			// Stryker disable next-line ConditionalExpression: only 事项 rules have a cap; comparing an absent one is false.
			if (ind.rule.kind === 'perItem' && ind.rule.cap > ind.max)
				fail('rubric-rule', `指标 ${ind.id} 的封顶分 ${ind.rule.cap} 大于满分 ${ind.max}`);
			if (ind.rule.kind === 'deduction' && ind.max !== 0)
				fail('rubric-rule', `指标 ${ind.id} 是纯扣分项，满分应为 0`);
			// The points of a later quarter without 5 new 诚信户 ("无增加计 5 分") are part of the full points, never above.
			if (ind.rule.kind === 'creditTown' && ind.rule.base > ind.max)
				fail(
					'rubric-rule',
					`指标 ${ind.id} 没有新增“诚信户”时计的 ${ind.rule.base} 分（base）大于满分 ${ind.max}`,
				);
		}
		// Seed 002 三(二): 红名单 85 分（含）以上, 蓝名单 60 分（含）以上; thresholds the wrong way round, or outside 0–100,
		// would grade every unit without a word (a blue that no score reaches, a yellow that none falls to).
		const { red, blue } = rubric.thresholds;
		if (!(0 < blue && blue < red && red <= 100))
			fail(
				'rubric-rule',
				`等次分数线应满足 0 < 蓝名单分数线 < 红名单分数线 ≤ 100，现为红名单 ${red}、蓝名单 ${blue}`,
			);
		if (ctx.errorCount === before) rubrics.set(rubric.year, rubric);
	}
	if (ctx.files.list('rubrics').length === 0)
		ctx.error(ctx.path('rubrics/'), 1, 1, 'missing-file', '缺少评价指标文件 rubrics/<年>.json');
	return rubrics;
}

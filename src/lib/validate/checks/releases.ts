/**
 * `releases/releases.csv`: which quarters the office has released, when and by which document. A release is checked
 * against the quarter it releases: the quarter has an evidence file, the release is dated after the quarter ended,
 * and the quarter is complete — every unit that existed in it has a row for every indicator that applies to it (a
 * fact, or a 无 row saying there was nothing to report), so that a half-filled file can never go public.
 */
import { releaseTable, type ReleaseRow } from '../../../schemas/release.ts';
import type { Rubric } from '../../../schemas/rubric.ts';
import type { UnitNameRow } from '../../../schemas/unit.ts';
import { quarterEnd } from '../../quarters.ts';
import { missingCells } from '../../releases.ts';
import { nameInQuarter } from '../../units/names.ts';
import type { Located } from '../read-table.ts';
import { quoteValue } from '../../quote.ts';
import type { CheckContext } from '../context.ts';
import type { Evidence } from './evidence.ts';
import type { Units } from './units.ts';

/** The valid release rows: one per quarter, each of a complete quarter with an evidence file. */
export function checkReleases(
	ctx: CheckContext,
	refs: {
		units: Units;
		names: readonly Located<UnitNameRow>[];
		rubrics: Map<number, Rubric>;
		evidence: readonly Located<Evidence>[];
	},
): Located<ReleaseRow>[] {
	const rows = ctx.unique(
		ctx.table<ReleaseRow>(releaseTable, releaseTable.path, true).records,
		['quarter'],
		'发布的季度',
	);
	const quarterFiles = new Set(ctx.files.list('evidence'));
	const byQuarter = Map.groupBy(refs.evidence, (e) => e.value.quarter);
	const unitRows = refs.units.rows.map((u) => u.value);
	const names = refs.names.map((n) => n.value);
	return ctx.keep(rows, (r) => {
		const { quarter, releasedOn } = r.value;
		const file = `evidence/${quarter}.csv`;
		if (!quarterFiles.has(`${quarter}.csv`)) {
			ctx.at(r, 'quarter', 'foreign-key', `发布的季度 ${quarter} 没有评价记录文件 ${ctx.path(file)}`);
			return false;
		}
		if (releasedOn <= quarterEnd(quarter))
			ctx.at(
				r,
				'releasedOn',
				'date-order',
				`发布日期 ${releasedOn} 不晚于 ${quarter} 的最后一天 ${quarterEnd(quarter)}：季度结束后才能发布评价结果`,
			);
		const rubric = refs.rubrics.get(Number(quarter.slice(0, 4)));
		// A quarter whose file or rubric has errors is not judged complete or not: its own errors come first, and
		// each cell of its refused rows would otherwise be reported a second time as missing.
		if (!rubric || ctx.issues.some((i) => i.severity === 'error' && i.file === ctx.path(file))) return false;
		for (const m of missingCells(
			quarter,
			rubric,
			unitRows,
			(byQuarter.get(quarter) ?? []).map((e) => e.value),
		)) {
			const unit = refs.units.byId.get(m.unitId)!.value;
			ctx.at(
				r,
				'quarter',
				'release-incomplete',
				`${quarter} 已登记发布，但${quoteValue(nameInQuarter(names, unit, quarter))}（${m.unitId}）缺少指标 ${m.indicators.join('、')} 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录；尚未填完的季度请先删去这一行发布记录`,
			);
		}
		return true;
	});
}

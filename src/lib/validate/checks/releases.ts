/**
 * `releases/releases.csv`: which quarters the office has released, when and by which document. A release is checked
 * against the quarter it releases: the quarter has an evidence file, the release is dated after the quarter ended,
 * and the quarter is complete — every unit that existed in it has a row for every indicator that applies to it (a
 * fact, or a 无 row saying there was nothing to report), so that a half-filled file can never go public.
 */
import { releaseTable, snapshotSchema, type ReleaseRow } from '../../../schemas/release.ts';
import { fingerprintOf, type CanonicalQuarter } from '../../ledger/canonical.ts';
import type { Rubric } from '../../../schemas/rubric.ts';
import type { UnitNameRow } from '../../../schemas/unit.ts';
import { isQuarterId, quarterEnd, type QuarterId } from '../../quarters.ts';
import { missingCells, type MissingCells } from '../../releases.ts';
import { unitExistsIn } from '../../scoring/score.ts';
import { nameInQuarter } from '../../units/names.ts';
import type { Located } from '../read-table.ts';
import { quoteValue } from '../../quote.ts';
import type { CheckContext } from '../context.ts';
import type { Evidence } from './evidence.ts';
import { categoryLabel, type Units } from './units.ts';

/**
 * What a unit of an incomplete quarter lacks, in the words of the validator and of `npm run release`:
 * `“甲镇”（jz）缺少指标 1.1、3.6 的评价记录：每个单位的每项适用指标至少要有一行，……`.
 */
export function missingCellsText(name: string, m: MissingCells): string {
	return `${quoteValue(name)}（${m.unitId}）缺少指标 ${m.indicators.join('、')} 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录`;
}

/**
 * The valid release rows: one per quarter, each of a complete quarter with an evidence file; and every quarter the
 * file names, valid row or not (a snapshot of a quarter whose row has an error is not reported again as orphaned).
 */
export function checkReleases(
	ctx: CheckContext,
	refs: {
		units: Units;
		names: readonly Located<UnitNameRow>[];
		rubrics: Map<number, Rubric>;
		evidence: readonly Located<Evidence>[];
	},
): { rows: Located<ReleaseRow>[]; declared: Set<string> } {
	const file = ctx.table<ReleaseRow>(releaseTable, releaseTable.path, true, { declare: ['quarter'] });
	const rows = ctx.unique(file.records, ['quarter'], '发布的季度');
	const quarterFiles = new Set(ctx.files.list('evidence'));
	const byQuarter = Map.groupBy(refs.evidence, (e) => e.value.quarter);
	const unitRows = refs.units.rows.map((u) => u.value);
	const names = refs.names.map((n) => n.value);
	const valid = ctx.keep(rows, (r) => {
		const { quarter, releasedOn } = r.value;
		const file = `evidence/${quarter}.csv`;
		if (!quarterFiles.has(`${quarter}.csv`)) {
			ctx.at(r, 'quarter', 'foreign-key', `发布的季度 ${quarter} 没有评价记录文件 ${ctx.path(file)}`);
			// Stryker disable next-line BooleanLiteral: an error was just reported, so keep() drops the row whatever this returns.
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
		// A category of unit that the year's rubric gives no points to (no indicator applies, or only 0-point ones)
		// has nothing to divide by: each of its units would be published with 0 分 and 黄名单. Only a category with a
		// unit in the quarter matters: a rubric need not speak of categories the district does not have.
		if (rubric)
			for (const [category, units] of Map.groupBy(
				unitRows.filter((u) => unitExistsIn(u, quarter)),
				(u) => u.category,
			)) {
				const max = rubric.indicators
					.filter((i) => i.appliesTo.includes(category))
					.reduce((s, i) => s + i.max, 0);
				if (max <= 0)
					ctx.at(
						r,
						'quarter',
						'release-incomplete',
						`${quarter} 已登记发布，但 ${rubric.year} 年的评价指标没有适用于${categoryLabel(category)}单位的指标（满分之和为 0），${units.map((u) => quoteValue(nameInQuarter(names, u, quarter))).join('、')}无法计分：请在 rubrics/${rubric.year}.json 中为这类单位填写适用的指标`,
					);
			}
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
				`${quarter} 已登记发布，但${missingCellsText(nameInQuarter(names, unit, quarter), m)}；尚未填完的季度请先删去这一行发布记录`,
			);
		}
		return true;
	});
	return { rows: valid, declared: file.declared('quarter') };
}

/** A release's snapshot: the canonical results written at release, whose SHA-256 the release row records. */
export interface Sealed {
	quarter: QuarterId;
	/** The release row and where it stands, as plain data: the dataset is serialised between build stages. */
	release: { value: ReleaseRow; file: string; line: number; column: number };
	snapshot: CanonicalQuarter;
}

/** The snapshot file of a released quarter. */
export const snapshotPath = (q: QuarterId) => `releases/${q}.json`;

/**
 * The snapshots of the releases (`releases/<季度>.json`), each checked against its release row: the file's SHA-256
 * must be the row's 结果指纹, so a snapshot edited by hand (or a fingerprint typed over) is refused and nothing
 * published can be compared with a doctored past. A release with neither snapshot nor fingerprint is accepted with a
 * warning (the releases before the ledger existed), naming the command that seals it — unless a later quarter is
 * sealed: the ledger existed by then, and a snapshot and fingerprint deleted to change a published result unseen is
 * what an unsealed quarter before a sealed one looks like. A snapshot no release row names is an error.
 */
export function checkSnapshots(
	ctx: CheckContext,
	releases: { rows: readonly Located<ReleaseRow>[]; declared: ReadonlySet<string> },
): Map<QuarterId, Sealed> {
	const out = new Map<QuarterId, Sealed>();
	const files = new Set(ctx.files.list('releases').filter((n) => n.endsWith('.json')));
	// Without releases.csv (its own error) no snapshot is called an orphan, nor an unread file.
	const orphans = ctx.files.read(releaseTable.path) ? files : new Set<string>();
	// Stryker disable next-line ConditionalExpression: with releases.csv there, each snapshot below is marked read or named in an error anyway.
	if (!orphans.size) for (const name of files) ctx.read.add(`releases/${name}`);
	for (const name of orphans) {
		const q = name.slice(0, -5);
		// The snapshot of a release row with an error of its own is known, not unread: the row's error says enough.
		if (releases.declared.has(q)) ctx.read.add(`releases/${name}`);
		else
			ctx.error(
				ctx.path(`releases/${name}`),
				1,
				1,
				'foreign-key',
				isQuarterId(q)
					? `发布快照 ${name} 所属的季度 ${q} 在 releases/releases.csv 中没有发布记录：快照只能由 npm run release 写出，请删去这个文件或补上发布记录`
					: `releases/ 下的 JSON 文件只能是发布快照，文件名为季度（如 2024-Q1.json），“${name}” 不是`,
			);
	}
	const sealedQuarters = releases.rows
		.filter((r) => r.value.fingerprint || files.has(`${r.value.quarter}.json`))
		.map((r) => r.value.quarter);
	const lastSealed = sealedQuarters.reduce<string | undefined>((a, q) => (a && a > q ? a : q), undefined);
	for (const r of releases.rows) {
		const { quarter, fingerprint } = r.value;
		const rel = snapshotPath(quarter);
		const bytes = files.has(`${quarter}.json`) ? ctx.files.read(rel) : undefined;
		if (!bytes && !fingerprint) {
			// Stryker disable next-line LogicalOperator,StringLiteral: releases.csv is refused without its 季度 column, so it has one.
			const column = r.col('quarter') || 1;
			if (lastSealed && lastSealed > quarter)
				ctx.error(
					r.file,
					r.line,
					column,
					'release-unsealed',
					`${quarter} 已发布，却没有发布快照和结果指纹，而此后的 ${lastSealed} 已经封存：封存之后，已发布季度的快照和指纹不能删去，否则公布的结果可以不留痕迹地改动。如是误删，请从版本库恢复 ${ctx.path(rel)} 和这一行的结果指纹；如这一季度确实从未封存，请运行 npm run release -- ${quarter} --seal`,
				);
			else
				ctx.warn(
					r.file,
					r.line,
					column,
					'release-unsealed',
					`${quarter} 已发布，但还没有发布快照和结果指纹，以后的改动无法核对：请运行 npm run release -- ${quarter} --seal，并提交它写出的 ${ctx.path(rel)} 和这一行的结果指纹`,
				);
			continue;
		}
		if (!bytes) {
			ctx.at(
				r,
				'fingerprint',
				'missing-file',
				`${quarter} 的结果指纹对应的发布快照 ${ctx.path(rel)} 不存在：请从版本库恢复这个文件（发布快照一经写出不再改动）`,
			);
			continue;
		}
		const actual = fingerprintOf(bytes);
		// Not "run --seal": the seal refuses a dataset with this error, and the message would send the clerk in a circle.
		if (!fingerprint) {
			ctx.at(
				r,
				'fingerprint',
				'fingerprint-mismatch',
				`${quarter} 有发布快照 ${ctx.path(rel)}，但这一行没有结果指纹（npm run release 写出快照时同时填写指纹，它被删去了）：请从版本库恢复这一行的结果指纹；快照没有改动过时，指纹就是它现在的 SHA-256：${actual}`,
			);
			continue;
		}
		if (actual !== fingerprint) {
			ctx.at(
				r,
				'fingerprint',
				'fingerprint-mismatch',
				`${ctx.path(rel)} 的 SHA-256 是 ${actual}，与 ${quarter} 发布时记录的结果指纹 ${fingerprint} 不符：发布快照被改动过。发布快照不能修改，请从版本库恢复它；已发布结果的变化要记入 releases/corrections.csv`,
			);
			continue;
		}
		const snapshot = ctx.json(snapshotSchema, rel) as CanonicalQuarter | undefined;
		if (!snapshot) continue;
		if (snapshot.quarter !== quarter)
			ctx.error(
				ctx.path(rel),
				1,
				1,
				'file-name',
				`发布快照 ${rel} 写的是季度 ${snapshot.quarter}，与文件名不符`,
			);
		else
			out.set(quarter, {
				quarter,
				// Stryker disable next-line LogicalOperator,StringLiteral: releases.csv is refused without its 季度 column, so it has one.
				release: { value: r.value, file: r.file, line: r.line, column: r.col('quarter') || 1 },
				snapshot,
			});
	}
	return out;
}

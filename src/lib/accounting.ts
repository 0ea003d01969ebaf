/**
 * Nothing lost: for every input file, rows read = rows published + rows deliberately not published (each with the
 * rule that withholds it) + rows refused by the validator. The build prints this after every run and fails if a
 * single row is unaccounted for.
 */
import type { Dataset } from './validate/dataset.ts';
import { exemplarPublication, lifecycles } from './exemplars/publish.ts';
import { STAGE_LABELS } from './exemplars/lifecycle.ts';
import { publicReleases } from './releases.ts';
import { objectionWithheld } from './objections/public.ts';
import { unitSetUp } from './units/names.ts';

/** Where the rows of one input file went. */
export interface FileAccount {
	file: string;
	rowsIn: number;
	published: number;
	/** Rows kept off the site on purpose, counted per rule. */
	withheld: { rule: string; count: number }[];
	/** Rows the validator refused (each named in an error; a build never gets here with any). */
	refused: number;
}

const add = (list: FileAccount['withheld'], rule: string, n = 1) => {
	if (n === 0) return;
	const hit = list.find((w) => w.rule === rule);
	if (hit) hit.count += n;
	else list.push({ rule, count: n });
};

/** Accounts for every row of every table file of a validated dataset on the as-of date. */
export function accountRows(d: Dataset, asOf: string): FileAccount[] {
	const publication = exemplarPublication(d, asOf);
	const publicCandidates = new Set(publication.exemplars.map((e) => e.id));
	const startedNotices = new Set(publication.notices.map((n) => n.id));
	const stages = lifecycles(d, asOf);
	const released = publicReleases(
		d.releases.map((r) => r.value),
		asOf,
	);
	// Rows grouped by file once: an evidence family has one file per quarter, and filtering every row for every file
	// would be quadratic on a city-sized dataset.
	const byFile = new Map<string, unknown[]>();
	for (const rows of [d.evidence, d.candidates, d.reviews, d.notices, d.events] as {
		file: string;
		value: unknown;
	}[][])
		for (const r of rows) {
			const list = byFile.get(r.file);
			if (list) list.push(r.value);
			else byFile.set(r.file, [r.value]);
		}
	return d.files.map((f) => {
		const account: FileAccount = {
			file: f.file,
			rowsIn: f.rowsIn,
			published: 0,
			withheld: [],
			refused: f.rowsIn - f.rowsValid,
		};
		const inFile = <T>() => (byFile.get(f.file) ?? []) as T[];
		/** The file's valid rows `withheld` holds back (with `rule`) are withheld, the rest published. */
		const publishAllBut = <T>(
			rows: readonly { file: string; value: T }[],
			withheld: (v: T) => boolean,
			rule: string,
		) => {
			const n = rows.filter((r) => r.file === f.file && withheld(r.value)).length;
			account.published = f.rowsValid - n;
			add(account.withheld, rule, n);
		};
		switch (f.table) {
			case 'evidence': {
				const rows = inFile<Dataset['evidence'][number]['value']>();
				const quarter = rows[0]?.quarter;
				if (quarter && !released.has(quarter)) {
					const release = d.releases.find((r) => r.value.quarter === quarter)?.value;
					add(
						account.withheld,
						release
							? `季度 ${quarter} 的发布日期 ${release.releasedOn} 晚于截至日期：到那一天才公开`
							: `季度 ${quarter} 尚未发布（草稿）：releases/releases.csv 中没有它的发布记录`,
						rows.length,
					);
				} else account.published = rows.length;
				add(account.withheld, '空白预填行：尚未填写，不计分、不发布', f.placeholders ?? 0);
				break;
			}
			case 'releases':
				publishAllBut(d.releases, (r) => r.releasedOn > asOf, '发布日期晚于截至日期：到那一天才公开');
				break;
			case 'candidates':
				for (const c of inFile<Dataset['candidates'][number]['value']>())
					if (publicCandidates.has(c.id)) account.published++;
					else
						add(
							account.withheld,
							`候选人处于"${STAGE_LABELS[stages.get(c.id)!.stage]}"：公示开始前或资格取消的候选人不公开（SPEC 2）`,
						);
				break;
			case 'reviews':
				add(
					account.withheld,
					'信用审查细节永不公开，只体现为候选人是否进入评审（seed 000 第七条；个人信息保护）',
					inFile<Dataset['reviews'][number]['value']>().length,
				);
				break;
			case 'notices':
				for (const n of inFile<Dataset['notices'][number]['value']>())
					if (startedNotices.has(n.id)) account.published++;
					else if (n.start > asOf) add(account.withheld, '公示尚未开始');
					else add(account.withheld, '公示中没有候选人');
				break;
			case 'events':
				for (const e of inFile<Dataset['events'][number]['value']>())
					// The event that ended a public candidate's course on the as-of date (a revocation, or an upheld
					// objection, with or without a public reason) is published as the candidate's 已撤销 / 未予认定 and its
					// date: exactly what the check after the build counts (published-rows.ts, revokedOn).
					if (
						(e.event === 'revoked' || e.event === 'objection-upheld') &&
						publicCandidates.has(e.candidateId) &&
						stages.get(e.candidateId)?.endedOn === e.date
					)
						account.published++;
					else if (e.date > asOf) add(account.withheld, '日期晚于截至日期：到那一天才公开');
					else
						add(
							account.withheld,
							'异议内容和核实过程不公开，只公开由此产生的状态（公示中/待核实、未予认定）',
						);
				break;
			case 'commitment-updates': {
				// A step dated after the as-of date has not happened yet on the site (src/lib/commitments/status.ts):
				// it is published on its date.
				publishAllBut(d.commitmentUpdates, (u) => u.date > asOf, '进展日期晚于截至日期：到那一天才公开');
				break;
			}
			case 'corrections': {
				// A correction of a quarter not yet public goes public with it.
				publishAllBut(
					d.corrections,
					(c) => !released.has(c.quarter),
					'更正的季度尚未公开：与该季度的结果同时公开',
				);
				break;
			}
			case 'objections':
				for (const { value: o } of d.objections) {
					const why = objectionWithheld(o, asOf, publicCandidates);
					if (why) add(account.withheld, why);
					else account.published++;
				}
				break;
			case 'commitments': {
				// Made after the as-of date: not made yet for this build (src/lib/commitments/status.ts).
				publishAllBut(d.commitments, (c) => c.madeOn > asOf, '承诺日期晚于截至日期：到那一天才公开');
				break;
			}
			case 'dishonesty':
				publishAllBut(d.dishonesty, (r) => r.date > asOf, '失信记录的日期晚于截至日期：到那一天才公开');
				break;
			case 'pledges':
				publishAllBut(d.pledges, (p) => p.signedOn > asOf, '签订日期晚于截至日期：到那一天才公开');
				break;
			case 'units':
				// Set up after the as-of date: not on the site until its day (src/lib/units/names.ts, unitAsOf).
				publishAllBut(d.units, (u) => !unitSetUp(u, asOf), '设立日期晚于截至日期：到那一天才公开');
				break;
			case 'unit-names': {
				const later = new Set(d.units.filter((u) => !unitSetUp(u.value, asOf)).map((u) => u.value.id));
				publishAllBut(
					d.unitNames,
					(n) => later.has(n.unitId) || !unitSetUp(n, asOf),
					'单位设立或启用名称的日期晚于截至日期：到那一天才公开',
				);
				break;
			}
			case 'calendar':
				add(account.withheld, '节假日安排只用于计算公示的工作日，不单独发布', f.rowsValid);
				break;
			default:
				account.published = f.rowsValid;
		}
		return account;
	});
}

/** Whether every row of a file is accounted for. */
export const balanced = (a: FileAccount): boolean =>
	a.rowsIn === a.published + a.refused + a.withheld.reduce((s, w) => s + w.count, 0);

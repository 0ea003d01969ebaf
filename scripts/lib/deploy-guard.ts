/**
 * The release snapshots of the site being replaced, held to the new build's before it goes out (`npm run
 * deploy:check`). The build already refuses any change of a released quarter that a correction does not explain, by
 * holding the results to the snapshot in `data/releases/`; what it cannot see from the data alone is the latest
 * quarter's snapshot and fingerprint deleted together and the quarter sealed again (or its release row deleted and
 * released again): nothing later is there to compare. The site already online is: a snapshot it has published must
 * reach the new site byte for byte.
 */
import { createHash } from 'node:crypto';

/** A snapshot's file name: `2026-Q3.json`. */
export const SNAPSHOT_NAME = /^\d{4}-Q[1-4]\.json$/;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * The problems of replacing a site that published the snapshots `live` with one publishing `next` (file name → bytes),
 * in the quarters' order: a snapshot gone, or changed. Quarters in `allow` are let through (a release withdrawn on
 * purpose), each said in `allowed`.
 */
export function compareSnapshots(
	live: ReadonlyMap<string, Uint8Array>,
	next: ReadonlyMap<string, Uint8Array>,
	allow: ReadonlySet<string> = new Set(),
): { problems: string[]; allowed: string[]; checked: number } {
	const problems: string[] = [];
	const allowed: string[] = [];
	let checked = 0;
	for (const name of [...live.keys()].filter((n) => SNAPSHOT_NAME.test(n)).sort()) {
		const quarter = name.slice(0, -'.json'.length);
		const before = live.get(name)!;
		const after = next.get(name);
		if (after && Buffer.compare(before, after) === 0) {
			checked++;
			continue;
		}
		const what = after
			? `发布快照与网站上现有的不同（结果指纹 ${sha256(before)} → ${sha256(after)}）`
			: '发布快照在新构建的网站中不存在（网站上现有的结果指纹 ' + sha256(before) + '）';
		if (allow.has(quarter)) {
			allowed.push(`注意：${quarter} 的${what}；已按 --allow ${quarter} 放行。`);
			continue;
		}
		problems.push(
			`${quarter}：${what}。已发布季度的快照一经公布不能改动或撤回；结果确需改动的，请用更正` +
				`（npm run release -- ${quarter} --correct --date <更正日期> --doc <文号> --reason <理由>），快照保持不变。` +
				`确属撤回发布的，由负责人确认后加 --allow ${quarter} 再运行。`,
		);
	}
	return { problems, allowed, checked };
}

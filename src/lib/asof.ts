/**
 * The one as-of date that drives every date-dependent state (公示 status, overdue commitments, point expiry):
 * `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when set, else now; as a date in Asia/Shanghai.
 */

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Asia/Shanghai',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
});

/** The date (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export function shanghaiDate(ms: number): string {
	return SHANGHAI.format(new Date(ms));
}

/**
 * When this process started (when this module was first loaded): "today" is read once per process, so that a run
 * across midnight in Shanghai (a report, a stage of the build) does not work as of one day for its first part and the
 * next day for the rest.
 */
const STARTED = Date.now();

/** The build's as-of date from the environment; throws on a malformed SOURCE_DATE_EPOCH rather than guessing. */
export function asOfDate(env: Record<string, string | undefined> = process.env, now = STARTED): string {
	const epoch = env.SOURCE_DATE_EPOCH;
	if (epoch !== undefined && epoch !== '') {
		if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH 应为整数秒数，而不是 "${epoch}"`);
		return shanghaiDate(Number(epoch) * 1000);
	}
	return shanghaiDate(now);
}

/**
 * `SOURCE_DATE_EPOCH` for the stages of one build, which run as separate processes: the value given, else the
 * instant the build started, fixed once. Each stage reading the clock itself gave a build running across midnight in
 * Shanghai two as-of dates (the stages before midnight scored for one day, the site after it refused those scores as
 * computed for another date, and the build failed). A given value is passed on as it is, so that a malformed one is
 * still reported by the stage that reads it.
 */
export function buildEpoch(env: Record<string, string | undefined> = process.env, now = STARTED): string {
	const epoch = env.SOURCE_DATE_EPOCH;
	return epoch !== undefined && epoch !== '' ? epoch : String(Math.floor(now / 1000));
}

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

/**
 * The last second whose date in Asia/Shanghai is written `YYYY-MM-DD`: 9999-12-31 23:59:59 (+08:00). Every date of the
 * site is four digits of year and compared as text, so a later as-of date ("10000-01-01") is not a date at all here:
 * compared as text it falls before 2026-…, and its year read from the first four characters is 1000.
 */
const LAST_EPOCH = Date.UTC(9999, 11, 31, 15, 59, 59) / 1000;

/** The build's as-of date from the environment; throws on a malformed SOURCE_DATE_EPOCH rather than guessing. */
export function asOfDate(env: Record<string, string | undefined> = process.env, now = STARTED): string {
	const epoch = env.SOURCE_DATE_EPOCH;
	if (epoch !== undefined && epoch !== '') {
		if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH 应为整数秒数，而不是 "${epoch}"`);
		// Past 9999-12-31 in Shanghai: a five-digit year (from 253402272000), or beyond what a Date holds (RangeError
		// "Invalid time value", in English, from 8640000000001 on). Said here, in Chinese, rather than either.
		if (Number(epoch) > LAST_EPOCH)
			throw new Error(
				`SOURCE_DATE_EPOCH "${epoch}" 超出了上海时间 9999 年 12 月 31 日（最大 ${LAST_EPOCH}），不是可用的截至日期`,
			);
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

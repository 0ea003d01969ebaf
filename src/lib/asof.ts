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

/** The build's as-of date from the environment; throws on a malformed SOURCE_DATE_EPOCH rather than guessing. */
export function asOfDate(env: Record<string, string | undefined> = process.env, now = Date.now()): string {
	const epoch = env.SOURCE_DATE_EPOCH;
	if (epoch !== undefined && epoch !== '') {
		if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH 应为整数秒数，而不是 "${epoch}"`);
		return shanghaiDate(Number(epoch) * 1000);
	}
	return shanghaiDate(now);
}

/**
 * The build's one as-of date: SOURCE_DATE_EPOCH when set, else today in Shanghai, fixed once for every stage.
 */
import { describe, expect, it, vi } from 'vitest';
import { asOfDate, buildEpoch } from '../../src/lib/asof.ts';

// 2026-11-22 23:59:59.500 in Shanghai (UTC+8).
const lastSecond = Date.UTC(2026, 10, 22, 15, 59, 59, 500);

describe('as-of date', () => {
	it('is the date in Shanghai, not in UTC', () => {
		expect(asOfDate({}, lastSecond)).toBe('2026-11-22');
		expect(asOfDate({}, lastSecond + 1000)).toBe('2026-11-23');
		expect(asOfDate({ SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 22, 16) / 1000) })).toBe('2026-11-23');
	});

	it('refuses a SOURCE_DATE_EPOCH that is not whole seconds rather than guessing', () => {
		expect(() => asOfDate({ SOURCE_DATE_EPOCH: '2026-11-22' })).toThrow('SOURCE_DATE_EPOCH 应为整数秒数');
		// Set but empty (as CI templates leave it): not set, so today in Shanghai.
		expect(asOfDate({ SOURCE_DATE_EPOCH: '' }, Date.UTC(2026, 10, 22, 16))).toBe('2026-11-23');
	});

	it('refuses a SOURCE_DATE_EPOCH past 9999-12-31 in Shanghai, in Chinese, rather than a five-digit year or RangeError', () => {
		// 253402271999 = 9999-12-31T15:59:59Z = 9999-12-31 23:59:59 in Shanghai: the last usable second.
		expect(asOfDate({ SOURCE_DATE_EPOCH: '253402271999' })).toBe('9999-12-31');
		// One second later it is 10000-01-01 in Shanghai (still 9999-12-31 in UTC): the old code returned "10000-01-01",
		// whose year read as text is 1000 and which sorts before every date of the data.
		expect(() => asOfDate({ SOURCE_DATE_EPOCH: '253402272000' })).toThrow(
			'SOURCE_DATE_EPOCH "253402272000" 超出了上海时间 9999 年 12 月 31 日（最大 253402271999），不是可用的截至日期',
		);
		// Beyond what a Date holds (8.64e12 s): the old code threw RangeError "Invalid time value", which the build
		// printed as "构建被拒绝：Invalid time value".
		expect(() => asOfDate({ SOURCE_DATE_EPOCH: '99999999999999' })).toThrow(
			'超出了上海时间 9999 年 12 月 31 日',
		);
		expect(() => asOfDate({ SOURCE_DATE_EPOCH: '9'.repeat(400) })).toThrow(
			'超出了上海时间 9999 年 12 月 31 日',
		);
		// The other odd values keep their message: negative, fractional, with spaces, in exponent notation.
		for (const v of ['-1', '1.5', ' 1795276800', '1795276800 ', '1e9'])
			expect(() => asOfDate({ SOURCE_DATE_EPOCH: v }), v).toThrow('SOURCE_DATE_EPOCH 应为整数秒数');
	});

	it('is fixed for the stages when the build starts, so a stage started after midnight keeps the build’s date', () => {
		const env = { SOURCE_DATE_EPOCH: buildEpoch({}, lastSecond) };
		expect(env.SOURCE_DATE_EPOCH).toBe(String(Math.floor(lastSecond / 1000)));
		// Two seconds later the clock says 2026-11-23; the stage still works as of the build's date.
		expect(asOfDate(env, lastSecond + 2000)).toBe('2026-11-22');
		// A given value is handed on unchanged, a malformed one too (the stage that reads it reports it).
		expect(buildEpoch({ SOURCE_DATE_EPOCH: '1795276800' }, lastSecond)).toBe('1795276800');
		expect(buildEpoch({ SOURCE_DATE_EPOCH: 'gestern' }, lastSecond)).toBe('gestern');
		expect(buildEpoch({ SOURCE_DATE_EPOCH: '' }, lastSecond)).toBe(String(Math.floor(lastSecond / 1000)));
	});

	it('is read once per process: a run that goes past midnight keeps the day it started on', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			vi.setSystemTime(lastSecond);
			vi.resetModules();
			const fresh = await import('../../src/lib/asof.ts');
			vi.setSystemTime(lastSecond + 2000);
			expect(fresh.shanghaiDate(Date.now())).toBe('2026-11-23');
			expect(fresh.asOfDate({})).toBe('2026-11-22');
			expect(fresh.buildEpoch({})).toBe(String(Math.floor(lastSecond / 1000)));
		} finally {
			vi.useRealTimers();
		}
	});
});

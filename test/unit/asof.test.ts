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

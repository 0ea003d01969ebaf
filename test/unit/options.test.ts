/**
 * The office commands' option errors in Chinese: `npm run release` and `npm run recompute` parse their options with
 * Node's parseArgs, whose errors are English ("Unknown option '--dat'. To specify a positional argument …").
 */
import { describe, expect, it } from 'vitest';
import { parseArgs } from 'node:util';
import { parseArgsMessage } from '../../scripts/lib/options.ts';

const KNOWN = ['--date', '--doc', '--seal', '--help'];

/** The message for what parseArgs throws on `args`. */
function messageFor(args: string[]): string {
	try {
		parseArgs({
			args,
			allowPositionals: false,
			options: { date: { type: 'string' }, doc: { type: 'string' }, seal: { type: 'boolean' } },
		});
	} catch (e) {
		return parseArgsMessage(e, 'npm run release', KNOWN);
	}
	throw new Error('parseArgs accepted the arguments');
}

describe('an office command given a wrong option', () => {
	it('says in Chinese which option is wrong and how, never Node’s English', () => {
		expect(messageFor(['--dat', '2027-01-20'])).toBe(
			'npm run release 不认识选项 --dat：可用的选项是 --date、--doc、--seal、--help（运行 npm run release -- --help 查看说明）',
		);
		expect(messageFor(['-d', '2027-01-20'])).toBe(
			'npm run release 不认识选项 -d：可用的选项是 --date、--doc、--seal、--help（运行 npm run release -- --help 查看说明）',
		);
		expect(messageFor(['--doc'])).toBe(
			'选项 --doc 后面缺少要填的值（运行 npm run release -- --help 查看说明）',
		);
		expect(messageFor(['--seal=yes'])).toBe(
			'选项 --seal 后面不用写值（运行 npm run release -- --help 查看说明）',
		);
		expect(messageFor(['2026-Q4'])).toBe(
			'npm run release 多了参数 2026-Q4（运行 npm run release -- --help 查看说明）',
		);
		for (const args of [['--dat', 'x'], ['--doc'], ['--seal=yes'], ['2026-Q4']])
			expect(messageFor(args)).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
	});
});

/**
 * "是否应为 …？": the existing id the validator suggests for an unknown one. One edit away for a short id, two from
 * eight characters on; a case or full-width slip of one id; nothing when two ids are equally likely.
 */
import { describe, expect, it } from 'vitest';
import { didYouMean, suggester } from '../../src/lib/validate/suggest.ts';

describe('did you mean', () => {
	const suggest = suggester(['hcjd', 'fgw', 'xyb12345', 'a1', 'A1']);

	it('suggests a short id one edit away, and none two edits away', () => {
		expect(suggest('hcjx')).toBe('hcjd');
		expect(suggest('hcxx')).toBeUndefined();
	});

	it('suggests an id of eight characters two edits away, and none three away', () => {
		expect(suggest('xyb12399')).toBe('xyb12345');
		expect(suggest('xyb12999')).toBeUndefined();
	});

	it('names the id a case or full-width slip stands for, unless two ids differ only so', () => {
		expect(suggest('ＨＣＪＤ')).toBe('hcjd');
		expect(suggest('ａ１')).toBeUndefined();
	});

	it('says the suggestion in the message, or nothing', () => {
		expect(didYouMean('hcjd')).toBe('；是否应为 "hcjd"？');
		expect(didYouMean(undefined)).toBe('');
	});
});

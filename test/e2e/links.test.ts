import { describe, expect, inject, it } from 'vitest';
import { brokenLinks } from './pages.ts';

describe('links', () => {
	it('every internal link, asset and #fragment in the built site resolves', () => {
		const { broken, checked } = brokenLinks(inject('distDir'));
		expect(broken).toEqual([]);
		expect(checked).toBeGreaterThan(1000);
	});
});

/**
 * Link targets as a browser reads them (`allowlist.ts`), checked by the validator before the renderer's sanitizer
 * sees them: a scheme hidden by a tab, a line break, leading spaces or capitals is still the scheme, and an allowed
 * scheme in capitals is still allowed. The validator says so at the link (`unsafe-link`), not the sanitizer silently.
 */
import { describe, expect, it } from 'vitest';
import { isAllowedUrl, urlScheme } from '../../src/lib/markdown/allowlist.ts';
import { storyText } from '../../src/lib/validate/story.ts';
import { renderMarkdown } from '../../src/lib/markdown/render.ts';

describe('a link target as a browser reads it', () => {
	it('finds the scheme behind tabs, line breaks, leading spaces and capitals', () => {
		expect(urlScheme('java\tscript:alert(1)')).toBe('javascript');
		expect(urlScheme('java\nscr\ript:alert(1)')).toBe('javascript');
		expect(urlScheme(' \u0001javascript:alert(1)')).toBe('javascript');
		expect(urlScheme('JaVaScRiPt:alert(1)')).toBe('javascript');
		expect(urlScheme('/policies/x/')).toBeUndefined();
	});

	it('allows http, https and mailto in any case, and relative URLs; refuses the rest', () => {
		expect(
			['HTTPS://example.org/', 'Mailto:a@example.org', '/policies/x/', '#a', 'page.html'].map(isAllowedUrl),
		).toEqual([true, true, true, true, true]);
		expect(
			[
				'java\tscript:alert(1)',
				' javascript:x',
				'data:text/html,x',
				'//evil.example/',
				'\t//evil.example/',
				' //evil.example/',
			].map(isAllowedUrl),
		).toEqual([false, false, false, false, false, false]);
	});

	it('has the validator refuse a link whose scheme a tab or a leading space hides, at the link', () => {
		const codes = (s: string) => storyText(s, 'x.mdx').issues.map((i) => i.code);
		expect(codes('[a](java&#x09;script:alert(1))\n')).toEqual(['unsafe-link']);
		expect(codes('[a](< javascript:alert(1)>)\n')).toEqual(['unsafe-link']);
		expect(codes('[a](HTTPS://example.org/)\n')).toEqual([]);
		// A direction override written as an entity in a link's title (its tooltip) is refused as in the text.
		expect(codes('[a](https://example.org/ "&#x202E;gnp.exe")\n')).toEqual(['invisible-char']);
	});
});

describe('headings of a story under the profile', () => {
	it('go one level down, and no further than h6', () => {
		expect(renderMarkdown('##### 五\n\n###### 六\n', 'x.mdx', { headingOffset: 1 })).toBe(
			'<h6>五</h6>\n<h6>六</h6>',
		);
	});
});

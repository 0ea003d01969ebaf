/**
 * Personal numbers caught before they go public (issue 15 item 7): a 身份证号 with a valid check character typed into
 * any free-text field the site publishes — every CSV column marked `public`, every story and policy text — is an
 * error at its cell; a mobile number or an e-mail address is a warning there. Messages show the number masked, never
 * whole. The office's own contacts in site.json are exempt.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { validateDataset } from '../../../src/lib/validate/dataset.ts';
import { formatIssue } from '../../../src/lib/issues.ts';
import { idNumber, mobile, PUBLIC_COLUMNS, seedPublicFields } from '../../helpers/public-fields.ts';
import { memFiles, readFolder } from '../../helpers/files.ts';
import { report } from '../../helpers/validate.ts';
import { fixtureText } from '../../helpers/files.ts';

const DEMO = readFolder(join(import.meta.dirname, '..', '..', '..', 'data'));
const seeded = (value: (n: number) => string) => seedPublicFields(DEMO, value);

describe('personal numbers in public text', () => {
	it('marks the public free-text columns the issue lists, and only public ones', () => {
		const names = Object.fromEntries([...PUBLIC_COLUMNS].map(([t, cs]) => [t, cs.map((c) => c.key)]));
		expect(names).toEqual({
			units: ['note'],
			'unit-names': ['name'],
			evidence: ['what', 'source', 'reason'],
			releases: ['docNumber', 'note'],
			corrections: ['docNumber', 'reason'],
			dishonesty: ['what', 'source', 'repairHow'],
			candidates: [
				'name',
				'unit',
				'position',
				'political',
				'education',
				'category',
				'awards',
				'coverage',
				'title',
				'summary',
				'photoAlt',
			],
			notices: ['title', 'docNumber'],
			events: ['publicReason'],
			commitments: ['content', 'standardContent', 'standardQuality', 'standardDeadline', 'note'],
			'commitment-updates': ['evidence'],
			pledges: ['enterprise'],
			policies: ['title', 'docNumber', 'issuer'],
		});
		// Never published, so never scanned (the contact is where a phone number belongs).
		for (const key of ['contact', 'opinion', 'detail']) expect(names.candidates).not.toContain(key);
	});

	it('marks where no contact belongs: what is said of a candidate, and why a published result was corrected', () => {
		// A unit may publish its own service line in a commitment, an evidence row or a note; a correction's reason or a
		// candidate's deeds has no place for one, so a mobile number there is someone's own.
		const names = Object.fromEntries(
			[...PUBLIC_COLUMNS]
				.map(([t, cs]) => [t, cs.filter((c) => c.noContacts).map((c) => c.key)] as const)
				.filter(([, keys]) => keys.length),
		);
		expect(names).toEqual({
			corrections: ['reason'],
			candidates: ['awards', 'coverage', 'title', 'summary', 'photoAlt'],
			events: ['publicReason'],
		});
	});

	it('refuses a valid 身份证号 in every public field of the demo data, at its cell, masked', () => {
		const { files, placed } = seeded(idNumber);
		const d = validateDataset(memFiles(files), 'data/');
		const found = d.issues.filter((i) => i.code === 'personal-id');
		expect(found.every((i) => i.severity === 'error')).toBe(true);
		const lines = found.map(formatIssue);
		for (const p of placed) {
			const masked = `${p.value.slice(0, 6)}********${p.value.slice(14)}`;
			expect(
				lines.filter((l) => l.startsWith(p.where) && l.includes(p.human ?? '') && l.includes(masked)),
				p.where,
			).toHaveLength(1);
		}
		expect(found).toHaveLength(placed.length);
		// The number itself appears in no message and no issue.
		for (const p of placed)
			expect(d.issues.filter((i) => JSON.stringify(i).includes(p.value)).map(formatIssue)).toEqual([]);
		// Refused: the rows holding one are not published.
		expect(d.stories.has('2022-002')).toBe(false);
		expect(d.policies.map((p) => p.value.id)).not.toContain('xyb-2021-5');
	});

	it('finds a mobile number in every public field of the demo data, at its cell, masked: an error where no contact belongs, else a warning', () => {
		const { files, placed } = seeded(mobile);
		const d = validateDataset(memFiles(files), 'data/');
		const found = d.issues.filter((i) => i.code === 'personal-contact');
		const lines = found.map(formatIssue);
		for (const p of placed) {
			const at = lines.filter(
				(l) => l.startsWith(p.where) && l.includes(p.human ?? '') && l.includes(`139****${p.value.slice(7)}`),
			);
			expect(at, p.where).toHaveLength(1);
			// formatIssue says 警告 for a warning; an error has no mark.
			expect(at[0].includes('警告'), p.where).toBe(!p.noContacts);
		}
		expect(found).toHaveLength(placed.length);
		expect(placed.filter((p) => p.noContacts).length).toBeGreaterThanOrEqual(8);
		// Refused, as an ID number's row is: the story and the rows holding one are not published.
		expect(d.stories.has('2022-002')).toBe(false);
		expect(d.corrections.some((c) => c.value.reason.includes('139'))).toBe(false);
		expect(JSON.stringify(d.issues)).not.toMatch(/1390000\d{4}/);
	});

	it('reports the number as the clerk reads it: the cell, the kind, the masked number', () => {
		const candidates = fixtureText('exemplars/candidates.csv').replace(
			'在窗口岗位上坚持承诺办结。',
			'在窗口岗位上坚持承诺办结，身份证 11010519491231002X，手机 139 1234 5678，邮箱 zhang.ceshi@qq.com。',
		);
		expect(
			report({ 'exemplars/candidates.csv': candidates }).filter((l) =>
				l.startsWith('data/exemplars/candidates.csv'),
			),
		).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:16: 第 2 行第 16 列（主要事迹）：含有身份证号 110105********002X：这段文字会在网站上公开，身份证号不得公开，请删除（个人信息保护法） (personal-id)",
			  "data/exemplars/candidates.csv:2:16: 第 2 行第 16 列（主要事迹）：含有手机号码 139****5678：这段文字会在网站上公开，它写的是人和事，不是公布单位联系方式的地方，这只能是个人的联系方式，不得公开，请删除（个人信息保护法） (personal-contact)",
			  "data/exemplars/candidates.csv:2:16: 第 2 行第 16 列（主要事迹）：含有电子邮箱 zh***@qq.com：这段文字会在网站上公开，它写的是人和事，不是公布单位联系方式的地方，这只能是个人的联系方式，不得公开，请删除（个人信息保护法） (personal-contact)",
			]
		`);
	});

	it('finds a number in a story or in site.json as the site shows it: split by Markdown marks, a character reference or a JSON escape', () => {
		// 320803199001011237 (its check character is 7: personal-numbers.test.ts). In the story, its sixth digit is
		// written as the reference &#51; (3), and a mobile is split by bold marks; in site.json, a digit is \u0033.
		const story = fixtureText('exemplars/stories/c1.mdx');
		const lines = story.split('\n').length;
		const patched = {
			'exemplars/stories/c1.mdx': `${story}\n身份证 32080&#51;199001011237。\n\n电话 1380000**1111**。\n`,
			'site.json': fixtureText('site.json').replace('"测试地址 1 号"', '"测试地址 32080\\u0033199001011237"'),
		};
		expect(patched['site.json']).toContain('32080\\u0033');
		expect(report(patched)).toEqual([
			// At its key: the escape is not where the number's digits are.
			'data/site.json:9:2: 含有身份证号 320803********1237：这段文字会在网站上公开，身份证号不得公开，请删除（个人信息保护法） (personal-id)',
			`data/exemplars/stories/c1.mdx:${lines + 3}:4: 含有手机号码 138****1111：这段文字会在网站上公开，它写的是人和事，不是公布单位联系方式的地方，这只能是个人的联系方式，不得公开，请删除（个人信息保护法） (personal-contact)`,
			`data/exemplars/stories/c1.mdx:${lines + 1}:1: 含有身份证号 320803********1237：这段文字会在网站上公开，身份证号不得公开，请删除（个人信息保护法） (personal-id)`,
		]);
	});

	it("exempts the office's own e-mail and phone from site.json, not another address", () => {
		const units = fixtureText('units.csv');
		const site = JSON.parse(fixtureText('site.json')) as { email: string; phone: string };
		const noted = (note: string) => ({ 'units.csv': units.replace('t1,镇街,,,,', `t1,镇街,,,,${note}`) });
		expect(units).toContain('t1,镇街,,,,');
		expect(report(noted(`咨询：${site.email}`))).toEqual([]);
		expect(report(noted('咨询：someone@example.org'))).toMatchInlineSnapshot(`
			[
			  "data/units.csv:2:6: 警告：第 2 行第 6 列（备注）：含有电子邮箱 so***@example.org：这段文字会在网站上公开；个人的联系方式请删除，确需公开的单位联系方式请核对无误 (personal-contact)",
			]
		`);
	});
});

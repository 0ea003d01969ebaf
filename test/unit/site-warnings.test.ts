import { describe, expect, it } from 'vitest';
import { siteWarnings } from '../../src/lib/validate/site-warnings.ts';
import { siteSchema, type Site } from '../../src/schemas/site.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import { correctionUrl, policeRecordUrl } from '../../src/page-data/identity.ts';

const base: Site = siteSchema.parse({
	name: '信用淮安区 政务诚信公开平台',
	shortName: '信用淮安区',
	url: 'https://xy.example.gov.cn',
	host: '淮安市淮安区社会信用体系建设工作领导小组办公室',
	email: 'haqxyb@163.com',
	phone: '0517-85910860',
	demo: false,
});

describe('siteWarnings', () => {
	it('warns once for each missing footer identifier and for a missing address', () => {
		expect(siteWarnings(base, 'data/site.json').map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/site.json:1:1: 警告：site.json 没有填写网站标识码（"siteIdCode"）：由政府网站主管单位分配，显示在页脚，也用于“我为政府网站找错”链接；页脚将不显示这一项 (site-identity)",
			  "data/site.json:1:1: 警告：site.json 没有填写ICP 备案号（"icp"）：工业和信息化部备案号，如 苏ICP备12345678号；页脚将不显示这一项 (site-identity)",
			  "data/site.json:1:1: 警告：site.json 没有填写公安备案号（"police"）：公安机关互联网站备案号，如 苏公网安备32080302000123号；页脚将不显示这一项 (site-identity)",
			  "data/site.json:1:1: 警告：site.json 没有填写地址（"address"）：区信用办的办公地址，异议页面据此说明当面提交的地点；页脚将不显示这一项 (site-identity)",
			]
		`);
	});
	it('is silent when every identifier is there, and names only what is missing otherwise', () => {
		const full = {
			...base,
			siteIdCode: '3208030001',
			icp: '苏ICP备12345678号-1',
			police: '苏公网安备32080302000123号',
			address: '淮安市淮安区某路 1 号',
		};
		expect(siteWarnings(full, 'data/site.json')).toEqual([]);
		const { icp: _, ...noIcp } = full;
		expect(siteWarnings(noIcp, 'data/site.json').map((i) => [i.field, i.severity])).toEqual([
			['icp', 'warning'],
		]);
	});
});

describe('the site schema and the identifier links', () => {
	it('accepts identifiers in their official formats and refuses others', () => {
		const ok = (patch: Partial<Site>) => siteSchema.safeParse({ ...base, ...patch }).success;
		expect(
			ok({ siteIdCode: '3208030001', icp: '苏ICP备12345678号', police: '苏公网安备 32080302000123号' }),
		).toBe(true);
		expect(ok({ siteIdCode: '320803' })).toBe(false);
		expect(ok({ icp: 'ICP备12345678号' })).toBe(false);
		expect(ok({ police: '苏公网安备3208030200012号' })).toBe(false); // 13 digits
	});
	it('links the 公安备案 record by its number and 纠错 by the site code, unless the office gives its own link', () => {
		expect(policeRecordUrl('苏公网安备 32080302000123号')).toBe(
			'https://beian.mps.gov.cn/#/query/webSearch?code=32080302000123',
		);
		expect(correctionUrl({ siteIdCode: '3208030001' })).toBe(
			'https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfoNew?sitecode=3208030001',
		);
		expect(correctionUrl({ siteIdCode: '3208030001', correctionUrl: 'https://example.gov.cn/jc' })).toBe(
			'https://example.gov.cn/jc',
		);
		expect(correctionUrl({})).toBeUndefined();
	});
});

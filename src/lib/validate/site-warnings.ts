/**
 * Warnings on the site identity (`site.json`) once it has parsed: the government-website identifiers the footer must
 * carry (网站标识码, ICP 备案号, 公安备案号; 《政府网站发展指引》) and the address the 异议 page gives for objections
 * handed in person. Missing ones do not stop the build (a site may go up before its numbers are issued) but are
 * reported every time, so they are not forgotten.
 */
import type { Issue } from '../issues.ts';
import type { Site } from '../../schemas/site.ts';

/** The fields checked, in the order they are reported, with what each is and where it comes from. */
const EXPECTED = [
	['siteIdCode', '网站标识码', '由政府网站主管单位分配，显示在页脚，也用于“我为政府网站找错”链接'],
	['icp', 'ICP 备案号', '工业和信息化部备案号，如 苏ICP备12345678号'],
	['police', '公安备案号', '公安机关互联网站备案号，如 苏公网安备32080302000123号'],
	['address', '地址', '区信用办的办公地址，异议页面据此说明当面提交的地点'],
] as const satisfies readonly (readonly [keyof Site, string, string])[];

/**
 * One warning per missing identifier, located at the start of `file` (the parsed value carries no positions).
 * @param file the path of site.json as the office sees it, e.g. `data/site.json`
 */
export function siteWarnings(site: Site, file: string): Issue[] {
	return EXPECTED.filter(([key]) => !site[key]).map(([key, label, what]) => ({
		file,
		line: 1,
		column: 1,
		code: 'site-identity',
		message: `site.json 没有填写${label}（"${key}"）：${what}；页脚将不显示这一项`,
		severity: 'warning' as const,
		field: key,
	}));
}

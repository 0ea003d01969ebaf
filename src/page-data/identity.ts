/**
 * The government-website identifiers of the footer (《政府网站发展指引》, 国办发〔2017〕47号): where each one links.
 * The formats are the national services' own: the MIIT ICP register, the Ministry of Public Security's register
 * (queried by the record's 14-digit number) and the State Council's 我为政府网站找错 service (by 网站标识码).
 */
import type { Site } from '../schemas/site.ts';

/** The MIIT ICP register, where an ICP 备案号 is looked up. */
export const ICP_REGISTER = 'https://beian.miit.gov.cn/';

/** The 公安备案 register's page for a record: `苏公网安备32080302000123号` → `…webSearch?code=32080302000123`. */
export function policeRecordUrl(police: string): string {
	return `https://beian.mps.gov.cn/#/query/webSearch?code=${police.replace(/\D/g, '')}`;
}

/** The 纠错 link: the office's own, else the national 我为政府网站找错 page for the site's 网站标识码 (if any). */
export function correctionUrl(site: Pick<Site, 'correctionUrl' | 'siteIdCode'>): string | undefined {
	if (site.correctionUrl) return site.correctionUrl;
	if (!site.siteIdCode) return undefined;
	return `https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfoNew?sitecode=${encodeURIComponent(site.siteIdCode)}`;
}

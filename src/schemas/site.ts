/**
 * Site identity (`site.json`): who runs the site and how to reach them, the government-website identifiers of
 * 《政府网站发展指引》, and the publication switches. Everything here is public by design.
 */
import { z } from 'astro/zod';

/** A web address the site links to: http(s) only (never `javascript:` or `data:`). */
const webUrl = z.url({ protocol: /^https?$/, error: '网址须以 http:// 或 https:// 开头' });

export const siteSchema = z
	.object({
		/** 网站名称, e.g. 信用淮安区 政务诚信公开平台. */
		name: z.string().min(1),
		/** Short name for the header on phones. */
		shortName: z.string().min(1),
		/** Canonical origin of the published site, no trailing slash (sitemap, RSS, canonical links). */
		url: webUrl.refine((u) => !u.endsWith('/'), '网址末尾不要带 /'),
		/** 主办单位. */
		host: z.string().min(1),
		/** The office's published e-mail for submissions and objections (seed 000 第六条: haqxyb@163.com). */
		email: z.email(),
		/** The office's published phone (seed 000 第六条 报送热线). */
		phone: z.string().regex(/^[0-9()（）\-\s]{5,20}$/, '电话只能含数字、括号、- 和空格'),
		/** Postal address of the office, optional. */
		address: z.string().optional(),
		/** 网站标识码 (政府网站), optional until issued. */
		siteIdCode: z.string().optional(),
		/** ICP 备案号. */
		icp: z.string().optional(),
		/** 公安机关备案号. */
		police: z.string().optional(),
		/** 纠错 link (e.g. the national 政府网站找错 page), optional. */
		correctionUrl: webUrl.optional(),
		/** True while the data is demonstration data: every page shows a 演示数据 banner. */
		demo: z.boolean(),
		/**
		 * Optional public fields of exemplar candidates (SPEC 2, issue 5): 出生年月, 政治面貌 and 文化程度 are published
		 * only where the office opts in here.
		 */
		publishCandidateFields: z
			.object({
				birth: z.boolean().default(false),
				political: z.boolean().default(false),
				education: z.boolean().default(false),
			})
			.strict()
			.default({ birth: false, political: false, education: false }),
	})
	.strict();

export type Site = z.infer<typeof siteSchema>;

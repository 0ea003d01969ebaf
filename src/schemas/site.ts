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
		/**
		 * The office's address, where objections and submissions may be handed in person (the 异议 page and the
		 * footer). Optional, but the validator warns while it is missing.
		 */
		address: z.string().min(1).optional(),
		/**
		 * 网站标识码 of 《政府网站发展指引》: 10 letters or digits, issued by the government-website authority. Shown in
		 * the footer and the page metadata, and the code of the 我为政府网站找错 link. The validator warns while it is missing.
		 */
		siteIdCode: z
			.string()
			.regex(/^[A-Za-z0-9]{10}$/, '网站标识码应为 10 位字母或数字，如 3208030001')
			.optional(),
		/** ICP 备案号, e.g. 苏ICP备12345678号-1 (linked to beian.miit.gov.cn). The validator warns while it is missing. */
		icp: z
			.string()
			.regex(
				/^\p{Script=Han}ICP备\d{6,10}号(-\d{1,3})?$/u,
				'ICP 备案号应写作如 苏ICP备12345678号 或 苏ICP备12345678号-1',
			)
			.optional(),
		/**
		 * 公安机关互联网站备案号, e.g. 苏公网安备32080302000123号 (14 digits; linked to beian.mps.gov.cn). The validator
		 * warns while it is missing.
		 */
		police: z
			.string()
			.regex(
				/^\p{Script=Han}公网安备 ?\d{14}号$/u,
				'公安备案号应写作如 苏公网安备32080302000123号（14 位数字）',
			)
			.optional(),
		/** 纠错 link; by default the national 我为政府网站找错 page for this site's 网站标识码. */
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

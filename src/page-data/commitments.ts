/**
 * Reading the commitments register from the content layer for the pages: every commitment's view on the build's
 * as-of date, the units it covers, the categories of the rubric in force on that date, and the pledges. Loaded once per build.
 */
import { getCollection, getEntry } from 'astro:content';
import type { UnitNameRow } from '../schemas/unit.ts';
import type { PledgeRow } from '../schemas/pledge.ts';
import type { Rubric } from '../schemas/rubric.ts';
import { COMMITMENT_CATEGORIES, type UnitCategory } from '../schemas/enums.ts';
import { nameOn } from '../lib/units/names.ts';
import { commitmentViews, pledgesOn, type CommitmentView } from '../lib/commitments/status.ts';
import { registerUnits, rubricOn } from '../lib/commitments/coverage.ts';
import { pagedUnits } from '../lib/commitments/pages.ts';
import { pledgeQuarters, pledgeRuleOf, type PledgeRule } from '../lib/commitments/pledges.ts';
import { scoredQuarters } from './quarters.ts';
import type { QuarterId } from '../lib/quarters.ts';

/** A unit as the register shows it. */
export interface RegisterUnit {
	id: string;
	category: UnitCategory;
	from?: string;
	to?: string;
	mergedInto?: string;
	/** The unit's name on the as-of date. */
	name: string;
}

/** Everything the register's pages read. */
export interface Register {
	asOf: string;
	/** The rubric in force on the as-of date (`rubricOn`; its commitment categories are the matrix's columns). */
	rubric: Rubric;
	views: CommitmentView[];
	/** The units whose commitments are listed one page per year (see `src/lib/commitments/pages.ts`). */
	paged: Set<string>;
	/** Every unit, by id, in the order pages list them (current name, Chinese collation). */
	units: Map<string, RegisterUnit>;
	/** The units the register covers (towns and parks, and any unit that has published a commitment). */
	covered: RegisterUnit[];
	names: UnitNameRow[];
	pledges: PledgeRow[];
	/** All categories in the schema's order (for ordering categories outside the rubric). */
	allCategories: string[];
	/** That rubric's pledges indicator (points per enterprise, cap, quarters), if it has one: what the pages say. */
	pledgeRule: PledgeRule | undefined;
	/** How many quarters each quarter's rubric counts a pledge (`pledgeValidity`): what the open data says. */
	pledgeQuarters: (q: QuarterId) => number | undefined;
}

let cached: Promise<Register> | undefined;

/** The register, computed once per build. */
export function loadRegister(): Promise<Register> {
	cached ??= load();
	return cached;
}

async function load(): Promise<Register> {
	const asOf = (await getEntry('site', 'site'))!.data.asOf;
	const unitEntries = await getCollection('units');
	const names: UnitNameRow[] = unitEntries.flatMap((u) =>
		u.data.names.map((n) => ({ unitId: u.data.id, name: n.name, from: n.from, to: n.to })),
	);
	// The content store does not keep units.csv's order: list units by their current name in Chinese collation order
	// (拼音), as directories of government bodies do; ties (none expected) by id.
	const collator = new Intl.Collator('zh-CN');
	const ordered: RegisterUnit[] = unitEntries
		.map(({ data: u }) => ({
			id: u.id,
			category: u.category,
			from: u.from,
			to: u.to,
			mergedInto: u.mergedInto,
			name: nameOn(names, u.id, asOf),
		}))
		.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
	const units = new Map(ordered.map((u) => [u.id, u]));
	const rubrics = (await getCollection('rubrics')).map((r) => r.data);
	const rubric = rubricOn(rubrics, asOf)!;
	const entries = (await getCollection('commitments'))
		.map((e) => e.data)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const views = commitmentViews(
		entries.map(({ updates: _, ...c }) => c),
		entries.flatMap((e) => e.updates),
		asOf,
		names,
	);
	return {
		asOf,
		rubric,
		views,
		paged: pagedUnits(views),
		units,
		covered: registerUnits(ordered, views, asOf),
		names,
		pledges: pledgesOn(
			(await getCollection('pledges')).map((p) => p.data),
			asOf,
		).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
		allCategories: COMMITMENT_CATEGORIES.map((c) => c.value),
		pledgeRule: pledgeRuleOf(rubric),
		pledgeQuarters: pledgeQuarters(rubrics),
	};
}

/** A unit's 政务诚信承诺 (commitment coverage) result in the latest quarter it was scored on that indicator. */
export interface CoverageScore {
	quarter: QuarterId;
	indicatorId: string;
	points: number;
	max: number;
	missing: string[];
}

/**
 * The latest scored quarter's commitment-coverage result of a unit, from the scoring module's output (the indicator
 * whose result names its missing categories); undefined for units the indicator does not apply to.
 */
export async function latestCoverageScore(unitId: string): Promise<CoverageScore | undefined> {
	for (const q of await scoredQuarters()) {
		const ind = q.units
			.find((u) => u.id === unitId)
			?.indicators.find((i) => i.missingCategories !== undefined);
		if (ind)
			return {
				quarter: q.quarter as QuarterId,
				indicatorId: ind.id,
				points: ind.points,
				max: ind.max,
				missing: ind.missingCategories!,
			};
	}
	return undefined;
}

/** The pledges a unit collected, newest first. */
export interface UnitPledges {
	unit: RegisterUnit;
	pledges: PledgeRow[];
}

let byId: Promise<ReadonlyMap<string, PledgeRow>> | undefined;

/** The published pledges by id (for the unit pages' breakdowns of the pledges indicator), made once per build. */
export function pledgesById(): Promise<ReadonlyMap<string, PledgeRow>> {
	byId ??= loadRegister().then((r) => new Map(r.pledges.map((p) => [p.id, p])));
	return byId;
}

/**
 * The pledges by collecting unit, units in the register's order, each unit's pledges newest first (by signing date,
 * then id): the order of `/commitments/pledges/`, its units' pages and its search data. Units without pledges are
 * left out.
 */
export function pledgesByUnit(register: Register): UnitPledges[] {
	const by = new Map<string, PledgeRow[]>();
	for (const p of register.pledges) {
		if (!by.has(p.unitId)) by.set(p.unitId, []);
		by.get(p.unitId)!.push(p);
	}
	return [...register.units.values()]
		.filter((u) => by.has(u.id))
		.map((unit) => ({
			unit,
			pledges: by
				.get(unit.id)!
				.sort((a, b) =>
					a.signedOn !== b.signedOn ? (a.signedOn < b.signedOn ? 1 : -1) : a.id < b.id ? -1 : 1,
				),
		}));
}

/**
 * Validates a whole data folder: every file, every row, every reference between files. Pure: it reads through a
 * `DataFiles` view (the real folder, or an in-memory one in tests) and returns the validated dataset with every
 * problem found — all of them, not the first. The build publishes nothing while any error stands.
 *
 * Each input has its check in `checks/<table>.ts`; this file runs them in the order their references need (a table
 * is checked after the tables it refers to) and assembles the result. The report is `reportLines` in `../issues.ts`.
 */
import type { SiteLink } from './site-links.ts';
import type { Issue } from '../issues.ts';
import type { Located } from './read-table.ts';
import type { WorkCalendar } from '../calendar/workdays.ts';
import type { Site } from '../../schemas/site.ts';
import type { Rubric } from '../../schemas/rubric.ts';
import type { UnitRow, UnitNameRow } from '../../schemas/unit.ts';
import type { DishonestyRow } from '../../schemas/dishonesty.ts';
import type { CandidateRow, EventRow, ReviewRow } from '../../schemas/candidate.ts';
import type { CommitmentRow, CommitmentUpdateRow } from '../../schemas/commitment.ts';
import type { PledgeRow } from '../../schemas/pledge.ts';
import type { PolicyRow } from '../../schemas/policy.ts';
import type { ReleaseRow } from '../../schemas/release.ts';
import type { CorrectionRow } from '../../schemas/correction.ts';
import type { ObjectionRow } from '../../schemas/objection.ts';
import type { QuarterId } from '../quarters.ts';
import { CheckContext, type DataFiles, type FileCount } from './context.ts';
import { checkSite } from './checks/site.ts';
import { checkCalendar } from './checks/calendar.ts';
import { checkRubrics } from './checks/rubrics.ts';
import { checkUnits } from './checks/units.ts';
import { checkUnitNames } from './checks/names.ts';
import { checkEvidence, type Evidence } from './checks/evidence.ts';
import { checkDishonesty, checkEvidenceRecords } from './checks/dishonesty.ts';
import { checkCandidates, checkEmptyNotices, readCandidates } from './checks/candidates.ts';
import { checkNotices, type Notice } from './checks/notices.ts';
import { checkReviews, readReviews } from './checks/reviews.ts';
import { checkEvents, readEvents } from './checks/events.ts';
import { checkStories, type Story } from './checks/stories.ts';
import { checkPhotos, type Photo } from './checks/photos.ts';
import { checkCommitments } from './checks/commitments.ts';
import { checkCommitmentUpdates } from './checks/updates.ts';
import { checkPledges } from './checks/pledges.ts';
import { checkPolicies } from './checks/policies.ts';
import { checkReleases, checkSnapshots, type Sealed } from './checks/releases.ts';
import { checkCorrections } from './checks/corrections.ts';
import { checkObjections } from './checks/objections.ts';
import { checkUnknownFiles } from './checks/unknown-files.ts';

export type { DataFiles, FileCount } from './context.ts';
export { isPlaceholder, type Evidence } from './checks/evidence.ts';
export type { Sealed } from './checks/releases.ts';
export type { Notice } from './checks/notices.ts';
export { MAX_CANDIDATES_PER_UNIT } from './checks/candidates.ts';
export { STORY_MIN_CHARS, type Story } from './checks/stories.ts';
export { PHOTO_HEIGHT, PHOTO_MAX_BYTES, PHOTO_WIDTH, type Photo } from './checks/photos.ts';

/** A validated dataset. Arrays hold only valid rows; `issues` names every other row. */
export interface Dataset {
	site?: Site;
	rubrics: Map<number, Rubric>;
	units: Located<UnitRow>[];
	unitNames: Located<UnitNameRow>[];
	evidence: Located<Evidence>[];
	/** The quarters the office has released (public from their release date; the others are drafts). */
	releases: Located<ReleaseRow>[];
	/** The releases with a snapshot whose SHA-256 matches their fingerprint, by quarter. */
	sealed: Map<QuarterId, Sealed>;
	/** The corrections of released quarters (更正台账), in the order they apply. */
	corrections: Located<CorrectionRow>[];
	/** Objections and their outcomes (异议处理情况). */
	objections: Located<ObjectionRow>[];
	dishonesty: Located<DishonestyRow>[];
	candidates: Located<CandidateRow>[];
	reviews: Located<ReviewRow>[];
	notices: Located<Notice>[];
	events: Located<EventRow>[];
	stories: Map<string, Story>;
	photos: Photo[];
	policies: Located<PolicyRow>[];
	commitments: Located<CommitmentRow>[];
	commitmentUpdates: Located<CommitmentUpdateRow>[];
	pledges: Located<PledgeRow>[];
	calendar: WorkCalendar;
	/** Links of the stories and policy texts to this site's pages, for the check of the built site. */
	siteLinks: SiteLink[];
	files: FileCount[];
	issues: Issue[];
}

/**
 * Validates the data folder.
 * @param files the folder
 * @param shown how paths are shown in messages (e.g. `data/`), prefixed to each file's relative path
 * @param opts.alone the files are some of a folder's, checked without the others (the office page's file mode, see
 *   `checkFilesAlone` in src/lib/office/files-alone.ts)
 */
export function validateDataset(files: DataFiles, shown = 'data/', opts: { alone?: boolean } = {}): Dataset {
	const ctx = new CheckContext(files, shown, opts.alone);
	const site = checkSite(ctx);
	const calendar = checkCalendar(ctx);
	const rubrics = checkRubrics(ctx);
	const units = checkUnits(ctx);
	const unitNames = checkUnitNames(ctx, units);
	const evidence = checkEvidence(ctx, units, rubrics);
	const releaseFile = checkReleases(ctx, { units, names: unitNames, rubrics, evidence });
	const releases = releaseFile.rows;
	const sealed = checkSnapshots(ctx, releaseFile);
	const releasedQuarters = new Set(releases.map((r) => r.value.quarter));
	const correctionFile = checkCorrections(ctx, {
		units,
		rubrics,
		sealed,
		releases: { valid: releasedQuarters, declared: releaseFile.declared },
	});
	const corrections = correctionFile.rows;
	const dishonestyFile = checkDishonesty(ctx, units);
	const dishonesty = dishonestyFile.rows;
	checkEvidenceRecords(ctx, evidence, dishonestyFile);

	// 政务诚信典型: the four tables refer to each other, so all are read before any is checked against another.
	const candidateRows = readCandidates(ctx);
	const notices = checkNotices(ctx, calendar);
	const reviewRows = readReviews(ctx);
	const eventRows = readEvents(ctx);
	const candidates = checkCandidates(ctx, candidateRows, { units, notices, reviews: reviewRows });
	checkEmptyNotices(ctx, notices, candidateRows);
	const reviews = checkReviews(ctx, reviewRows.rows, candidateRows);
	const events = checkEvents(ctx, eventRows, { candidates: candidateRows, notices });
	const stories = checkStories(ctx, candidateRows);
	const photos = checkPhotos(ctx, candidateRows);

	const commitments = checkCommitments(ctx, units);
	const commitmentUpdates = checkCommitmentUpdates(ctx, commitments);
	const pledges = checkPledges(ctx, units);
	const policies = checkPolicies(ctx);
	const objections = checkObjections(ctx, {
		units,
		releases: {
			valid: releasedQuarters,
			declared: releaseFile.declared,
			releasedOn: new Map(releases.map((r) => [r.value.quarter, r.value.releasedOn])),
		},
		dishonesty: dishonestyFile,
		candidates: { valid: candidates, declared: candidateRows.declared },
		corrections: correctionFile,
		calendar,
		events,
		noticeStarts: new Map([...notices.byId].map(([id, n]) => [id, n.value.start])),
		noticeEnds: new Map([...notices.byId].map(([id, n]) => [id, n.value.end])),
	});
	// Last: what no check above has read.
	checkUnknownFiles(ctx);

	return {
		site,
		rubrics,
		units: units.rows,
		unitNames,
		evidence,
		releases,
		sealed,
		corrections,
		objections,
		dishonesty,
		candidates,
		reviews,
		notices: notices.valid,
		events,
		stories,
		photos,
		policies,
		commitments: commitments.valid,
		commitmentUpdates,
		pledges,
		calendar,
		siteLinks: ctx.siteLinks,
		files: ctx.counts,
		issues: ctx.issues,
	};
}

// GitHub's documented limits, named once so the code that depends on them says why.

/** The pull request files API lists at most this many files (docs: "List pull requests files"). */
export const MAX_PR_FILES = 3000;
/** Largest page size the REST list endpoints accept. */
export const PER_PAGE = 100;
/** A check run create/update request takes at most 50 annotations. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** A commit status description is at most 140 characters. */
export const STATUS_DESCRIPTION_MAX = 140;
/** The compare API lists at most 300 files; a longer list is truncated. */
export const COMPARE_MAX_FILES = 300;
/** The pull request commits API returns at most 250 commits. */
export const MAX_PR_COMMITS = 250;
/** Blobs fetched per GraphQL query: well under GraphQL's node and response-size limits. */
export const BLOBS_PER_QUERY = 100;
/** GitHub asks for at least one second between mutating requests (secondary rate limits). */
export const WRITE_SPACING_MS = 1000;
/** Extra spacing for requests that notify people (comments). */
export const NOTIFICATION_SPACING_MS = 3000;

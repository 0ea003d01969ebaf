/**
 * Content collections of the 政务诚信典型 publication (issue 5). Public records only: privacy by construction.
 */
export const exemplarCollections = {};

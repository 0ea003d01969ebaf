/**
 * Content collections of the 政务诚信公开承诺 publication (issue 6).
 */
export const commitmentCollections = {};

/**
 * Teach mode: the user points at one row of a list no reader knows, and at the elements that
 * hold its fields; learnProfile turns that into a SiteProfile (plain JSON, stored per site,
 * exported, shared) and readWithProfile reads that list, its other pages and the same page after
 * a redeploy with it. The picker UI (picker.ts) is separate and loads only while teaching.
 */
export { profileMatches } from './address';
export { learnProfile } from './learn';
export { siteProfileSchema, type FieldName, type SiteProfile } from './profile';
export { readWithProfile } from './read';

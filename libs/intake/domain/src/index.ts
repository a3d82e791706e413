export { type TajNumber, normaliseTaj, tajCheckDigit, isValidTaj } from './taj.js';
export { nameKey, probableDuplicate, type IdentityForMatching, type MatchReason } from './name-key.js';

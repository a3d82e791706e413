/** Shapes only: whether a code is in its list on that date, or a settlement exists, the intake service decides. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const CODE = /^[A-Za-z0-9_.-]{1,20}$/;
export const SETTLEMENT = /^\d{5}$/;
/** 9 digits, optionally grouped `123 456 789`; the check digit is verified by the domain (INTAKE_INVALID_TAJ). */
export const TAJ_SHAPE = /^\d{3}[ -]?\d{3}[ -]?\d{3}$/;
export const OPAQUE_ID = /^[A-Za-z0-9-]{1,64}$/;

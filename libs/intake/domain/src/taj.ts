/**
 * TAJ szám (Társadalombiztosítási Azonosító Jel) — the 9-digit social security number. The ninth digit checks the
 * first eight: digits in odd places weigh 3, in even places 7, and the weighted sum modulo 10 is the check digit.
 */
export type TajNumber = string & { readonly __brand: 'TajNumber' };

/** Accepts the printed forms "123 456 789" and "123-456-789"; returns the bare 9 digits or undefined. */
export const normaliseTaj = (input: string): string | undefined => {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{9}$/.test(digits) ? digits : undefined;
};

export const tajCheckDigit = (firstEight: string): number => {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * (i % 2 === 0 ? 3 : 7);
  return sum % 10;
};

export const isValidTaj = (input: string): input is TajNumber => {
  const taj = normaliseTaj(input);
  return taj !== undefined && tajCheckDigit(taj.slice(0, 8)) === Number(taj[8]);
};

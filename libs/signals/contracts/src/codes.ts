/**
 * The code lists of the signal system as versioned reference data (valid from, inclusive, until, exclusive), like the
 * intake catalogue: a list changes by adding a version, and old signals keep the codes valid on their own date.
 */
export interface SignalCode {
  readonly code: string;
  /** Hungarian label shown in the portal and on staff screens. */
  readonly label: string;
  readonly validFrom: string;
  readonly validTo?: string;
}

export type SignalCodeList = 'memberCategory' | 'endangerment' | 'channel' | 'measure';
export type SignalCodeCatalogue = Readonly<Record<SignalCodeList, readonly SignalCode[]>>;

const since = (code: string, label: string): SignalCode => ({ code, label, validFrom: '2000-01-01' });

/** The shipped lists; categories follow the members named by Gyvt. 17. § (1) (DOMAIN.md: signal system). */
export const SIGNAL_CODES: SignalCodeCatalogue = {
  memberCategory: [
    since('GP', 'háziorvos, házi gyermekorvos'),
    since('HEALTH_VISITOR', 'védőnői szolgálat'),
    since('HOSPITAL', 'kórház, szakellátás'),
    since('CRECHE', 'bölcsőde'),
    since('KINDERGARTEN', 'óvoda'),
    since('SCHOOL', 'iskola'),
    since('PEDAGOGICAL', 'pedagógiai szakszolgálat'),
    since('POLICE', 'rendőrség'),
    since('PROSECUTION', 'ügyészség'),
    since('COURT', 'bíróság'),
    since('GUARDIANSHIP', 'gyámhatóság'),
    since('PROBATION', 'pártfogó felügyelői szolgálat'),
    since('LABOUR_OFFICE', 'foglalkoztatási szerv'),
    since('SHELTER', 'családok átmeneti otthona, menedékhely'),
    since('NGO', 'civil szervezet'),
    since('CHURCH', 'egyházi jogi személy'),
    since('CITIZEN', 'állampolgár'),
    since('OTHER', 'egyéb'),
  ],
  endangerment: [
    since('NEGLECT', 'elhanyagolás'),
    since('PHYSICAL_ABUSE', 'fizikai bántalmazás'),
    since('EMOTIONAL_ABUSE', 'lelki bántalmazás'),
    since('SEXUAL_ABUSE', 'szexuális bántalmazás'),
    since('DOMESTIC_VIOLENCE', 'családon belüli erőszak'),
    since('SCHOOL_ABSENCE', 'igazolatlan iskolai hiányzás'),
    since('BEHAVIOUR', 'magatartási, beilleszkedési probléma'),
    since('ADDICTION', 'szenvedélybetegség'),
    since('HEALTH', 'egészségi állapot, ellátatlanság'),
    since('HOUSING', 'lakhatási probléma'),
    since('FINANCIAL', 'anyagi, megélhetési probléma'),
    since('FAMILY_CONFLICT', 'családi konfliktus'),
    since('OTHER', 'egyéb'),
  ],
  channel: [since('PORTAL', 'jelzőportál'), since('PHONE', 'telefon'), since('EMAIL', 'e-mail'), since('PAPER', 'papíron, levélben'), since('IN_PERSON', 'személyesen'), since('WEB_FORM', 'nyilvános online űrlap')],
  measure: [
    since('FIRST_CONTACT', 'első kapcsolatfelvétel'),
    since('FAMILY_VISIT', 'családlátogatás'),
    since('CASE_OPENED', 'gondozásba vétel'),
    since('REFERRED', 'továbbküldve más szolgáltatáshoz'),
    since('CLOSED_HANDLED', 'lezárva, ellátva'),
    since('CLOSED_UNFOUNDED', 'lezárva, megalapozatlan'),
  ],
};

/** Measures that end the handling of a signal. */
export const CLOSING_MEASURES: readonly string[] = ['CLOSED_HANDLED', 'CLOSED_UNFOUNDED'];

/** Whether `code` is in `list` on `date` (ISO day). */
export const isSignalCodeValid = (catalogue: SignalCodeCatalogue, list: SignalCodeList, code: string, date: string): boolean =>
  catalogue[list].some((c) => c.code === code && c.validFrom <= date && (c.validTo === undefined || date < c.validTo));

/** Who the jelzés is about. */
export const SUBJECT_KINDS = ['child', 'adult', 'family'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** `immediate`: the signaller reports immediate danger (the signal is critical and the on-call number is shown). */
export const URGENCIES = ['immediate', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

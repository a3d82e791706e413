import { findCode, INTAKE_REFERENCE_CODES, type CodeListName } from '@kapocs/intake/contracts';
import type { ContactLogExportEntry, RegisterRow } from '@kapocs/projector/contracts';

/** A code's Hungarian label on the record's date, or the code itself when the list does not know it. */
const label = (list: CodeListName, code: string | null, onDate: string, short = false): string => {
  if (!code) return '';
  const entry = findCode(INTAKE_REFERENCE_CODES, list, code, onDate);
  return (short ? (entry?.abbreviation ?? entry?.code) : entry?.labelHu) ?? code;
};

/** Column headings of the forgalmi napló, after 1/2000. SzCsM r. 7. melléklet (legal-forms.md §4.1). */
export const CONTACT_LOG_HEADINGS = [
  'Dátum',
  'Sorszám',
  'Egyéni azonosító',
  'Név (személyi adatok)',
  'Új',
  'Régi',
  'Küldő szerv',
  'Elsődleges (hozott) probléma típusa',
  'Eset leírása (felkínált probléma)',
  'Esetkezelés jellege',
  'Juttatás',
  'Esetfelelős',
  'Ügyeletes',
] as const;

/** One forgalmi napló entry as the cells under CONTACT_LOG_HEADINGS. */
export function contactLogCells(e: ContactLogExportEntry): string[] {
  const personal = [
    e.birthYear ? `szül. ${e.birthYear}` : '',
    label('economicActivity', e.economicActivity, e.date),
    label('familyStatus', e.familyStatus, e.date),
    label('education', e.education, e.date),
  ].filter(Boolean);
  const who =
    e.kind === 'group'
      ? `${label('groupType', e.groupType, e.date)} (${e.participantCount ?? 0} fő)`
      : [e.clientName ?? (e.clientId ? '' : 'Névtelen megkeresés'), personal.join(', ')].filter(Boolean).join(' – ');
  const description = [e.voided ? `ÉRVÉNYTELENÍTVE${e.voidReason ? `: ${e.voidReason}` : ''}` : '', e.description ?? '']
    .filter(Boolean)
    .join(' | ');
  return [
    e.date,
    String(e.serial),
    e.individualId ?? '',
    who,
    e.newInYear === true ? 'X' : '',
    e.newInYear === false ? 'X' : '',
    label('referrer', e.referrer, e.date),
    [...e.problemTypes.map((c) => label('problemType', c, e.date)), e.crisis ? 'krízis' : ''].filter(Boolean).join(', '),
    description,
    e.caseHandling.map((c) => label('caseHandling', c, e.date, true)).join(' '),
    e.benefits.map((c) => label('benefit', c, e.date, true)).join(' '),
    e.caseWorkerId ?? '',
    e.dutyWorkerId,
  ];
}

/** Column headings of the client register (Szt. 20. §). */
export const REGISTER_HEADINGS = [
  'Nyilvántartási szám',
  'Év',
  'Egyéni azonosító',
  'Szolgáltatási hely',
  'Név',
  'Születési név',
  'Anyja neve',
  'Születési hely',
  'Születési idő',
  'TAJ',
  'Állampolgárság',
  'Lakóhely',
  'Tartózkodási hely',
  'Telefon',
  'E-mail',
  'Háztartás',
  'Nyilvántartásba vétel',
  'Ellátás kezdete',
  'Ellátás vége',
  'Adatkezelési nyilatkozat',
] as const;

export function registerCells(r: RegisterRow): string[] {
  const place = (settlement: string | null, address: string | null): string => [settlement, address].filter(Boolean).join(' ');
  return [
    String(r.registerNumber),
    String(r.registerYear),
    r.individualId,
    r.site,
    r.name ?? '',
    r.birthName ?? '',
    r.mothersName ?? '',
    r.birthPlace ?? '',
    r.birthDate ?? '',
    r.taj ?? '',
    label('citizenship', r.citizenship, r.registeredOn),
    place(r.residenceSettlement, r.residenceAddress),
    place(r.staySettlement, r.stayAddress),
    r.phone ?? '',
    r.email ?? '',
    r.householdId ?? '',
    r.registeredOn,
    r.serviceStartedOn ?? '',
    r.serviceEndedOn ?? '',
    r.consent ? 'van' : 'nincs',
  ];
}

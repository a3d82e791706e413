import type { ReferenceCode } from './code-list.js';

// See person-codes.ts for what the dates mean.
const FROM = '2000-01-01';
const REFORM_2016 = '2016-01-01';

/** Code lists of the forgalmi napló (1/2000. SzCsM r. 7. melléklet, legal-forms.md §4) and of OSAP 1696 3.4. */
export const CONTACT_CODES: readonly ReferenceCode[] = [
  // Elsődleges (hozott) probléma típusa — the OCsM numbering of the legal list, with 2.1 as its own row (OSAP 2.5).
  { list: 'problemType', code: '1', labelHu: 'Életviteli', labelEn: 'Way of life', validFrom: FROM },
  { list: 'problemType', code: '2', labelHu: 'Családi, kapcsolati', labelEn: 'Family, relationships', validFrom: FROM },
  {
    list: 'problemType',
    code: '2.1',
    parent: '2',
    labelHu: 'Családon belüli bántalmazás',
    labelEn: 'Domestic violence',
    validFrom: FROM,
  },
  { list: 'problemType', code: '3', labelHu: 'Lelki-mentális', labelEn: 'Psychological, mental', validFrom: FROM },
  { list: 'problemType', code: '4', labelHu: 'Gyermeknevelési', labelEn: 'Child-rearing', validFrom: FROM },
  { list: 'problemType', code: '5', labelHu: 'Anyagi', labelEn: 'Financial', validFrom: FROM },
  { list: 'problemType', code: '6', labelHu: 'Foglalkoztatással kapcsolatos', labelEn: 'Employment', validFrom: FROM },
  {
    list: 'problemType',
    code: '7',
    labelHu: 'Egészségkárosodás következménye',
    labelEn: 'Consequence of health impairment',
    validFrom: FROM,
  },
  {
    list: 'problemType',
    code: '8',
    labelHu: 'Ügyintézéshez segítségkérés',
    labelEn: 'Help with official matters',
    validFrom: FROM,
  },
  { list: 'problemType', code: '9', labelHu: 'Információkérés', labelEn: 'Information request', validFrom: FROM },
  { list: 'problemType', code: '10', labelHu: 'Egyéb', labelEn: 'Other', validFrom: FROM },

  // Esetkezelés jellege — the legal initials I Ü S T T E C P G V C U repeat T and C, so codes are unique ASCII
  // (Debrecen's TI, CS, CSL) and the printed initial is the abbreviation.
  { list: 'caseHandling', code: 'I', labelHu: 'Információ', labelEn: 'Information', validFrom: FROM },
  { list: 'caseHandling', code: 'UI', abbreviation: 'Ü', labelHu: 'Ügyintézés', labelEn: 'Administration', validFrom: FROM },
  { list: 'caseHandling', code: 'S', labelHu: 'Segítő beszélgetés', labelEn: 'Supportive talk', validFrom: FROM },
  { list: 'caseHandling', code: 'T', labelHu: 'Tanácsadás', labelEn: 'Counselling', validFrom: FROM },
  { list: 'caseHandling', code: 'TI', abbreviation: 'T', labelHu: 'Továbbirányítás', labelEn: 'Referral', validFrom: FROM },
  { list: 'caseHandling', code: 'E', labelHu: 'Egyéb', labelEn: 'Other', validFrom: FROM },
  { list: 'caseHandling', code: 'CS', abbreviation: 'C', labelHu: 'Csoport', labelEn: 'Group', validFrom: FROM },
  { list: 'caseHandling', code: 'P', labelHu: 'Pszichológiai tevékenység', labelEn: 'Psychological work', validFrom: FROM },
  { list: 'caseHandling', code: 'G', labelHu: 'Gondozásba vétel', labelEn: 'Taken into care', validFrom: FROM },
  { list: 'caseHandling', code: 'V', labelHu: 'Védelembe vétel', labelEn: 'Protective measure', validFrom: FROM },
  { list: 'caseHandling', code: 'CSL', abbreviation: 'C', labelHu: 'Családlátogatás', labelEn: 'Family visit', validFrom: FROM },
  { list: 'caseHandling', code: 'UG', abbreviation: 'U', labelHu: 'Utógondozás', labelEn: 'After-care', validFrom: FROM },

  // Juttatás — the law's two columns.
  { list: 'benefit', code: 'D', labelHu: 'Dologi', labelEn: 'Material', validFrom: FROM },
  { list: 'benefit', code: 'S', labelHu: 'Szolgáltatás', labelEn: 'Service', validFrom: FROM },

  // Küldő szerv — Debrecen / Kaposvár (legal-forms.md §4.5).
  { list: 'referrer', code: '1', labelHu: 'Kliens (önként)', labelEn: 'Client (self)', validFrom: FROM },
  { list: 'referrer', code: '2', labelHu: 'Családtag', labelEn: 'Family member', validFrom: FROM },
  { list: 'referrer', code: '3', labelHu: 'Egyéb magánszemély', labelEn: 'Other private person', validFrom: FROM },
  {
    list: 'referrer',
    code: '4',
    labelHu: 'Hatóság, egyéb intézmény, szervezet',
    labelEn: 'Authority, other institution or organisation',
    validFrom: FROM,
  },
  {
    list: 'referrer',
    code: '5',
    labelHu: 'Család- és gyermekjóléti szolgálat, központ',
    labelEn: 'Family and child welfare service or centre',
    validFrom: FROM,
  },
  { list: 'referrer', code: '6', labelHu: 'Nem ismert', labelEn: 'Unknown', validFrom: FROM },

  // Kapcsolatfelvétel módja (legal-forms.md §4.12: what counts as one entry).
  { list: 'contactMode', code: 'IN_PERSON', labelHu: 'Személyesen', labelEn: 'In person', validFrom: FROM },
  { list: 'contactMode', code: 'PHONE', labelHu: 'Telefonon', labelEn: 'By phone', validFrom: FROM },
  { list: 'contactMode', code: 'EMAIL', labelHu: 'E-mailben', labelEn: 'By e-mail', validFrom: FROM },
  { list: 'contactMode', code: 'FAMILY_VISIT', labelHu: 'Családlátogatás', labelEn: 'Family visit', validFrom: FROM },
  { list: 'contactMode', code: 'OUTSIDE', labelHu: 'Külső helyszínen', labelEn: 'At an outside location', validFrom: FROM },

  // Csoportfoglalkozás típusa — OSAP 1696 3.4; community work has its own code.
  { list: 'groupType', code: '1', labelHu: 'Szociális- és mentálhigiénés', labelEn: 'Social and mental hygiene', validFrom: FROM },
  { list: 'groupType', code: '2', labelHu: 'Pszichológiai tréning, terápia', labelEn: 'Psychological training, therapy', validFrom: FROM },
  { list: 'groupType', code: '3', labelHu: 'Családterápia', labelEn: 'Family therapy', validFrom: FROM },
  { list: 'groupType', code: '4', labelHu: 'Családkonzultáció', labelEn: 'Family consultation', validFrom: FROM },
  { list: 'groupType', code: '5', labelHu: 'Önsegítő csoport', labelEn: 'Self-help group', validFrom: FROM },
  { list: 'groupType', code: '6', labelHu: 'Egyéb csoportfoglalkozás', labelEn: 'Other group session', validFrom: FROM },
  { list: 'groupType', code: 'COMMUNITY', labelHu: 'Közösségi munka', labelEn: 'Community work', validFrom: FROM },

  // Alapszolgáltatások — Szt. 57. § (1), for the 9/1999. SzCsM r. 18. § declaration; családsegítés became the
  // család- és gyermekjóléti szolgáltatás in the 2016 reform.
  { list: 'basicService', code: 'VILLAGE_CARETAKER', labelHu: 'Falugondnoki, tanyagondnoki szolgáltatás', labelEn: 'Village or farmstead caretaker', validFrom: FROM },
  { list: 'basicService', code: 'MEALS', labelHu: 'Étkeztetés', labelEn: 'Meals', validFrom: FROM },
  { list: 'basicService', code: 'HOME_HELP', labelHu: 'Házi segítségnyújtás', labelEn: 'Home help', validFrom: FROM },
  { list: 'basicService', code: 'ALARM_HOME_HELP', labelHu: 'Jelzőrendszeres házi segítségnyújtás', labelEn: 'Alarm-based home help', validFrom: FROM },
  { list: 'basicService', code: 'FAMILY_SUPPORT', labelHu: 'Családsegítés', labelEn: 'Family support', validFrom: FROM, validTo: REFORM_2016 },
  { list: 'basicService', code: 'FAMILY_CHILD_WELFARE', labelHu: 'Család- és gyermekjóléti szolgáltatás', labelEn: 'Family and child welfare service', validFrom: REFORM_2016 },
  { list: 'basicService', code: 'COMMUNITY_CARE', labelHu: 'Közösségi ellátások', labelEn: 'Community care', validFrom: FROM },
  { list: 'basicService', code: 'SUPPORT_SERVICE', labelHu: 'Támogató szolgáltatás', labelEn: 'Support service', validFrom: FROM },
  { list: 'basicService', code: 'STREET_WORK', labelHu: 'Utcai szociális munka', labelEn: 'Street social work', validFrom: FROM },
  { list: 'basicService', code: 'DAY_CARE', labelHu: 'Nappali ellátás', labelEn: 'Day care', validFrom: FROM },
];

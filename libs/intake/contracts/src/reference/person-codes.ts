import type { ReferenceCode } from './code-list.js';

// Dates are the first day the source form applied as far as the study shows (legal-forms.md §0: treat them as
// configuration to verify); a later change adds a new entry and closes the old one with `validTo`.
const FROM = '2000-01-01';

/** Person-level code lists of the client register (Szt. 18. § a)–c), i)) and the OSAP 1696 tables 2.1–2.4. */
export const PERSON_CODES: readonly ReferenceCode[] = [
  // Nem — OSAP 2.1; the KSH convention 1 = male, 2 = female.
  { list: 'sex', code: '1', labelHu: 'Férfi', labelEn: 'Male', validFrom: FROM },
  { list: 'sex', code: '2', labelHu: 'Nő', labelEn: 'Female', validFrom: FROM },

  // Állampolgárság, illetve bevándorolt, letelepedett vagy menekült jogállás — Szt. 18. § b), 3. § (3).
  { list: 'citizenship', code: 'HU', labelHu: 'Magyar állampolgár', labelEn: 'Hungarian citizen', validFrom: FROM },
  {
    list: 'citizenship',
    code: 'EEA',
    labelHu: 'Szabad mozgás és tartózkodás jogával rendelkező (EGT) állampolgár',
    labelEn: 'EEA citizen with the right of free movement and residence',
    validFrom: FROM,
  },
  { list: 'citizenship', code: 'SETTLED', labelHu: 'Letelepedett', labelEn: 'Settled', validFrom: FROM },
  { list: 'citizenship', code: 'IMMIGRANT', labelHu: 'Bevándorolt', labelEn: 'Immigrant', validFrom: FROM },
  { list: 'citizenship', code: 'REFUGEE', labelHu: 'Menekült', labelEn: 'Refugee', validFrom: FROM },
  { list: 'citizenship', code: 'PROTECTED', labelHu: 'Oltalmazott', labelEn: 'Subsidiary protection', validFrom: FROM },
  { list: 'citizenship', code: 'STATELESS', labelHu: 'Hontalan', labelEn: 'Stateless', validFrom: FROM },
  { list: 'citizenship', code: 'OTHER', labelHu: 'Egyéb jogállás', labelEn: 'Other legal status', validFrom: FROM },

  // Családi összetétel — OSAP 2.3 (= Miskolc column 12).
  {
    list: 'familyStatus',
    code: '1',
    labelHu: 'Házastársi (élettársi) kapcsolatban együtt élő, 18 év alatti gyermek(ek)kel',
    labelEn: 'Couple with children under 18',
    validFrom: FROM,
  },
  {
    list: 'familyStatus',
    code: '2',
    labelHu: 'Házastársi (élettársi) kapcsolatban együtt élő, gyermek nélkül',
    labelEn: 'Couple without children',
    validFrom: FROM,
  },
  {
    list: 'familyStatus',
    code: '3',
    labelHu: 'Egy szülő 18 év alatti gyermek(ek)kel',
    labelEn: 'Single parent with children under 18',
    validFrom: FROM,
  },
  { list: 'familyStatus', code: '4', labelHu: 'Egyedül élő', labelEn: 'Living alone', validFrom: FROM },
  { list: 'familyStatus', code: '5', labelHu: 'Egyéb', labelEn: 'Other', validFrom: FROM },

  // Gazdasági aktivitás — OSAP 2.2; "ebből nyugdíjas" is its own code so the sub-row is countable.
  { list: 'economicActivity', code: '1', labelHu: 'Aktív kereső', labelEn: 'Employed', validFrom: FROM },
  { list: 'economicActivity', code: '2', labelHu: 'Álláskereső', labelEn: 'Job-seeker', validFrom: FROM },
  { list: 'economicActivity', code: '3', labelHu: 'Inaktív', labelEn: 'Inactive', validFrom: FROM },
  {
    list: 'economicActivity',
    code: '3.1',
    parent: '3',
    labelHu: 'Inaktív: nyugdíjas',
    labelEn: 'Inactive: pensioner',
    validFrom: FROM,
  },
  { list: 'economicActivity', code: '4', labelHu: 'Eltartott', labelEn: 'Dependant', validFrom: FROM },

  // Iskolai végzettség — OSAP 2.4.
  {
    list: 'education',
    code: '1',
    labelHu: 'Tanköteles kornál fiatalabb',
    labelEn: 'Below compulsory-school age',
    validFrom: FROM,
  },
  {
    list: 'education',
    code: '2',
    labelHu: 'Általános iskola nyolc osztályánál kevesebb',
    labelEn: 'Fewer than 8 primary grades',
    validFrom: FROM,
  },
  { list: 'education', code: '3', labelHu: 'Általános iskola nyolc osztálya', labelEn: '8 primary grades', validFrom: FROM },
  { list: 'education', code: '4', labelHu: 'Általános iskola tíz osztálya', labelEn: '10 grades', validFrom: FROM },
  {
    list: 'education',
    code: '5',
    labelHu: 'Befejezett szakmunkásképző iskola, szakiskola',
    labelEn: 'Completed vocational school',
    validFrom: FROM,
  },
  {
    list: 'education',
    code: '6',
    labelHu: 'Befejezett szakközépiskola',
    labelEn: 'Completed secondary vocational school',
    validFrom: FROM,
  },
  { list: 'education', code: '7', labelHu: 'Befejezett gimnázium', labelEn: 'Completed grammar school', validFrom: FROM },
  { list: 'education', code: '8', labelHu: 'Felsőfokú iskola', labelEn: 'Higher education', validFrom: FROM },

  // Kapcsolat a háztartásfőhöz — a reduced form of Animula's családi funkciók (legal-forms.md §10).
  { list: 'householdRelation', code: 'HEAD', labelHu: 'Háztartásfő', labelEn: 'Household head', validFrom: FROM },
  { list: 'householdRelation', code: 'SPOUSE', labelHu: 'Házastárs', labelEn: 'Spouse', validFrom: FROM },
  { list: 'householdRelation', code: 'PARTNER', labelHu: 'Élettárs', labelEn: 'Partner', validFrom: FROM },
  { list: 'householdRelation', code: 'CHILD', labelHu: 'Gyermek', labelEn: 'Child', validFrom: FROM },
  { list: 'householdRelation', code: 'FOSTER_CHILD', labelHu: 'Nevelt gyermek', labelEn: 'Foster child', validFrom: FROM },
  { list: 'householdRelation', code: 'PARENT', labelHu: 'Szülő', labelEn: 'Parent', validFrom: FROM },
  { list: 'householdRelation', code: 'SIBLING', labelHu: 'Testvér', labelEn: 'Sibling', validFrom: FROM },
  { list: 'householdRelation', code: 'GRANDPARENT', labelHu: 'Nagyszülő', labelEn: 'Grandparent', validFrom: FROM },
  { list: 'householdRelation', code: 'GRANDCHILD', labelHu: 'Unoka', labelEn: 'Grandchild', validFrom: FROM },
  { list: 'householdRelation', code: 'OTHER_RELATIVE', labelHu: 'Egyéb rokon', labelEn: 'Other relative', validFrom: FROM },
  { list: 'householdRelation', code: 'NON_RELATIVE', labelHu: 'Nem rokon', labelEn: 'Not related', validFrom: FROM },
];

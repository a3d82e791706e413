import type { Lang } from '../../i18n';

/** One code of the signal system's lists (mirrors SIGNAL_CODES of @kapocs/signals/contracts, with English labels). */
interface SignalCodeLabel {
  readonly code: string;
  readonly hu: string;
  readonly en: string;
}

const c = (code: string, hu: string, en: string): SignalCodeLabel => ({ code, hu, en });

export const SIGNAL_CODE_LISTS = {
  memberCategory: [
    c('GP', 'háziorvos, házi gyermekorvos', 'general practitioner, paediatrician'),
    c('HEALTH_VISITOR', 'védőnői szolgálat', 'health visitor service'),
    c('HOSPITAL', 'kórház, szakellátás', 'hospital, specialist care'),
    c('CRECHE', 'bölcsőde', 'crèche'),
    c('KINDERGARTEN', 'óvoda', 'kindergarten'),
    c('SCHOOL', 'iskola', 'school'),
    c('PEDAGOGICAL', 'pedagógiai szakszolgálat', 'educational psychology service'),
    c('POLICE', 'rendőrség', 'police'),
    c('PROSECUTION', 'ügyészség', 'prosecution'),
    c('COURT', 'bíróság', 'court'),
    c('GUARDIANSHIP', 'gyámhatóság', 'guardianship authority'),
    c('PROBATION', 'pártfogó felügyelői szolgálat', 'probation service'),
    c('LABOUR_OFFICE', 'foglalkoztatási szerv', 'employment office'),
    c('SHELTER', 'családok átmeneti otthona, menedékhely', 'temporary family home, shelter'),
    c('NGO', 'civil szervezet', 'NGO'),
    c('CHURCH', 'egyházi jogi személy', 'church body'),
    c('CITIZEN', 'állampolgár', 'citizen'),
    c('OTHER', 'egyéb', 'other'),
  ],
  endangerment: [
    c('NEGLECT', 'elhanyagolás', 'neglect'),
    c('PHYSICAL_ABUSE', 'fizikai bántalmazás', 'physical abuse'),
    c('EMOTIONAL_ABUSE', 'lelki bántalmazás', 'emotional abuse'),
    c('SEXUAL_ABUSE', 'szexuális bántalmazás', 'sexual abuse'),
    c('DOMESTIC_VIOLENCE', 'családon belüli erőszak', 'domestic violence'),
    c('SCHOOL_ABSENCE', 'igazolatlan iskolai hiányzás', 'unexcused school absence'),
    c('BEHAVIOUR', 'magatartási, beilleszkedési probléma', 'behaviour, adjustment problem'),
    c('ADDICTION', 'szenvedélybetegség', 'addiction'),
    c('HEALTH', 'egészségi állapot, ellátatlanság', 'health, lack of care'),
    c('HOUSING', 'lakhatási probléma', 'housing problem'),
    c('FINANCIAL', 'anyagi, megélhetési probléma', 'financial problem'),
    c('FAMILY_CONFLICT', 'családi konfliktus', 'family conflict'),
    c('OTHER', 'egyéb', 'other'),
  ],
  channel: [
    c('PORTAL', 'jelzőportál', 'signal portal'),
    c('PHONE', 'telefon', 'phone'),
    c('EMAIL', 'e-mail', 'e-mail'),
    c('PAPER', 'papíron, levélben', 'paper, letter'),
    c('IN_PERSON', 'személyesen', 'in person'),
    c('WEB_FORM', 'nyilvános webes űrlap', 'public web form'),
  ],
  measure: [
    c('FIRST_CONTACT', 'első kapcsolatfelvétel', 'first contact'),
    c('FAMILY_VISIT', 'családlátogatás', 'family visit'),
    c('CASE_OPENED', 'gondozásba vétel', 'case opened'),
    c('REFERRED', 'továbbküldve más szolgáltatáshoz', 'referred to another service'),
    c('CLOSED_HANDLED', 'lezárva, ellátva', 'closed, handled'),
    c('CLOSED_UNFOUNDED', 'lezárva, megalapozatlan', 'closed as unfounded'),
  ],
} as const;

export type SignalCodeListName = keyof typeof SIGNAL_CODE_LISTS;

/** Measures that end the handling of a signal (CLOSING_MEASURES of the contracts). */
export const CLOSING_MEASURES: readonly string[] = ['CLOSED_HANDLED', 'CLOSED_UNFOUNDED'];

export function codeOptions(list: SignalCodeListName, lang: Lang): readonly { code: string; label: string }[] {
  return SIGNAL_CODE_LISTS[list].map((x) => ({ code: x.code, label: x[lang] }));
}

export function codeLabel(list: SignalCodeListName, code: string | undefined, lang: Lang): string {
  if (!code) return '';
  return SIGNAL_CODE_LISTS[list].find((x) => x.code === code)?.[lang] ?? code;
}

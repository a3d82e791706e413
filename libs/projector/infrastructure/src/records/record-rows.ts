import type { ContactLogRow, RegisterRow } from '@kapocs/projector/contracts';

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** The projected stream version (bigint arrives as a string from pg). */
const versionOf = (r: Row): string => String(r['stream_version'] ?? '0');
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A `client_register` row (snake_case) as the contract's RegisterRow. */
export function toRegisterRow(r: Row): RegisterRow {
  return {
    clientId: String(r['client_id']),
    district: String(r['district']),
    site: String(r['site']),
    registerYear: Number(r['register_year']),
    registerNumber: Number(r['register_number']),
    individualId: String(r['individual_id']),
    name: str(r['name']),
    birthName: str(r['birth_name']),
    mothersName: str(r['mothers_name']),
    birthPlace: str(r['birth_place']),
    birthDate: str(r['birth_date']),
    birthYear: Number(r['birth_year']),
    taj: str(r['taj']),
    sex: String(r['sex']),
    citizenship: String(r['citizenship']),
    residenceSettlement: str(r['residence_settlement']),
    residenceAddress: str(r['residence_address']),
    staySettlement: str(r['stay_settlement']),
    stayAddress: str(r['stay_address']),
    phone: str(r['phone']),
    email: str(r['email']),
    economicActivity: str(r['economic_activity']),
    education: str(r['education']),
    familyStatus: str(r['family_status']),
    householdId: str(r['household_id']),
    householdRelation: str(r['household_relation']),
    registeredOn: String(r['registered_on']),
    serviceStartedOn: str(r['service_started_on']),
    serviceEndedOn: str(r['service_ended_on']),
    consent: r['consent'] === true,
    mergedClientIds: (r['merged_client_ids'] as string[] | null) ?? [],
    version: versionOf(r),
  };
}

/** A `contact_log` row joined with the register (`shown_client_id`, `client_name`) as the contract's ContactLogRow. */
export function toContactLogRow(r: Row): ContactLogRow {
  return {
    contactId: String(r['contact_id']),
    kind: r['kind'] === 'group' ? 'group' : 'contact',
    district: String(r['district']),
    site: String(r['site']),
    year: Number(r['year']),
    serial: Number(r['serial']),
    date: String(r['date']),
    clientId: str(r['shown_client_id']),
    individualId: str(r['shown_individual_id']),
    clientName: str(r['client_name']),
    birthYear: num(r['birth_year']),
    economicActivity: str(r['economic_activity']),
    familyStatus: str(r['family_status']),
    education: str(r['education']),
    newInYear: (r['new_in_year'] as boolean | null) ?? null,
    mode: str(r['mode']),
    referrer: str(r['referrer']),
    problemTypes: (r['problem_types'] as string[] | null) ?? [],
    crisis: r['crisis'] === true,
    description: str(r['description']),
    caseHandling: (r['case_handling'] as string[] | null) ?? [],
    benefits: (r['benefits'] as string[] | null) ?? [],
    caseWorkerId: str(r['case_worker_id']),
    dutyWorkerId: String(r['duty_worker_id']),
    groupType: str(r['group_type']),
    participantCount: num(r['participant_count']),
    voided: r['voided'] === true,
    voidReason: str(r['void_reason']),
    corrections: (r['corrections'] as ContactLogRow['corrections'] | null) ?? [],
    version: versionOf(r),
  };
}

import { scopeSql, type ScopeFilter } from '@kapocs/platform/auth';
import { CONTACT_LOG_EXPORT_FIELDS, type ContactLogExportEntry } from '@kapocs/projector/contracts';
import { PROJECTOR_SCHEMA } from '../projector-schema.js';

const s = PROJECTOR_SCHEMA;

/**
 * The register restricted to the caller's scope, as a sub-select, so that the scope columns are never ambiguous in
 * the joins around it. Parameters are numbered from `first`.
 */
export function scopedRegister(scope: ScopeFilter, first: number): { sql: string; params: readonly unknown[] } {
  const { condition, params } = scopeSql(scope, { district: 'district', settlement: 'site' }, first);
  return { sql: `(SELECT * FROM ${s}.client_register WHERE ${condition})`, params };
}

export function scopedContactLog(scope: ScopeFilter, first: number): { sql: string; params: readonly unknown[] } {
  const { condition, params } = scopeSql(scope, { district: 'district', settlement: 'site' }, first);
  return { sql: `(SELECT * FROM ${s}.contact_log WHERE ${condition})`, params };
}

/** Register columns plus the ids of the clients merged into each row. */
export const REGISTER_SELECT = `r.*, (SELECT coalesce(array_agg(m.client_id ORDER BY m.client_id), '{}') FROM ${s}.client_register m
  WHERE m.merged_into = r.client_id) AS merged_client_ids`;

/**
 * Contact-log columns with the client shown as the survivor of a merge and its current name from the register: an
 * erased client has no register row, so no name.
 */
export const CONTACT_LOG_SELECT = `c.*, coalesce(sv.client_id, r.client_id, c.client_id) AS shown_client_id,
  coalesce(sv.individual_id, c.individual_id) AS shown_individual_id, coalesce(sv.name, r.name) AS client_name`;

export const CONTACT_LOG_JOINS = `LEFT JOIN ${s}.client_register r ON r.client_id = c.client_id
  LEFT JOIN ${s}.client_register sv ON sv.client_id = r.merged_into`;

export const REGISTER_TABLE = `${s}.client_register`;
export const DECLARATIONS_TABLE = `${s}.client_declarations`;
export const CONTACT_LOG_TABLE = `${s}.contact_log`;

/** Each export field as SQL over `c` and the joins above: the values of `toContactLogRow`, as JSON. */
const EXPORT_VALUES: Readonly<Record<keyof ContactLogExportEntry, string>> = {
  serial: 'c.serial',
  date: 'c.date',
  kind: "CASE WHEN c.kind = 'group' THEN 'group' ELSE 'contact' END",
  clientId: 'coalesce(sv.client_id, r.client_id, c.client_id)',
  individualId: 'coalesce(sv.individual_id, c.individual_id)',
  clientName: 'coalesce(sv.name, r.name)',
  birthYear: 'c.birth_year',
  economicActivity: 'c.economic_activity',
  familyStatus: 'c.family_status',
  education: 'c.education',
  newInYear: 'c.new_in_year',
  referrer: 'c.referrer',
  problemTypes: "coalesce(c.problem_types, '[]')",
  crisis: 'c.crisis IS TRUE',
  description: 'c.description',
  caseHandling: "coalesce(c.case_handling, '[]')",
  benefits: "coalesce(c.benefits, '[]')",
  caseWorkerId: 'c.case_worker_id',
  dutyWorkerId: 'c.duty_worker_id',
  groupType: 'c.group_type',
  participantCount: 'c.participant_count',
  voided: 'c.voided IS TRUE',
  voidReason: 'c.void_reason',
};

/** One export entry as the JSON text of an array in CONTACT_LOG_EXPORT_FIELDS order (column `entry`). */
export const CONTACT_LOG_EXPORT_SELECT = `json_build_array(${CONTACT_LOG_EXPORT_FIELDS.map((f) => EXPORT_VALUES[f]).join(', ')})::text AS entry`;

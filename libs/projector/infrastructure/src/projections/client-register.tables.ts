/** Columns of `client_register` with their PostgreSQL types, in insert order (dates as ISO text, never shifted). */
export const REGISTER_COLUMNS: Readonly<Record<string, string>> = {
  client_id: 'text',
  district: 'text',
  site: 'text',
  register_year: 'int',
  register_number: 'int',
  individual_id: 'text',
  name: 'text',
  name_key: 'text',
  birth_name: 'text',
  mothers_name: 'text',
  birth_place: 'text',
  birth_date: 'text',
  birth_year: 'int',
  taj: 'text',
  sex: 'text',
  citizenship: 'text',
  residence_settlement: 'text',
  residence_address: 'text',
  stay_settlement: 'text',
  stay_address: 'text',
  phone: 'text',
  email: 'text',
  economic_activity: 'text',
  education: 'text',
  family_status: 'text',
  household_id: 'text',
  household_relation: 'text',
  registered_on: 'text',
  service_started_on: 'text',
  service_ended_on: 'text',
  consent: 'boolean',
  merged_into: 'text',
  corrections: 'jsonb',
  position: 'bigint',
  /** Version of the `client-<id>` stream after the last event folded in: the ETag a correction sends. */
  stream_version: 'bigint',
};

export const DECLARATION_COLUMNS: Readonly<Record<string, string>> = {
  id: 'text',
  client_id: 'text',
  kind: 'text',
  declared_on: 'text',
  recorded_by: 'text',
  details: 'jsonb',
};

export const registerTableDdl = (table: (base: string) => string): readonly string[] => {
  const r = table('client_register');
  const columns = Object.entries(REGISTER_COLUMNS)
    .map(([c, t]) => `${c} ${t}${c === 'client_id' ? ' PRIMARY KEY' : ''}`)
    .join(', ');
  return [
    `CREATE TABLE ${r} (${columns})`,
    `CREATE INDEX ON ${r} (district, site)`,
    `CREATE INDEX ON ${r} (district, name_key text_pattern_ops)`,
    `CREATE INDEX ON ${r} (district, taj)`,
    `CREATE INDEX ON ${r} (district, birth_date)`,
    `CREATE INDEX ON ${r} (household_id) WHERE household_id IS NOT NULL`,
    `CREATE INDEX ON ${r} (merged_into) WHERE merged_into IS NOT NULL`,
    `CREATE TABLE ${table('client_declarations')} (id text PRIMARY KEY, client_id text NOT NULL, kind text NOT NULL,
       declared_on text NOT NULL, recorded_by text NOT NULL, details jsonb NOT NULL)`,
    `CREATE INDEX ON ${table('client_declarations')} (client_id)`,
  ];
};

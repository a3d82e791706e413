/** Columns of `contact_log` (forgalmi napló entries) with their PostgreSQL types, in insert order. */
export const CONTACT_LOG_COLUMNS: Readonly<Record<string, string>> = {
  contact_id: 'text',
  kind: 'text',
  district: 'text',
  site: 'text',
  year: 'int',
  serial: 'int',
  date: 'text',
  client_id: 'text',
  individual_id: 'text',
  birth_year: 'int',
  sex: 'text',
  economic_activity: 'text',
  family_status: 'text',
  education: 'text',
  new_in_year: 'boolean',
  mode: 'text',
  referrer: 'text',
  problem_types: 'jsonb',
  crisis: 'boolean',
  description: 'text',
  case_handling: 'jsonb',
  benefits: 'jsonb',
  case_worker_id: 'text',
  duty_worker_id: 'text',
  group_type: 'text',
  participant_count: 'int',
  new_participant_count: 'int',
  voided: 'boolean',
  voided_on: 'text',
  void_reason: 'text',
  corrections: 'jsonb',
  position: 'bigint',
  /** Version of the entry's `contact-<id>` stream after the last event folded in: the ETag a correction sends. */
  stream_version: 'bigint',
};

export const contactLogTableDdl = (table: (base: string) => string): readonly string[] => {
  const t = table('contact_log');
  const columns = Object.entries(CONTACT_LOG_COLUMNS)
    .map(([c, type]) => `${c} ${type}${c === 'contact_id' ? ' PRIMARY KEY' : ''}`)
    .join(', ');
  return [
    `CREATE TABLE ${t} (${columns}, UNIQUE (site, year, serial))`,
    `CREATE INDEX ON ${t} (site, date)`,
    `CREATE INDEX ON ${t} (client_id) WHERE client_id IS NOT NULL`,
    // The next serial of each site and year: the last one given.
    `CREATE TABLE ${table('contact_log_serials')} (site text NOT NULL, year int NOT NULL, last int NOT NULL,
       PRIMARY KEY (site, year))`,
    // Merged client → survivor, so that erasing a survivor also blanks the contacts of the clients it absorbed.
    `CREATE TABLE ${table('contact_log_merges')} (client_id text PRIMARY KEY, survivor_id text NOT NULL)`,
  ];
};

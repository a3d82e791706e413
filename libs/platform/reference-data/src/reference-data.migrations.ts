import type { Migration } from '@kapocs/platform/postgres';

/** The schema of the operators' code list versions; shared by every service that validates codes. */
export const REFERENCE_SCHEMA = 'reference';

/**
 * `code_list_versions` is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): a code changes by a new version
 * valid from a date, and the history stays as it was, so old entries keep validating against their own date.
 */
export const referenceMigrations: readonly Migration[] = [
  {
    id: 'reference-0001-code-list-versions',
    sql: (s) => `
      CREATE TABLE ${s}.code_list_versions (
        id bigserial PRIMARY KEY,
        list text NOT NULL,
        code text NOT NULL,
        label_hu text NOT NULL,
        label_en text NOT NULL,
        abbreviation text,
        parent text,
        valid_from date NOT NULL,
        valid_to date,
        source text NOT NULL,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      );
      CREATE FUNCTION ${s}.code_list_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'code_list_versions is append-only';
      END $$;
      CREATE TRIGGER code_list_versions_no_change BEFORE UPDATE OR DELETE ON ${s}.code_list_versions
        FOR EACH ROW EXECUTE FUNCTION ${s}.code_list_versions_append_only();
      CREATE TRIGGER code_list_versions_no_truncate BEFORE TRUNCATE ON ${s}.code_list_versions
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.code_list_versions_append_only();
    `,
  },
];

/** The LISTEN/NOTIFY channel on which an added version wakes every service's catalogue (one per schema). */
export const referenceChannel = (schema: string): string => `kapocs_ref_${schema}`.slice(0, 63);

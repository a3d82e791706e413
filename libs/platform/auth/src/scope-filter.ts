import { type Actor, type DistrictCode, DomainError, PLATFORM_ERRORS, type SettlementCode } from '@kapocs/shared/kernel';
import { quoteIdent } from '@kapocs/platform/postgres';
import { type DataKind, ROLE_REACH } from './access-policy.js';

/**
 * The rows an actor may see, for services to apply to every query (DESIGN.md §5). `null` means "not restricted on
 * this column": `district: null` for county-wide aggregates, `settlements: null` for district-wide roles.
 */
export interface ScopeFilter {
  readonly district: DistrictCode | null;
  readonly settlements: readonly SettlementCode[] | null;
  readonly organisation: string | null;
}

/** The filter for `actor` reading `data`; refuses outright what the role may never read. */
export function scopeFilterFor(actor: Actor, data: DataKind): ScopeFilter {
  const rule = ROLE_REACH[actor.role];
  if (!rule.kinds.includes(data)) {
    throw new DomainError(PLATFORM_ERRORS.FORBIDDEN, { reason: `data:${data}` }, 'Role may not read this data');
  }
  switch (rule.reach) {
    case 'none':
    case 'county':
      return { district: null, settlements: null, organisation: null };
    case 'district':
      return { district: actor.district, settlements: null, organisation: null };
    case 'settlement':
      return { district: actor.district, settlements: actor.settlements, organisation: null };
    case 'organisation':
      return { district: actor.district, settlements: null, organisation: actor.organisation ?? '' };
  }
}

/** Column names of the scoped table; omit one the table does not have (then that restriction cannot be honoured). */
export interface ScopeColumns {
  readonly district: string;
  readonly settlement?: string;
  readonly organisation?: string;
}

/**
 * `filter` as a SQL condition with positional parameters from `$firstParam`, e.g.
 * `WHERE ${sql.condition}` with `[...otherParams, ...sql.params]`. A restriction on a column the table lacks
 * throws, so a settlement-level filter is never silently widened to the district.
 */
export function scopeSql(
  filter: ScopeFilter,
  columns: ScopeColumns,
  firstParam = 1,
): { readonly condition: string; readonly params: readonly unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (column: string | undefined, value: unknown, name: string, any = false): void => {
    if (!column) throw new Error(`scopeSql: the table needs a ${name} column for this actor`);
    params.push(value);
    const param = `$${firstParam + params.length - 1}`;
    parts.push(`${quoteIdent(column)} = ${any ? `ANY(${param})` : param}`);
  };
  if (filter.district !== null) add(columns.district, filter.district, 'district');
  if (filter.settlements !== null) add(columns.settlement, [...filter.settlements], 'settlement', true);
  if (filter.organisation !== null) add(columns.organisation, filter.organisation, 'organisation');
  return { condition: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

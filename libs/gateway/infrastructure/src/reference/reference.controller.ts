import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Reads, Roles } from '@kapocs/platform/auth';
import { CodeListVersionStore, type StoredCodeListVersion } from '@kapocs/platform/reference-data';
import { type Actor, DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import {
  type CodeListName,
  createCodeLists,
  entryProblem,
  isCodeListName,
  isIsoDate,
  isValidOn,
  REFERENCE_ERRORS,
  type ReferenceCode,
} from '@kapocs/shared/reference-data';
import { AddCodeListVersionRequest } from './code-list-version.dto.js';

const IDEMPOTENT = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first answer' };

export interface CodeListsReply {
  readonly codes: readonly ReferenceCode[];
}

const listOf = (list: string): CodeListName => {
  if (!isCodeListName(list)) throw new DomainError(REFERENCE_ERRORS.UNKNOWN_CODE_LIST, { list }, 'unknown code list');
  return list;
};

const dateOf = (on: string | undefined): string | undefined => {
  if (on === undefined || on === '') return undefined;
  if (!isIsoDate(on)) throw new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, { field: 'on' }, 'on must be a YYYY-MM-DD date');
  return on;
};

/**
 * The code lists (ADR-0009): every authenticated role reads them (the web app's pick lists and labels); only an
 * operator adds a version, which the services pick up at once and apply to entries dated on or after its validFrom.
 */
@ApiTags('reference')
@ApiBearerAuth()
@Reads('operational')
@Controller('reference/code-lists')
export class ReferenceController {
  constructor(@Inject(CodeListVersionStore) private readonly store: CodeListVersionStore) {}

  /** Every version of every list (the shipped files with the operators' versions), or those valid on `on`. */
  @Get()
  async all(@Query('on') on?: string): Promise<CodeListsReply> {
    const date = dateOf(on);
    const entries = await this.store.entries();
    return { codes: date === undefined ? entries : entries.filter((e) => isValidOn(e, date)) };
  }

  @Get(':list')
  async one(@Param('list') list: string, @Query('on') on?: string): Promise<CodeListsReply & { readonly list: CodeListName }> {
    const name = listOf(list);
    const date = dateOf(on);
    const lists = createCodeLists(await this.store.entries());
    return { list: name, codes: date === undefined ? lists.entries.filter((e) => e.list === name) : lists.validOn(name, date) };
  }

  @Post(':list/versions')
  @Roles('operator')
  @ApiHeader(IDEMPOTENT)
  async add(@Param('list') list: string, @Body() body: AddCodeListVersionRequest, @CurrentActor() actor: Actor): Promise<StoredCodeListVersion> {
    const name = listOf(list);
    const { code, labelHu, labelEn, abbreviation, parent, validFrom, validTo, source } = body;
    const entry = {
      code,
      labelHu,
      labelEn,
      ...(abbreviation === undefined ? {} : { abbreviation }),
      ...(parent === undefined ? {} : { parent }),
      validFrom,
      ...(validTo === undefined ? {} : { validTo }),
      source,
    };
    const problem = entryProblem(entry);
    if (problem !== undefined) throw new DomainError(REFERENCE_ERRORS.INVALID_VERSION, { problem }, problem);
    return this.store.append({ list: name, ...entry }, actor.userId);
  }
}

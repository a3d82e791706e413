import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { CODE, ISO_DATE, OPAQUE_ID } from '../intake/dto-patterns.js';

/** Shapes only: code validity on the date, deadlines and the case's state are decided by the casework service. */
const TEXT = 4000;

export class ActiveAgeDto {
  @ApiProperty({ description: 'The day the aktív korúak recipient registered with the service', example: '2025-03-01' })
  @IsString()
  @Matches(ISO_DATE)
  registeredOn!: string;
}

/** Gondozásba vétel for a registered client (and, for a family case, the other registered members). */
export class OpenCaseRequest {
  @ApiPropertyOptional({ description: 'Chosen by the client app (UUID); generated when absent' }) @IsOptional() @IsUUID() caseId?: string;
  @ApiProperty() @IsString() @Matches(OPAQUE_ID) clientId!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Matches(OPAQUE_ID, { each: true }) memberIds?: string[];
  @ApiProperty({ description: 'Esetfelelős: user id of the case-responsible worker' }) @IsString() @Matches(OPAQUE_ID) responsibleWorkerId!: string;
  @ApiProperty({ example: '2025-03-01' }) @IsString() @Matches(ISO_DATE) openedOn!: string;
  @ApiPropertyOptional({ type: ActiveAgeDto }) @IsOptional() @ValidateNested() @Type(() => ActiveAgeDto) activeAge?: ActiveAgeDto;
}

/** A probléma definíciója in three voices. */
export class DefineProblemRequest {
  @ApiProperty() @IsString() @Matches(ISO_DATE) definedOn!: string;
  @ApiProperty({ type: [String], description: 'Code list `problemType`' }) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(CODE, { each: true }) problemTypes!: string[];
  @ApiProperty({ description: 'As the client presents it' }) @IsString() @Length(1, TEXT) presented!: string;
  @ApiProperty() @IsString() @Length(1, TEXT) workerDefinition!: string;
  @ApiProperty({ description: 'The jointly agreed problem' }) @IsString() @Length(1, TEXT) agreed!: string;
}

/** One goal of the cselekvési terv. */
export class SetGoalRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() goalId?: string;
  @ApiProperty({ enum: ['short', 'long'] }) @IsIn(['short', 'long']) term!: 'short' | 'long';
  @ApiProperty() @IsString() @Matches(ISO_DATE) deadline!: string;
  @ApiProperty({ description: 'User id of the responsible worker, or `client`' }) @IsString() @Matches(OPAQUE_ID) responsible!: string;
  @ApiProperty() @IsString() @Length(1, TEXT) goal!: string;
  @ApiProperty() @IsString() @Length(1, TEXT) means!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() integrationProgramme?: boolean;
}

export class EvaluateGoalRequest {
  @ApiProperty() @IsString() @Matches(ISO_DATE) evaluatedOn!: string;
  @ApiProperty() @IsBoolean() achieved!: boolean;
  @ApiProperty() @IsString() @Length(1, TEXT) why!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ISO_DATE) newDeadline?: string;
}

/** Megállapodás with the client's signature as captured. */
export class SignAgreementRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() agreementId?: string;
  @ApiProperty() @IsString() @Matches(ISO_DATE) signedOn!: string;
  @ApiProperty() @IsString() @Matches(ISO_DATE) expectedCompletion!: string;
  @ApiProperty({ enum: ['paper_scan', 'tablet'] }) @IsIn(['paper_scan', 'tablet']) signature!: 'paper_scan' | 'tablet';
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(OPAQUE_ID) documentId?: string;
  @ApiProperty() @IsString() @Length(1, TEXT) workerUndertakings!: string;
  @ApiProperty() @IsString() @Length(1, TEXT) clientUndertakings!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() integrationProgramme?: boolean;
}

/** The forgalmi napló side of a measure, logged by intake in the same action (ADR-0007 amendment). */
export class MeasureContactDto {
  @ApiProperty({ description: 'Code list `contactMode`', example: 'IN_PERSON' }) @IsString() @Matches(CODE) mode!: string;
  @ApiProperty({ type: [String], description: 'Code list `problemType`' }) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(CODE, { each: true }) problemTypes!: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() crisis?: boolean;
}

/** Intézkedés, dated. */
export class RecordMeasureRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() measureId?: string;
  @ApiProperty() @IsString() @Matches(ISO_DATE) date!: string;
  @ApiPropertyOptional({ description: 'Code list `caseHandling`' }) @IsOptional() @IsString() @Matches(CODE) kind?: string;
  @ApiPropertyOptional({ description: 'The forgalmi napló entry of the same contact' }) @IsOptional() @IsString() @Matches(OPAQUE_ID) contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ISO_DATE) nextMeetingOn?: string;
  @ApiProperty() @IsString() @Length(1, TEXT) description!: string;
  @ApiPropertyOptional({ type: MeasureContactDto, description: 'Also log the contact in the forgalmi napló (needs `kind`; excludes `contactId`)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeasureContactDto)
  logContact?: MeasureContactDto;
}

export class EvaluateProcessRequest {
  @ApiProperty() @IsString() @Matches(ISO_DATE) evaluatedOn!: string;
  @ApiProperty() @IsString() @Length(1, TEXT) summary!: string;
}

export class CheckCaseRequest {
  @ApiProperty() @IsString() @Matches(ISO_DATE) checkedOn!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, TEXT) remarks?: string;
}

export class HandOverCaseRequest {
  @ApiProperty() @IsString() @Matches(OPAQUE_ID) toWorkerId!: string;
  @ApiProperty() @IsString() @Matches(ISO_DATE) handedOverOn!: string;
  @ApiProperty() @IsString() @Length(1, 1000) reason!: string;
}

export class CloseCaseRequest {
  @ApiProperty() @IsString() @Matches(ISO_DATE) closedOn!: string;
  @ApiProperty() @IsString() @Length(1, 1000) reason!: string;
}

export class ReopenCaseRequest {
  @ApiProperty() @IsString() @Matches(ISO_DATE) reopenedOn!: string;
  @ApiProperty() @IsString() @Length(1, 1000) reason!: string;
}

export class PersonalMeetingRequest {
  @ApiProperty() @IsString() @Matches(ISO_DATE) heldOn!: string;
  @ApiProperty() @IsString() @Length(1, TEXT) notes!: string;
}

export class YearlyEvaluationRequest {
  @ApiProperty() @IsString() @Matches(ISO_DATE) writtenOn!: string;
  @ApiProperty() @IsString() @Length(1, 20000) evaluation!: string;
}

export class CooperationBreachRequest {
  @ApiProperty() @IsString() @Matches(ISO_DATE) notifiedOn!: string;
  @ApiProperty({ enum: ['jegyzo', 'labour_centre'] }) @IsIn(['jegyzo', 'labour_centre']) recipient!: 'jegyzo' | 'labour_centre';
  @ApiProperty() @IsString() @Length(1, TEXT) facts!: string;
}

export class CaseLogParams {
  @ApiPropertyOptional({ description: 'The esetnapló as it stood at the end of this day' }) @IsOptional() @IsString() @Matches(ISO_DATE) asOf?: string;
}

export class CaseloadParams {
  @ApiPropertyOptional({ description: 'Another worker’s caseload (heads and district staff only)' }) @IsOptional() @IsString() @Matches(OPAQUE_ID) workerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ISO_DATE) today?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) after?: string;
}

export class OverviewParams {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^\d{5}$/) settlement?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ISO_DATE) today?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) after?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { SUBJECT_KINDS, type SubjectKind, URGENCIES, type Urgency } from '@kapocs/signals/contracts';
import { CODE, ISO_DATE, OPAQUE_ID, SETTLEMENT } from '../intake/dto-patterns.js';

/** Shapes only: code validity on the date, membership and the signal's state are decided by the signals service. */
const TEXT = 4000;

export class ContactPersonDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(3, 40) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @Length(3, 200) email?: string;
}

export class PortalUserDto extends ContactPersonDto {
  @ApiProperty({ description: 'The user id (token `sub`) of the person' }) @IsString() @Matches(OPAQUE_ID) userId!: string;
}

/** Jelzőrendszeri tag: an organisation registered (invited) by the district centre. */
export class RegisterMemberRequest {
  @ApiPropertyOptional({ description: 'Chosen by the client app; generated when absent' }) @IsOptional() @IsString() @Matches(OPAQUE_ID) organisationId?: string;
  @ApiProperty() @IsString() @Length(1, 300) name!: string;
  @ApiProperty({ description: 'Code list `memberCategory`' }) @IsString() @Matches(CODE) category!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(100) @Matches(SETTLEMENT, { each: true }) settlements!: string[];
  @ApiProperty({ type: ContactPersonDto }) @ValidateNested() @Type(() => ContactPersonDto) contactPerson!: ContactPersonDto;
  @ApiPropertyOptional({ type: [PortalUserDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PortalUserDto) portalUsers?: PortalUserDto[];
}

export class SignalSubjectDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ISO_DATE) birthDate?: string;
  @ApiPropertyOptional({ description: 'TAJ number (9 digits, spaces allowed); check digit verified by the service', example: '123 456 788' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{3}[ -]?\d{3}[ -]?\d{3}$/)
  taj?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) address?: string;
  @ApiPropertyOptional({ description: 'Who else belongs to the family' }) @IsOptional() @IsString() @Length(1, TEXT) description?: string;
}

/** The jelzés form; a missing or empty `categories` is refused by the service with its own code. */
export class SubmitSignalRequest {
  @ApiPropertyOptional({ description: 'Chosen by the client app (UUID): a retry with the same id never makes two signals' }) @IsOptional() @IsUUID() signalId?: string;
  @ApiProperty({ description: 'The settlement whose service should act' }) @IsString() @Matches(SETTLEMENT) settlement!: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) @IsIn(SUBJECT_KINDS) subjectKind!: SubjectKind;
  @ApiPropertyOptional({ type: [String], description: 'Code list `endangerment`; at least one' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(CODE, { each: true }) categories?: string[];
  @ApiPropertyOptional({ example: '2025-02-01' }) @IsOptional() @IsString() @Matches(ISO_DATE) observedSince?: string;
  @ApiProperty({ enum: URGENCIES, description: '`immediate`: immediate danger, the reply carries the on-call number' }) @IsIn(URGENCIES) urgency!: Urgency;
  @ApiProperty({ type: SignalSubjectDto }) @ValidateNested() @Type(() => SignalSubjectDto) subject!: SignalSubjectDto;
  @ApiProperty({ description: 'What was observed' }) @IsString() @Length(1, TEXT) observed!: string;
  @ApiPropertyOptional({ type: ContactPersonDto, description: 'How to reach the signaller' }) @IsOptional() @ValidateNested() @Type(() => ContactPersonDto) signaller?: ContactPersonDto;
}

/** A signal recorded by staff from a phone call, an e-mail or paper. */
export class RecordSignalRequest extends SubmitSignalRequest {
  @ApiProperty({ description: 'Code list `channel`' }) @IsString() @Matches(CODE) channel!: string;
  @ApiPropertyOptional({ description: 'The member organisation that signalled, if any' }) @IsOptional() @IsString() @Matches(OPAQUE_ID) organisationId?: string;
}

export class AssignSignalRequest {
  @ApiProperty() @IsString() @Matches(OPAQUE_ID) workerId!: string;
}

export class LinkClientRequest {
  @ApiProperty({ description: 'A client of the district register (intake)' }) @IsString() @Matches(OPAQUE_ID) clientId!: string;
}

export class SignalMeasureRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() measureId?: string;
  @ApiProperty({ description: 'Code list `measure`' }) @IsString() @Matches(CODE) kind!: string;
  @ApiProperty() @IsString() @Matches(ISO_DATE) date!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, TEXT) note?: string;
}

export class QueueParams {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(SETTLEMENT) settlement?: string;
  @ApiPropertyOptional({ description: 'The reference number a signaller quotes (`J-XXXXX-XXXXX`; the `J-` prefix, dashes and case are optional)' })
  @IsOptional()
  @IsString()
  @Matches(/^\s*(J-?)?[0-9A-Z]{5}[-\s]?[0-9A-Z]{5}\s*$/i)
  reference?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(OPAQUE_ID) organisationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ISO_DATE) today?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) after?: string;
}

export class AlertsParams {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(SETTLEMENT) settlement?: string;
  @ApiPropertyOptional({ description: 'Only the alerts addressed to this worker' }) @IsOptional() @IsString() @Matches(OPAQUE_ID) workerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) after?: string;
}

export class StatisticsParams {
  @ApiProperty({ example: '2025-01-01', description: 'First submission day of the period' }) @IsString() @Matches(ISO_DATE) from!: string;
  @ApiProperty({ example: '2025-12-31', description: 'Last submission day of the period' }) @IsString() @Matches(ISO_DATE) to!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(SETTLEMENT) settlement?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) after?: string;
}

export class AfterParams {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) after?: string;
}

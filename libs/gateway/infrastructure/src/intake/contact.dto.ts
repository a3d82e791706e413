import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CODE, ISO_DATE, OPAQUE_ID } from './dto-patterns.js';

/** A registered client, or an anonymous information request. */
export class ContactSubjectDto {
  @ApiProperty({ enum: ['client', 'anonymous'] }) @IsIn(['client', 'anonymous']) kind!: 'client' | 'anonymous';

  @ApiPropertyOptional()
  @ValidateIf((o: ContactSubjectDto) => o.kind === 'client')
  @IsString()
  @Matches(OPAQUE_ID)
  clientId?: string;
}

/** Kapcsolatfelvétel: one entry of the forgalmi napló (9/1999. SzCsM r. 3. § (4)). */
export class LogContactRequest {
  @ApiPropertyOptional({ description: 'Chosen by the client app (UUID); generated when absent' }) @IsOptional() @IsUUID() contactId?: string;
  @ApiProperty({ example: '2025-03-10' }) @IsString() @Matches(ISO_DATE) date!: string;
  @ApiProperty({ description: 'Ügyeletes (user id)' }) @IsString() @Matches(OPAQUE_ID) dutyWorkerId!: string;
  @ApiPropertyOptional({ description: 'Esetfelelős (user id)' }) @IsOptional() @IsString() @Matches(OPAQUE_ID) caseWorkerId?: string;
  @ApiProperty({ type: ContactSubjectDto }) @ValidateNested() @Type(() => ContactSubjectDto) subject!: ContactSubjectDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() newInYear?: boolean;
  @ApiProperty({ description: 'Code list `contactMode`' }) @IsString() @Matches(CODE) mode!: string;
  @ApiPropertyOptional({ description: 'Code list `referrer`' }) @IsOptional() @IsString() @Matches(CODE) referrer?: string;

  @ApiProperty({ description: 'Code list `problemType`', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(CODE, { each: true })
  problemTypes!: string[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() crisis?: boolean;

  @ApiProperty({ description: 'Code list `caseHandling`', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(CODE, { each: true })
  caseHandling!: string[];

  @ApiPropertyOptional({ description: 'Code list `benefit`', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(CODE, { each: true })
  benefits?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) description?: string;
}

/** Csoportfoglalkozás / közösségi munka with participant counts. */
export class LogGroupSessionRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() contactId?: string;
  @ApiProperty() @IsString() @Matches(ISO_DATE) date!: string;
  @ApiProperty() @IsString() @Matches(OPAQUE_ID) dutyWorkerId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(OPAQUE_ID) caseWorkerId?: string;
  @ApiProperty({ description: 'Code list `groupType`' }) @IsString() @Matches(CODE) groupType!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(10_000) participantCount!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000) newParticipantCount?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) description?: string;
}

/** The correctable columns; the site, year and kind of an entry fix its place in the napló and cannot change. */
export class ContactChangesDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ISO_DATE) date?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(OPAQUE_ID) dutyWorkerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(OPAQUE_ID) caseWorkerId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() newInYear?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) mode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) referrer?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(CODE, { each: true }) problemTypes?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() crisis?: boolean;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(CODE, { each: true }) caseHandling?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(CODE, { each: true }) benefits?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) groupType?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(10_000) participantCount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000) newParticipantCount?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) description?: string | null;
}

export class CorrectContactRequest {
  @ApiProperty() @IsString() @Length(1, 1000) reason!: string;
  @ApiProperty({ type: ContactChangesDto }) @ValidateNested() @Type(() => ContactChangesDto) changes!: ContactChangesDto;
}

export class VoidContactRequest {
  @ApiProperty() @IsString() @Length(1, 1000) reason!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { CODE, ISO_DATE, OPAQUE_ID, SETTLEMENT, TAJ_SHAPE } from './dto-patterns.js';

/** A client's identity and coded data as entered (Szt. 20. § (2) a)–c)); personal fields are encrypted per subject. */
export class ClientDetailsDto {
  @ApiProperty({ example: 'Próba Éva' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) birthName?: string;
  @ApiProperty({ description: 'Anyja születési neve' }) @IsString() @Length(1, 200) mothersName!: string;
  @ApiProperty() @IsString() @Length(1, 100) birthPlace!: string;
  @ApiProperty({ example: '1988-05-17' }) @IsString() @Matches(ISO_DATE) birthDate!: string;
  @ApiPropertyOptional({ example: '123456788' }) @IsOptional() @IsString() @Matches(TAJ_SHAPE) taj?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) residenceAddress?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) stayAddress?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[0-9 +()/-]{3,30}$/) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @Length(3, 200) email?: string;
  @ApiProperty({ description: 'Code list `sex`' }) @IsString() @Matches(CODE) sex!: string;
  @ApiProperty({ description: 'Code list `citizenship`' }) @IsString() @Matches(CODE) citizenship!: string;
  @ApiPropertyOptional({ example: '06628' }) @IsOptional() @IsString() @Matches(SETTLEMENT) residenceSettlement?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(SETTLEMENT) staySettlement?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) economicActivity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) education?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) familyStatus?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(OPAQUE_ID) householdId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) householdRelation?: string;
}

export class RegisterClientRequest {
  @ApiPropertyOptional({ description: 'Chosen by the client app (UUID); generated when absent' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiProperty({ type: ClientDetailsDto }) @ValidateNested() @Type(() => ClientDetailsDto) details!: ClientDetailsDto;

  @ApiPropertyOptional({ description: 'Register although probable duplicates were reported' })
  @IsOptional()
  @IsBoolean()
  acknowledgeDuplicates?: boolean;
}

/**
 * A correction: each present field is changed, `null` clears an optional one. Shapes are checked as for
 * registration; whether a required field may be cleared is the domain's call.
 */
export class ClientChangesDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) birthName?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) mothersName?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) birthPlace?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ISO_DATE) birthDate?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(TAJ_SHAPE) taj?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) residenceAddress?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) stayAddress?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[0-9 +()/-]{3,30}$/) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @Length(3, 200) email?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) sex?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) citizenship?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(SETTLEMENT) residenceSettlement?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(SETTLEMENT) staySettlement?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) economicActivity?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) education?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) familyStatus?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(OPAQUE_ID) householdId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE) householdRelation?: string | null;
}

export class CorrectClientRequest {
  @ApiProperty({ description: 'Why the data is corrected (kept in the history)' }) @IsString() @Length(1, 1000) reason!: string;
  @ApiProperty({ type: ClientChangesDto }) @ValidateNested() @Type(() => ClientChangesDto) changes!: ClientChangesDto;
}

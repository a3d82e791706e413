import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { CODE, ISO_DATE } from '../intake/dto-patterns.js';

/** A new version of one code of a code list (ADR-0009): valid from a date on, with both labels and its legal source. */
export class AddCodeListVersionRequest {
  @ApiProperty({ example: 'VIDEO' }) @IsString() @Matches(CODE) code!: string;
  @ApiProperty({ example: 'Videóhívás' }) @IsString() @Length(1, 200) labelHu!: string;
  @ApiProperty({ example: 'Video call' }) @IsString() @Length(1, 200) labelEn!: string;
  @ApiPropertyOptional({ description: 'Printed abbreviation, when it differs from the code' })
  @IsOptional()
  @IsString()
  @Length(1, 10)
  abbreviation?: string;
  @ApiPropertyOptional({ description: 'Parent code in the same list' }) @IsOptional() @IsString() @Matches(CODE) parent?: string;
  @ApiProperty({ example: '2027-01-01', description: 'First day of validity (inclusive)' }) @IsString() @Matches(ISO_DATE) validFrom!: string;
  @ApiPropertyOptional({ description: 'First day no longer valid (exclusive)' }) @IsOptional() @IsString() @Matches(ISO_DATE) validTo?: string;
  @ApiProperty({ example: '1/2000. (I. 7.) SzCsM r. 7. melléklet', description: 'The legal source of this version' })
  @IsString()
  @Length(1, 300)
  source!: string;
}

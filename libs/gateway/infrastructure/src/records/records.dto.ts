import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Read-your-writes: the checkpoint of a command reply. */
class AfterQuery {
  @ApiPropertyOptional({ description: 'Checkpoint from a command reply: answer once it is projected.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  after?: string;
}

export class ClientSearchParams extends AfterQuery {
  @ApiPropertyOptional({ description: 'Name, accent- and case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'TAJ number (9 digits).' })
  @IsOptional()
  @Matches(/^\d{3}[ -]?\d{3}[ -]?\d{3}$/)
  taj?: string;

  @ApiPropertyOptional({ example: '1980-05-17' })
  @IsOptional()
  @Matches(DATE)
  birthDate?: string;

  @ApiPropertyOptional({ description: 'KSH settlement code: the service site or residence.' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  settlement?: string;
}

export class AfterParams extends AfterQuery {}

export class ContactLogParams extends AfterQuery {
  @ApiPropertyOptional({ example: '2026-03-14' })
  @IsOptional()
  @Matches(DATE)
  date?: string;

  @ApiPropertyOptional({ example: '2026-03' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month?: string;

  @ApiPropertyOptional({ example: '2026' })
  @IsOptional()
  @Matches(/^\d{4}$/)
  year?: string;
}

/** A page of the napló on screen: `afterSerial` is the previous page's `nextSerial`. */
export class ContactLogPageParams extends ContactLogParams {
  @ApiPropertyOptional({ description: 'The previous page’s nextSerial: entries after this serial number.', example: '1000' })
  @IsOptional()
  @Matches(/^\d{1,9}$/)
  afterSerial?: string;
}

export class ContactLogExportParams extends ContactLogParams {
  @ApiPropertyOptional({ enum: ['pdf', 'csv', 'xlsx'] })
  @IsIn(['pdf', 'csv', 'xlsx'])
  format!: 'pdf' | 'csv' | 'xlsx';
}

export class RegisterExportParams extends AfterQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format!: 'csv' | 'xlsx';

  @ApiPropertyOptional({ description: 'Only this service site.' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  settlement?: string;
}

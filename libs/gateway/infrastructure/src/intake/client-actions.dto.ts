import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CODE, ISO_DATE, OPAQUE_ID } from './dto-patterns.js';

export class ConsentPurposesDto {
  @ApiProperty() @IsBoolean() register!: boolean;
  @ApiProperty() @IsBoolean() disclosureOnRequest!: boolean;
  @ApiProperty() @IsBoolean() specialData!: boolean;
}

export class OtherServiceProviderDto {
  @ApiProperty({ description: 'Code list `basicService`' }) @IsString() @Matches(CODE) service!: string;
  @ApiProperty() @IsString() @Length(1, 200) providerName!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) providerAddress?: string;
}

/**
 * Nyilatkozat: `data_processing` needs `form` and `purposes`; `other_basic_services` needs `usesOtherServices` and
 * `providers`. Flat rather than polymorphic so that the validator names the missing field.
 */
export class RecordDeclarationRequest {
  @ApiProperty({ enum: ['data_processing', 'other_basic_services'] })
  @IsIn(['data_processing', 'other_basic_services'])
  kind!: 'data_processing' | 'other_basic_services';

  @ApiProperty({ example: '2025-03-10' }) @IsString() @Matches(ISO_DATE) declaredOn!: string;

  @ApiPropertyOptional({ enum: ['written', 'oral', 'implied'] })
  @ValidateIf((o: RecordDeclarationRequest) => o.kind === 'data_processing')
  @IsIn(['written', 'oral', 'implied'])
  form?: 'written' | 'oral' | 'implied';

  @ApiPropertyOptional({ type: ConsentPurposesDto })
  @ValidateIf((o: RecordDeclarationRequest) => o.kind === 'data_processing')
  @ValidateNested()
  @Type(() => ConsentPurposesDto)
  purposes?: ConsentPurposesDto;

  @ApiPropertyOptional()
  @ValidateIf((o: RecordDeclarationRequest) => o.kind === 'other_basic_services')
  @IsBoolean()
  usesOtherServices?: boolean;

  @ApiPropertyOptional({ type: [OtherServiceProviderDto] })
  @ValidateIf((o: RecordDeclarationRequest) => o.kind === 'other_basic_services')
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OtherServiceProviderDto)
  providers?: OtherServiceProviderDto[];
}

export class ServiceStartRequest {
  @ApiProperty({ example: '2025-03-10' }) @IsString() @Matches(ISO_DATE) startedOn!: string;
}

export class ServiceEndRequest {
  @ApiProperty({ example: '2025-06-30' }) @IsString() @Matches(ISO_DATE) endedOn!: string;
}

/** The path's client survives and absorbs `mergedClientId`; both histories are kept. */
export class MergeClientsRequest {
  @ApiProperty() @IsString() @Matches(OPAQUE_ID) mergedClientId!: string;
  @ApiProperty() @IsString() @Length(1, 1000) reason!: string;
}

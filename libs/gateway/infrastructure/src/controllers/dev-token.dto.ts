import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@kapocs/shared/kernel';

/** Body of `POST /api/v1/dev/token` (issue 3 §4). */
export class DevTokenRequest {
  @ApiProperty({ example: 'dev-user-1' })
  @IsString()
  @Length(1, 200)
  sub!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: '121', description: '3-digit KSH district (járás) code' })
  @IsString()
  @Matches(/^\d{3}$/)
  district!: string;

  @ApiProperty({ example: ['03179'], description: '5-digit KSH settlement codes' })
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(/^\d{5}$/, { each: true })
  settlements!: string[];

  @ApiPropertyOptional({ description: 'Signal-system member organisation; required for signal_member' })
  @ValidateIf((o: DevTokenRequest) => o.role === 'signal_member' || o.organisation !== undefined)
  @IsString()
  @Length(1, 200)
  @IsOptional()
  organisation?: string;

  @ApiPropertyOptional({ description: 'Display name (OIDC `name`): casework shows it on the esetnapló', example: 'Minta Anna' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}

export class DevTokenResponse {
  @ApiProperty() access_token!: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type!: 'Bearer';
  @ApiProperty() expires_in!: number;
}

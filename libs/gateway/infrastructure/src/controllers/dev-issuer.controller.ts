import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { JSONWebKeySet } from 'jose';
import { DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { type DevIssuer, type DevToken, Public } from '@kapocs/platform/auth';
import { DevTokenRequest, DevTokenResponse } from './dev-token.dto.js';

/** DI token of the development issuer, `null` when it is off. */
export const DEV_ISSUER = 'KAPOCS_DEV_ISSUER';

/** The built-in development issuer (embedded default only); 404 DEV_ISSUER_DISABLED elsewhere. */
@ApiTags('dev')
@Public()
@Controller('dev')
export class DevIssuerController {
  constructor(@Inject(DEV_ISSUER) private readonly issuer: DevIssuer | null) {}

  @Post('token')
  @HttpCode(200)
  @ApiOkResponse({ type: DevTokenResponse })
  async token(@Body() body: DevTokenRequest): Promise<DevToken> {
    return this.enabled().issue({
      sub: body.sub,
      role: body.role,
      district: body.district,
      settlements: body.settlements,
      ...(body.organisation !== undefined ? { organisation: body.organisation } : {}),
      ...(body.name !== undefined ? { name: body.name } : {}),
    });
  }

  @Get('.well-known/jwks.json')
  jwks(): JSONWebKeySet {
    return this.enabled().jwks();
  }

  private enabled(): DevIssuer {
    if (!this.issuer) throw new DomainError(PLATFORM_ERRORS.DEV_ISSUER_DISABLED, {}, 'Development issuer is off');
    return this.issuer;
  }
}

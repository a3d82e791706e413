import { randomUUID } from 'node:crypto';
import { Body, type CanActivate, Controller, type ExecutionContext, Get, Inject, Injectable, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { type PublicSubmitPayload, type PublicSubmitReply, SIGNALS_ERRORS, SIGNALS_SUBJECTS } from '@kapocs/signals/contracts';
import { Public } from '@kapocs/platform/auth';
import { type Actor, type DistrictCode, DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { CorrelationId } from '../../http/correlation.js';
import { RpcGateway } from '../../rpc/rpc-gateway.js';
import { formOf } from '../portal.controller.js';
import { SubmitSignalRequest } from '../signal.dto.js';
import { bucketOf, clientAddress } from './client-address.js';
import { type PublicFormConfig } from './public-form.config.js';
import { PublicFormStore } from './public-form.store.js';
import { type Challenge, ProofOfWork } from './proof-of-work.js';

export const PUBLIC_FORM_CONFIG = 'KAPOCS_PUBLIC_FORM_CONFIG';

/** The token-less form's actor on the bus: the signals service answers it with a reference number and nothing else. */
const PUBLIC_ACTOR: Actor = { userId: 'public-form', role: 'signal_member', district: '' as DistrictCode, settlements: [] };

/** The citizens' jelzés: the portal form plus the solved challenge; no attachments (anonymous uploads invite abuse). */
export class PublicSignalRequest extends SubmitSignalRequest {
  @ApiPropertyOptional({ description: 'From GET /public/signals/challenge' }) @IsOptional() @IsString() @Length(1, 512) challenge?: string;
  @ApiPropertyOptional({ description: 'SHA-256(challenge + nonce) has `difficulty` leading zero bits' }) @IsOptional() @IsString() @Matches(/^[A-Za-z0-9]{1,64}$/) nonce?: string;
}

export class ChallengeResponse {
  @ApiProperty() challenge!: string;
  @ApiProperty() difficulty!: number;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ enum: ['sha256-leading-zero-bits'] }) algorithm!: string;
}

interface PeerRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly socket: { readonly remoteAddress?: string };
}
interface RetryResponse {
  setHeader(name: string, value: string): void;
}

/** One token per public request from the client's address (through trusted proxies only); 429 with Retry-After. */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(
    @Inject(PUBLIC_FORM_CONFIG) private readonly config: PublicFormConfig,
    private readonly store: PublicFormStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PeerRequest>();
    const address = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.config.trustedProxies);
    const { allowed, retryAfterSeconds } = await this.store.take(bucketOf(address), this.config.burst, this.config.perHour / 3600);
    if (allowed) return true;
    context.switchToHttp().getResponse<RetryResponse>().setHeader('Retry-After', String(retryAfterSeconds));
    throw new DomainError(SIGNALS_ERRORS.RATE_LIMITED, { retryAfterSeconds }, 'rate limited');
  }
}

/**
 * The anonymous public form (issue 6): no token, creates and never reads — there is no public GET of a signal, and
 * the reply is the reference number (with the on-call number in immediate danger). Abuse protection: a per-address
 * token bucket and a proof of work on a signed, expiring, single-use challenge (ADR-0008 amendment).
 */
@ApiTags('signals')
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('public/signals')
export class PublicSignalsController {
  constructor(
    private readonly rpc: RpcGateway,
    private readonly pow: ProofOfWork,
    private readonly store: PublicFormStore,
  ) {}

  @Get('challenge')
  @ApiOperation({ summary: 'A proof-of-work challenge for the public form' })
  @ApiOkResponse({ type: ChallengeResponse })
  challenge(): Challenge {
    return this.pow.issue();
  }

  @Post()
  @ApiOperation({ summary: 'Submit an anonymous jelzés; answers only the reference number' })
  async submit(@Body() body: PublicSignalRequest, @CorrelationId() correlationId: string): Promise<PublicSubmitReply> {
    const proof = this.pow.verify(body.challenge, body.nonce);
    const signalId = body.signalId ?? randomUUID();
    const spent = await this.store.spend(proof.id, signalId, proof.expiresAt);
    if (spent === 'reused') throw new DomainError(SIGNALS_ERRORS.PROOF_REUSED, {}, 'challenge already used');
    const payload: PublicSubmitPayload = { form: { ...formOf(body), signalId }, ...(body.signaller ? { signaller: { ...body.signaller } } : {}) };
    try {
      const reply = await this.rpc.call<PublicSubmitReply>(SIGNALS_SUBJECTS.submitPublic, PUBLIC_ACTOR, payload, { correlationId });
      return { reference: reply.reference, ...(reply.onCallNumber ? { onCallNumber: reply.onCallNumber } : {}) };
    } catch (e) {
      if (spent === 'fresh' && !(e instanceof DomainError && e.code === PLATFORM_ERRORS.TIMEOUT)) await this.store.release(proof.id, signalId);
      throw e;
    }
  }
}

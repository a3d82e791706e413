import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { parseMasterKey } from '@kapocs/platform/event-store';
import { PG_POOL, PLATFORM_CONFIG } from '@kapocs/shared/kernel';
import { GATEWAY_CONFIG, type GatewayConfig, gatewayConfigFromPlatform } from '../gateway.config.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { AttachmentBlobStore } from './attachments/attachment-blobs.js';
import { SignalAttachmentsController } from './attachments/signal-attachments.controller.js';
import { PortalController } from './portal.controller.js';
import { deriveChallengeKey, ProofOfWork } from './public/proof-of-work.js';
import { type PublicFormConfig, publicFormConfigFromEnv } from './public/public-form.config.js';
import { PublicFormStore } from './public/public-form.store.js';
import { PUBLIC_FORM_CONFIG, PublicRateLimitGuard, PublicSignalsController } from './public/public-signals.controller.js';
import { SignalMembersController } from './signal-members.controller.js';
import { StaffSignalsController } from './staff-signals.controller.js';

/**
 * The signal-system routes (member register, portal, staff queue and triage, attachments, the public form). Guard and
 * interceptors are global (GatewayModule); RpcGateway is built here from the runtime's global tokens, as importing
 * GatewayModule back would be a cycle.
 */
@Module({
  controllers: [SignalMembersController, PortalController, StaffSignalsController, SignalAttachmentsController, PublicSignalsController],
  providers: [
    { provide: GATEWAY_CONFIG, useFactory: gatewayConfigFromPlatform, inject: [PLATFORM_CONFIG] },
    RpcGateway,
    { provide: AttachmentBlobStore, useFactory: (p: Pool, c: GatewayConfig) => new AttachmentBlobStore(p, c.schemas.gateway), inject: [PG_POOL, GATEWAY_CONFIG] },
    { provide: PublicFormStore, useFactory: (p: Pool, c: GatewayConfig) => new PublicFormStore(p, c.schemas.gateway), inject: [PG_POOL, GATEWAY_CONFIG] },
    { provide: PUBLIC_FORM_CONFIG, useFactory: () => publicFormConfigFromEnv() },
    {
      provide: ProofOfWork,
      // The runtime always resolves a master key; a bare gateway (its own tests) signs with a per-process key,
      // whose challenges only this process accepts.
      useFactory: (platform: { masterKey?: string }, c: PublicFormConfig) => {
        const key = platform.masterKey ? deriveChallengeKey(parseMasterKey(platform.masterKey)) : randomBytes(32);
        return new ProofOfWork(key, c.difficulty, c.challengeTtlSeconds);
      },
      inject: [PLATFORM_CONFIG, PUBLIC_FORM_CONFIG],
    },
    PublicRateLimitGuard,
  ],
})
export class SignalsRoutesModule {}

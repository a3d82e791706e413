import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PLATFORM_CONFIG, type RpcReply } from '@kapocs/shared/kernel';
import { targetLabel, type ResolvedPlatformConfig } from './config.js';

/** What every service answers on `<context>.query.ping`: which service, in a process running which targets. */
export interface ServicePing {
  readonly service: string;
  readonly target: string;
}

/** The ping controller of a service: proves the service is up and reachable over request-reply, alone or under `all`. */
export function pingController(service: string, subject: string): Type {
  @Controller()
  class PingController {
    constructor(@Inject(PLATFORM_CONFIG) private readonly config: ResolvedPlatformConfig) {}

    @MessagePattern(subject)
    ping(): RpcReply<ServicePing> {
      return { ok: true, value: { service, target: targetLabel(this.config.targets) } };
    }
  }
  Object.defineProperty(PingController, 'name', { value: `${service}PingController` });
  return PingController;
}

import { SetMetadata } from '@nestjs/common';
import type { Role } from '@kapocs/shared/kernel';
import type { DataKind } from './access-policy.js';

export const IS_PUBLIC = 'kapocs:public';
export const ROLES_KEY = 'kapocs:roles';
export const DATA_KIND = 'kapocs:data-kind';
export const SCOPED = 'kapocs:scoped';

/** No bearer token needed (the dev issuer, OpenAPI). Everything else is authenticated by AccessGuard. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/**
 * What the route reads or changes. Routes that say nothing count as `personal`, so forgetting the decorator can only
 * refuse too much (county analysts, operators), never leak.
 */
export const Reads = (kind: DataKind): MethodDecorator & ClassDecorator => SetMetadata(DATA_KIND, kind);

/** Where AccessGuard finds the target scope: names looked up in route params, then query, then JSON body. */
export interface ScopedOptions {
  readonly district?: string;
  readonly settlement?: string;
  readonly organisation?: string;
}

/** The route targets one district (and maybe a settlement or organisation) and is checked against the actor's scope. */
export const Scoped = (options: ScopedOptions = {}): MethodDecorator & ClassDecorator =>
  SetMetadata(SCOPED, { district: 'district', settlement: 'settlement', organisation: 'organisation', ...options });

import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Observable, mergeMap } from 'rxjs';
import { type DistrictCode, isDistrictCode } from '@kapocs/shared/kernel';
import { AuditLog } from './audit-log.js';
import type { AuthenticatedRequest } from './http-request.js';

export const AUDIT_READ = 'kapocs:audit-read';

export interface AuditReadOptions {
  /** Route param holding the opaque data-subject id. */
  readonly subjectParam: string;
  /** Why the data is read, e.g. `client-file`. */
  readonly purpose: string;
  /** Route param with the district of the record; the actor's district when absent. */
  readonly districtParam?: string;
  readonly action?: string;
}

/** Records every successful read of the route in the audit log (Szt. 22 inspection right). */
export const AuditRead = (options: AuditReadOptions): MethodDecorator => SetMetadata(AUDIT_READ, options);

/**
 * Writes the audit record before the response leaves: if the record cannot be written, the read fails, so no
 * personal data is ever shown unaudited.
 */
@Injectable()
export class AuditReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<AuditReadOptions | undefined>(AUDIT_READ, context.getHandler());
    if (!options || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        const actor = request.actor;
        const subjectId = request.params?.[options.subjectParam];
        if (!actor || !subjectId) throw new Error('AuditRead needs an authenticated actor and the subject param');
        const fromRoute = options.districtParam ? request.params?.[options.districtParam] : undefined;
        await this.audit.record({
          actor,
          district: isDistrictCode(fromRoute) ? fromRoute : (actor.district as DistrictCode),
          subjectId,
          action: options.action ?? 'read',
          purpose: options.purpose,
          correlationId: request.correlationId ?? 'none',
        });
        return value;
      }),
    );
  }
}

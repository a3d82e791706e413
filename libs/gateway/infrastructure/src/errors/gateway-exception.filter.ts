import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { ApiError } from './api-error.js';
import { pickLanguage, renderError } from './error-body.js';

interface HttpResponse {
  headersSent: boolean;
  status(code: number): HttpResponse;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
}
interface HttpRequest {
  readonly path: string;
  readonly originalUrl?: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** Framework HTTP errors (unknown route, wrong method) mapped onto the stable codes. */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: PLATFORM_ERRORS.VALIDATION_FAILED,
  401: PLATFORM_ERRORS.UNAUTHENTICATED,
  403: PLATFORM_ERRORS.FORBIDDEN,
  404: PLATFORM_ERRORS.NOT_FOUND,
  405: PLATFORM_ERRORS.NOT_FOUND,
  413: PLATFORM_ERRORS.BODY_TOO_LARGE,
  429: PLATFORM_ERRORS.RATE_LIMITED,
  503: PLATFORM_ERRORS.SERVICE_UNAVAILABLE,
};

/** Turns every HTTP-side failure into `{code, message, details?}` (issue 3 §7); nothing internal leaks. */
@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('GatewayExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const response = http.getResponse<HttpResponse>();
    if (response.headersSent) return;
    // Probes keep their own body shape (terminus reports per check); only the API speaks the error contract.
    // `originalUrl`: under the prefix router (unknown routes) `path` has the prefix stripped.
    const path = (request.originalUrl ?? request.path).split('?')[0] ?? '';
    if (exception instanceof HttpException && !path.startsWith('/api/')) {
      const body = exception.getResponse();
      response.status(exception.getStatus()).json(typeof body === 'string' ? { message: body } : body);
      return;
    }
    const { code, details } = this.classify(exception);
    const acceptLanguage = request.headers['accept-language'];
    const { status, body } = renderError(code, details, pickLanguage(typeof acceptLanguage === 'string' ? acceptLanguage : undefined));
    if (code === PLATFORM_ERRORS.UNAUTHENTICATED) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(status).json(body);
  }

  private classify(exception: unknown): { code: string; details?: readonly unknown[] } {
    if (exception instanceof ApiError) return { code: exception.code, details: exception.items };
    if (exception instanceof DomainError) {
      return { code: exception.code, details: Object.keys(exception.details).length ? [exception.details] : [] };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { code: CODE_BY_STATUS[status] ?? (status < 500 ? PLATFORM_ERRORS.VALIDATION_FAILED : PLATFORM_ERRORS.INTERNAL) };
    }
    // Name and frames only: messages of unexpected errors may carry request data.
    const stack = (exception as Error)?.stack?.split('\n').slice(1).join('\n');
    this.logger.error(`Unhandled ${(exception as Error)?.name ?? typeof exception}`, stack);
    return { code: PLATFORM_ERRORS.INTERNAL };
  }
}

import { PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { pickLanguage, renderError } from '../errors/error-body.js';

interface ParserError {
  readonly type?: string;
  readonly status?: number;
}
interface ErrorRequest {
  readonly headers: Record<string, string | string[] | undefined>;
}
interface ErrorResponse {
  status(code: number): ErrorResponse;
  json(body: unknown): void;
}

/** body-parser failures by `type` (its stable field), onto the stable codes. */
const CODE_BY_PARSER_ERROR: Readonly<Record<string, string>> = {
  'entity.too.large': PLATFORM_ERRORS.BODY_TOO_LARGE,
  'entity.parse.failed': PLATFORM_ERRORS.MALFORMED_JSON,
  'entity.verify.failed': PLATFORM_ERRORS.MALFORMED_JSON,
  'encoding.unsupported': PLATFORM_ERRORS.VALIDATION_FAILED,
  'charset.unsupported': PLATFORM_ERRORS.VALIDATION_FAILED,
  'request.size.invalid': PLATFORM_ERRORS.VALIDATION_FAILED,
  'request.aborted': PLATFORM_ERRORS.VALIDATION_FAILED,
};

/**
 * Express error middleware placed right after the body parsers: their failures happen before Nest routing, so the
 * Nest exception filter never sees them.
 */
export function bodyErrorMiddleware(err: unknown, req: ErrorRequest, res: ErrorResponse, next: (e?: unknown) => void): void {
  const type = (err as ParserError | undefined)?.type;
  const code = type ? CODE_BY_PARSER_ERROR[type] : undefined;
  if (!code) {
    next(err);
    return;
  }
  const header = req.headers['accept-language'];
  const { status, body } = renderError(code, undefined, pickLanguage(typeof header === 'string' ? header : undefined));
  res.status(status).json(body);
}

import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { GatewayExceptionFilter } from './errors/gateway-exception.filter.js';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config.js';
import { bodyErrorMiddleware } from './http/body-errors.js';
import { correlationMiddleware } from './http/correlation.js';
import { gatewayValidationPipe } from './http/validation.js';
import { serveWebApp } from './web/web-app.js';

export const API_PREFIX = 'api/v1';
/** Probes and scraping stay at fixed, unprefixed paths (issue 3, fixed interfaces). */
export const UNPREFIXED_ROUTES = ['health', 'health/*path', 'metrics'];

/**
 * HTTP conventions of the API (issue 3 §7). The runtime calls it once, after creating the HTTP app and before
 * `init()`/`listen()`: the body parsers registered here replace Nest's default ones (same handler names).
 */
export function configureGatewayApp(app: INestApplication): void {
  const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
  const express = app as NestExpressApplication;
  // Versioned resources carry their own strong ETag (ConcurrencyInterceptor); express's weak ETag hashed every other
  // response body, for responses that are personal data and never revalidated from a cache. No framework banner.
  express.set('etag', false);
  express.disable('x-powered-by');
  express.use(correlationMiddleware);
  express.useBodyParser('json', { limit: config.bodyLimit, strict: true });
  express.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  express.use(bodyErrorMiddleware);
  // Before the API routes: the static files and the SPA fallback leave /api, /health and /metrics alone.
  serveWebApp(express);
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  app.useGlobalPipes(gatewayValidationPipe());
  app.useGlobalFilters(new GatewayExceptionFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kapocs API')
      .setDescription('Errors are {"code","message","details"?}; messages in Hungarian, English with Accept-Language: en.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { CodeListVersionStore, loadCodeListFiles, REFERENCE_SCHEMA } from '@kapocs/platform/reference-data';
import { PG_POOL } from '@kapocs/shared/kernel';
import { ReferenceController } from './reference.controller.js';

/** The code list routes; the shipped files are checked strictly when the gateway starts (a bad file fails the start). */
@Module({
  controllers: [ReferenceController],
  providers: [
    {
      provide: CodeListVersionStore,
      useFactory: (pool: Pool) => new CodeListVersionStore(pool, REFERENCE_SCHEMA, loadCodeListFiles().entries),
      inject: [PG_POOL],
    },
  ],
})
export class ReferenceRoutesModule {}

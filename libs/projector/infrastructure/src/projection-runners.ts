import { Injectable } from '@nestjs/common';
import type { Checkpoint } from '@kapocs/platform/event-store';
import type { ProjectionRunner } from '@kapocs/platform/projections';

/** The running projections of this process, shared by the module (lifecycle) and the query handlers (read-your-writes). */
@Injectable()
export class ProjectionRunners {
  readonly list: ProjectionRunner[] = [];

  /** Resolves when every projection has processed `checkpoint` (no sleeping, ADR-0003). */
  async waitFor(checkpoint: Checkpoint, timeoutMs = 10_000): Promise<void> {
    await Promise.all(this.list.map((r) => r.waitForCheckpoint(checkpoint, { timeoutMs })));
  }
}

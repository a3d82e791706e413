import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { busContract } from '@kapocs/platform/bus';
import { connectTestNats } from '@kapocs/platform/testing';
import { JetStreamEventBus } from './jetstream-event-bus.js';

busContract('JetStreamEventBus', async () => {
  const nc = await connectTestNats();
  const id = randomBytes(5).toString('hex');
  const bus = await JetStreamEventBus.create({ connection: nc, stream: `T_${id}`, subjects: [`t${id}.>`] });
  return {
    bus,
    subjectRoot: `t${id}`,
    dispose: async () => {
      await bus.close();
      await (await jetstreamManager(nc)).streams.delete(`T_${id}`);
      await nc.close();
    },
  };
});

// A render thread of the napló PDF export: runs NaploRenderEngine for the gateway's main thread (contact-log.pdf.ts).
import { parentPort } from 'node:worker_threads';
import { NaploRenderEngine, type NaploRenderRequest } from './contact-log-layout.js';

const engine = new NaploRenderEngine();
parentPort?.on('message', (message: { readonly id: number; readonly request: NaploRenderRequest }) => {
  try {
    const { value, transfer } = engine.handle(message.request);
    parentPort?.postMessage({ id: message.id, ok: true, value }, transfer);
  } catch (e) {
    // The error's name only: a message (a JSON parse error's, say) can quote the rows, i.e. personal data.
    parentPort?.postMessage({ id: message.id, ok: false, error: `napló render thread: ${(e as Error)?.name ?? 'error'}` });
  }
});

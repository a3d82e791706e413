import { randomUUID } from 'node:crypto';
import { Controller, Inject, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcReply, RpcRequest } from '@kapocs/shared/kernel';
import {
  type AddSampleNote,
  CONFORMANCE_SUBJECTS,
  type SampleSubjectRef,
  type UpdateSampleSubject,
} from '../conformance/conformance.contract.js';

/** Test-only state of the tiny service: versions per subject and gates that hold a request until released. */
export class ResponderState {
  readonly versions = new Map<string, number>();
  private releaseHeld!: () => void;
  readonly held = new Promise<void>((resolve) => (this.releaseHeld = resolve));
  private releaseRead!: () => void;
  /** Reads of subject `hold` wait here until close, to provoke a timeout. */
  readonly readHeld = new Promise<void>((resolve) => (this.releaseRead = resolve));
  private noteArrived!: () => void;
  readonly heldNoteArrived = new Promise<void>((resolve) => (this.noteArrived = resolve));
  readonly correlationIds: string[] = [];

  release(): void {
    this.releaseHeld();
  }
  releaseAll(): void {
    this.releaseHeld();
    this.releaseRead();
  }
  arrived(): void {
    this.noteArrived();
  }
}
const STATE = 'RESPONDER_STATE';
const ok = <T>(value: T): RpcReply<T> => ({ ok: true, value });

@Controller()
class ConformanceResponderController {
  constructor(@Inject(STATE) private readonly state: ResponderState) {}

  @MessagePattern('intake.query.ping')
  ping(): RpcReply {
    return ok({ service: 'intake' });
  }

  @MessagePattern(CONFORMANCE_SUBJECTS.readSubject)
  async read(@Payload() request: RpcRequest<SampleSubjectRef>): Promise<RpcReply> {
    this.state.correlationIds.push(request.correlationId);
    if (request.payload.id === 'hold') await this.state.readHeld;
    const version = String(this.state.versions.get(request.payload.id) ?? 1);
    return ok({ ...request.payload, version, label: `subject of ${request.actor.role}` });
  }

  @MessagePattern(CONFORMANCE_SUBJECTS.addNote)
  async addNote(@Payload() request: RpcRequest<AddSampleNote>): Promise<RpcReply> {
    if (request.payload.text === 'hold') {
      this.state.arrived();
      await this.state.held;
    }
    return ok({ noteId: randomUUID() });
  }

  @MessagePattern(CONFORMANCE_SUBJECTS.updateSubject)
  update(@Payload() request: RpcRequest<UpdateSampleSubject>): RpcReply {
    const { id, expectedVersion } = request.payload;
    const actual = this.state.versions.get(id) ?? 1;
    if (expectedVersion !== String(actual)) {
      return { ok: false, error: { code: 'WRONG_EXPECTED_VERSION', details: { expected: expectedVersion, actual: String(actual) } } };
    }
    this.state.versions.set(id, actual + 1);
    return ok({ ...request.payload, version: String(actual + 1) });
  }
}

/** The tiny service of the role-matrix test, on the real NATS. */
@Module({})
export class ConformanceResponderModule {
  static with(state: ResponderState) {
    return {
      module: ConformanceResponderModule,
      controllers: [ConformanceResponderController],
      providers: [{ provide: STATE, useValue: state }],
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Caller, IdentityRpc, ProfileView } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { IDENTITY_RPC } from './neighbour-clients';

/** What the dossier service needs from identity: who the applicant is at submission. */
export abstract class ApplicantDirectory {
  abstract profileOf(caller: Caller, correlationId: string | null): Promise<ProfileView>;
}

@Injectable()
export class RpcApplicantDirectory extends ApplicantDirectory {
  constructor(@Inject(IDENTITY_RPC) private readonly identity: RpcClient) {
    super();
  }

  profileOf(caller: Caller, correlationId: string | null): Promise<ProfileView> {
    return this.identity.send(IdentityRpc.getProfile, {
      caller,
      correlationId,
      data: {},
    });
  }
}

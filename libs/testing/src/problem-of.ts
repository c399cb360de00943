import { DomainError, ProblemShape } from '@dvc/contracts';

/**
 * The problem a call was refused with. A call that succeeds, or fails with anything but a
 * DomainError (a timeout, a bug), fails the test with that instead.
 */
export async function problemOf(call: Promise<unknown>): Promise<ProblemShape> {
  const outcome = await call.then(
    () => new Error('expected the call to be refused'),
    (err: unknown) => err,
  );
  if (outcome instanceof DomainError) return outcome.toProblem();
  throw outcome;
}

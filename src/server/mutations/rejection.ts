import type { RejectionCode } from '../../shared/api/sync';

/**
 * A permanent "no" from a domain rule (not visible, not allowed, already taken …). Thrown by
 * services; the mutation framework turns it into a stored `rejected` outcome (the effects of
 * the mutation are rolled back), HTTP routes into 400/403/404/409.
 */
export class Rejection extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'Rejection';
  }
}

export const REJECTION_STATUS: Record<RejectionCode, number> = {
  invalid_args: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

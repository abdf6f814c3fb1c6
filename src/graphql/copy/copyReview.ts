import { In } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { CopyStatusChange, GeneratedCopy } from '../../db/entities';
import type { CopyStatus } from '../../db/entities';
import { badInput, DomainError, ErrorCode } from '../../shared/errors';
import type { Principal } from '../apiKey/principal';

/** Maximum length of a review reason or note, in UTF-16 code units. */
export const MAX_REVIEW_REASON_LENGTH = 1000;

/** A review decision and the statuses it may start from. */
const DECISIONS = {
  approve: { from: ['draft'], to: 'approved' },
  reject: { from: ['draft', 'approved'], to: 'rejected' },
} as const satisfies Record<string, { from: readonly CopyStatus[]; to: CopyStatus }>;

export type ReviewDecision = keyof typeof DECISIONS;

/** A review decision on one copy. */
export interface ReviewRequest {
  copyId: number;
  decision: ReviewDecision;
  /** Required to reject; an optional note to approve. */
  reason?: string;
  /** Approve even though the copy still has check errors. */
  acceptViolations?: boolean;
  principal: Principal;
}

/**
 * Records a review decision. New copy is a `draft`. A draft can be approved or rejected, and an
 * approved copy can still be rejected, which withdraws it from export and from new A/B tests. A rejected copy stays rejected. Approving a copy that has check errors
 * needs `acceptViolations`. The status change and its log row are written in one transaction,
 * and the update only applies while the status is still the one read, so of two concurrent
 * decisions one fails with `CONFLICT`.
 * Throws `NOT_FOUND` for an unknown copy, `CONFLICT` for a transition the workflow does not
 * allow, and `BAD_USER_INPUT` for a missing or too long reason or unaccepted check errors.
 */
export async function reviewCopy(
  dataSource: DataSource,
  request: ReviewRequest,
): Promise<GeneratedCopy> {
  const reason = checkReason(request);
  const reviewer = request.principal.apiKey?.name ?? 'development';
  const rule = DECISIONS[request.decision];

  return dataSource.transaction(async (manager) => {
    const copies = manager.getRepository(GeneratedCopy);
    const copy = await copies.findOneBy({ id: request.copyId });
    if (!copy) {
      throw new DomainError(ErrorCode.NotFound, `Copy ${request.copyId} was not found.`);
    }
    assertTransition(copy, request.decision);
    if (request.decision === 'approve' && !request.acceptViolations) {
      assertNoErrors(copy);
    }

    const reviewedAt = new Date();
    const updated = await copies.update(
      { id: copy.id, status: copy.status },
      { status: rule.to, reviewedBy: reviewer, reviewReason: reason, reviewedAt },
    );
    if (updated.affected === 0) {
      throw new DomainError(
        ErrorCode.Conflict,
        `Copy ${copy.id} was reviewed by another request while this one ran; query it and decide again.`,
      );
    }
    await manager.getRepository(CopyStatusChange).insert({
      copyId: copy.id,
      fromStatus: copy.status,
      toStatus: rule.to,
      reviewer,
      reviewerKeyId: request.principal.apiKey?.id ?? null,
      reason,
    });
    return copies.findOneByOrFail({ id: copy.id });
  });
}

/**
 * Checks that every listed copy exists and is approved, e.g. before attaching copies to an
 * A/B test or exporting them; pass the transaction's manager to hold the check and the write
 * together. Returns the copies in the order of `copyIds`. Throws `NOT_FOUND` naming the
 * missing ids and `CONFLICT` naming each copy that is not approved with its status.
 */
export async function requireApprovedCopies(
  manager: EntityManager | DataSource,
  copyIds: readonly number[],
): Promise<GeneratedCopy[]> {
  const rows = await manager.getRepository(GeneratedCopy).findBy({ id: In([...copyIds]) });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = copyIds.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new DomainError(ErrorCode.NotFound, `Copy ${missing.join(', ')} was not found.`);
  }
  const unapproved = rows.filter((row) => row.status !== 'approved');
  if (unapproved.length > 0) {
    const listed = unapproved.map((row) => `${row.id} (${row.status})`).join(', ');
    throw new DomainError(
      ErrorCode.Conflict,
      `Only approved copy can be used; copy ${listed} is not approved. Approve it with approveCopy first.`,
    );
  }
  return copyIds.map((id) => byId.get(id)!);
}

function checkReason(request: ReviewRequest): string | null {
  const reason = request.reason?.trim() ?? '';
  if (request.decision === 'reject' && reason === '') {
    throw badInput('reason', 'Missing reason, a rejection needs a reason the writer can act on.');
  }
  if (reason.length > MAX_REVIEW_REASON_LENGTH) {
    throw badInput(
      'reason',
      `Invalid reason of ${reason.length} characters, expected at most ${MAX_REVIEW_REASON_LENGTH}.`,
    );
  }
  return reason === '' ? null : reason;
}

function assertTransition(copy: GeneratedCopy, decision: ReviewDecision): void {
  const rule = DECISIONS[decision];
  if ((rule.from as readonly CopyStatus[]).includes(copy.status)) {
    return;
  }
  if (copy.status === rule.to) {
    throw new DomainError(ErrorCode.Conflict, `Copy ${copy.id} is already ${copy.status}.`);
  }
  const allowed = rule.from.join(' or ');
  throw new DomainError(
    ErrorCode.Conflict,
    `Copy ${copy.id} is ${copy.status}, and only ${allowed} copy can be ${rule.to}; generate new copy instead.`,
  );
}

function assertNoErrors(copy: GeneratedCopy): void {
  const errors = (copy.violations ?? []).filter((violation) => violation.severity === 'error');
  if (errors.length === 0) {
    return;
  }
  const listed = errors.map((violation) => `${violation.rule} "${violation.text}"`).join(', ');
  throw badInput(
    'acceptViolations',
    `Copy ${copy.id} has ${errors.length} check error(s): ${listed}. Generate it again, or pass acceptViolations: true to approve it anyway.`,
  );
}

import type { ProposalReason } from '@incubator/contracts';
import type { Proposal } from './propose';

/**
 * The shortest outline (in module sides) any shape of `modules` modules can have: 2·⌈2√n⌉
 * (Harary and Harborth, 1976) — 4 for one, 8 for a 2×2 square, 10 for 2×3.
 */
export function minimalPerimeter(modules: number): number {
  return modules <= 0 ? 0 : 2 * Math.ceil(2 * Math.sqrt(modules));
}

/**
 * Why a proposal ranks where it does, in the order the ranking weighs it: its outline, the free space
 * it leaves in one piece or not, then nearness to the startup's current office (when it has one), and
 * what the rounding to whole modules adds, and whether it only follows the one above by the stable
 * tie-break. Words are the client's, from the codes.
 */
export function explainProposal(proposal: Proposal, hasCurrentOffice: boolean, previous?: Proposal): ProposalReason[] {
  const reasons: ProposalReason[] = [{ code: 'contiguous' }];
  const extraEdges = proposal.perimeter - minimalPerimeter(proposal.cells.length);
  reasons.push(extraEdges <= 0 ? { code: 'compact' } : { code: 'elongated', extraEdges });
  reasons.push(
    proposal.fragmentation === 0
      ? { code: 'keeps_free_space_whole' }
      : { code: 'splits_free_space', pieces: proposal.fragmentation + 1 },
  );
  if (proposal.distance !== null) {
    reasons.push(proposal.distance <= 1 ? { code: 'next_to_current_office' } : { code: 'same_floor_as_current_office', modules: proposal.distance });
  } else if (hasCurrentOffice) {
    reasons.push({ code: 'other_floor_than_current_office' });
  }
  const extraM2 = Math.round((proposal.areaM2 - proposal.requestedAreaM2) * 100) / 100;
  reasons.push(extraM2 <= 0 ? { code: 'exact_area' } : { code: 'over_request', extraM2 });
  const tied =
    previous !== undefined &&
    previous.perimeter === proposal.perimeter &&
    previous.fragmentation === proposal.fragmentation &&
    previous.distance === proposal.distance &&
    previous.areaM2 === proposal.areaM2;
  if (tied) reasons.push({ code: 'tied_with_previous' });
  return reasons;
}

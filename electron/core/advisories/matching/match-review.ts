/**
 * Which matches still wait for a person, as SQL over a match `m` joined to its device `d`. A suggestion waits
 * until a person confirms or rejects it. A match that needs review (the device's version or OS, or the product's
 * status, leaves it uncertain) waits until a person assesses the device: once its state is anything but "not
 * assessed", the person has decided it is affected, and the match counts as the affected ones do.
 */
export const AWAITING_PERSON = `(m.status = 'suggested' OR (m.status = 'needs-review' AND d.state = 'unassessed'))`;

/** Affected as far as a person can tell: confirmed, or uncertain and assessed since. */
export const AFFECTED_MATCH = `(m.status = 'confirmed' OR (m.status = 'needs-review' AND d.state <> 'unassessed'))`;

/** Uncertain and not yet assessed: what "to review" counts. */
export const REVIEW_PENDING = `(m.status = 'needs-review' AND d.state = 'unassessed')`;

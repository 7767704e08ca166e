// The errors pure rules throw, and the problem shape they become: no Nest, no Fastify,
// no I/O, so deciders can import them (docs/decisions/0007-ci-rules.md). The platform
// maps them to RFC 9457 responses and re-exports them.
export { Conflict, DomainRuleViolation, InvalidRequest, NotFound, PreconditionFailed, ProblemError, RuleViolation, ServiceUnavailable } from './domain-errors.js';
export { GENERIC_PROBLEM_TYPE, PROBLEM_CONTENT_TYPE, type FieldError, type ProblemDetails } from './problem-details.js';

/**
 * Errors whose message already says what went wrong and what to do: printed as they are, without a
 * stack trace. Their modules (settings, auth, Graph) subclass this, so the entry point can recognise them
 * without importing those modules (and their heavy dependencies) up front.
 */
export class ExplainedError extends Error {}

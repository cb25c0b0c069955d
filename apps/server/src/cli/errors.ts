/** An error the CLI reports as one clear line and a non-zero exit, without a stack trace. */
export class CliError extends Error {}

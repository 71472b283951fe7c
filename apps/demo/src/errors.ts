/** Bad command-line usage: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A command whose package has not landed yet: exit code 1. */
export class NotAvailableError extends Error {
  constructor(command: string, pkg: string) {
    super(`'${command}' needs ${pkg}, which has not landed in this release yet`);
    this.name = 'NotAvailableError';
  }
}

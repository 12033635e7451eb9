// The idempotency checker: see the files of this module.

// Fault injection and retry strategies: see the files of this module.

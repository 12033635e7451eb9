// The AWS wire protocols: see the files of this module.

"""Build machinery: the build cache (fingerprints, keys, store), body sanitising and atomic
publishing."""

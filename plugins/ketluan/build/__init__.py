"""Build machinery: the build cache (fingerprints, keys, store), body sanitising, atomic
publishing and the Pagefind runner."""

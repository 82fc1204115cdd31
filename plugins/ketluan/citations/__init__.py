"""Citations of Party and State documents: matchers (one class per form), extraction from
prose, resolution in the context of the citing document, and the citation index. Pure
Python on top of ``core``."""

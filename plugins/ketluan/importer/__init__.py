"""``ketluan import``: published documents (text, Word) turned into conclusion files."""

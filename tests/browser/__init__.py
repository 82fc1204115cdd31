"""Browser tests (Playwright + Debian Chromium); a package so its conftest has its own name."""

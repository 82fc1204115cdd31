"""``ketluan`` command line: ``ketluan check`` validates conclusions without building;
``ketluan import`` turns published documents (.txt, .docx) into conclusion files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from tqdm import tqdm

from .citation_index import CitationIndex
from .corpus import load_corpus
from .model import BUILTIN_TYPES, TypeInfo
from .problems import ProblemsError


def _types_from_config(config_file: Path) -> tuple[dict[str, TypeInfo], str]:
    """Read extra types and the conclusions folder from mkdocs.yml's ketluan entry."""
    types = dict(BUILTIN_TYPES)
    conclusions_dir = "conclusions"
    if not config_file.exists():
        return types, conclusions_dir
    text = config_file.read_text(encoding="utf-8")
    # mkdocs.yml may hold !!python/name tags; they are irrelevant here, so ignore unknown tags.
    loader = type("_Lenient", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("", lambda _loader, _suffix, _node: None)
    config = yaml.load(text, Loader=loader) or {}
    for entry in config.get("plugins", []) or []:
        if isinstance(entry, dict) and "ketluan" in entry:
            options = entry["ketluan"] or {}
            conclusions_dir = options.get("conclusions_dir", conclusions_dir)
            for slug, extra in (options.get("extra_types") or {}).items():
                types[slug] = TypeInfo(
                    slug, extra["label"], extra["abbr"], bool(extra.get("news", False))
                )
    return types, conclusions_dir


def check(args: argparse.Namespace) -> int:
    """Validate every conclusion; print problems as path:line: ... and return 1 if any;
    warnings (a date after today) and notes are printed after the count and fail nothing."""
    config_file = Path(args.config_file)
    types, conclusions_dir = _types_from_config(config_file)
    project = config_file.parent
    try:
        corpus = load_corpus(project, args.dir or conclusions_dir, types)
    except ProblemsError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{len(corpus.documents)} documents OK in {args.dir or conclusions_dir}")
    for warning in corpus.notes:
        print(warning)
    for note in CitationIndex(corpus.documents).ambiguous_notes():
        print(note)
    return 0


def import_(args: argparse.Namespace) -> int:
    """Import files; print one line per file and a summary; 1 if a file could not be read."""
    from .importer import import_files, report  # python-docx only when importing
    from .importer_places import Places, default_lookup

    config_file = Path(args.config_file)
    try:
        types, conclusions_dir = _types_from_config(config_file)
    except (
        OSError,
        UnicodeDecodeError,
        yaml.YAMLError,
        KeyError,
        TypeError,
        AttributeError,
    ) as exc:
        print(
            f"{config_file}: cannot read the ketluan settings ({type(exc).__name__}: {exc})."
            " Fix mkdocs.yml, or give -f another configuration file",
            file=sys.stderr,
        )
        return 1
    out = Path(args.out) if args.out else config_file.parent / conclusions_dir
    outcomes = import_files(
        [Path(p) for p in args.paths],
        out,
        types,
        dry_run=args.dry_run,
        force=args.force,
        lookup=default_lookup(),
        hints=Places(args.province, args.district),
        progress=lambda paths: tqdm(paths, desc="import", unit="file", disable=len(paths) < 10),
    )
    print("\n".join(report(outcomes, args.dry_run)))
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``ketluan`` console script."""
    parser = argparse.ArgumentParser(prog="ketluan", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate conclusions without building")
    check_parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", help="site configuration (default: mkdocs.yml)"
    )
    check_parser.add_argument("dir", nargs="?", help="folder of conclusions (default: from config)")
    check_parser.set_defaults(func=check)
    import_parser = commands.add_parser(
        "import", help="turn published documents (.txt, .docx) into conclusion files"
    )
    import_parser.add_argument("paths", nargs="+", help="files, or folders of .txt/.docx files")
    import_parser.add_argument("--out", help="folder to write to (default: conclusions_dir)")
    import_parser.add_argument("--dry-run", action="store_true", help="show, write nothing")
    import_parser.add_argument("--force", action="store_true", help="overwrite existing files")
    import_parser.add_argument(
        "--province", help="your province, used only where the text names none"
    )
    import_parser.add_argument(
        "--district", help="your district, used only where the text does not decide"
    )
    import_parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", help="site configuration (default: mkdocs.yml)"
    )
    import_parser.set_defaults(func=import_)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

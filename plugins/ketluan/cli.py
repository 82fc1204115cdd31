"""``ketluan`` command line: ``ketluan check`` validates conclusions without building;
``ketluan import`` turns published documents (.txt, .docx, .pdf) into conclusion files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from ketluan import pipeline
from ketluan.adapter.config import ConfigProblem, KetluanConfig, load
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.problems import ProblemsError


def _config(args: argparse.Namespace) -> KetluanConfig:
    """The plugin's options from the site configuration (``-f``), as a build reads them."""
    return load(Path(args.config_file))


def check(args: argparse.Namespace) -> int:
    """Validate every conclusion; print problems as path:line: ... and return 1 if any;
    warnings (a date after today) and notes (ambiguous citations, relations that change
    nothing or contradict a declared status) are printed after the count and fail nothing."""
    try:
        options = _config(args)
    except ConfigProblem as exc:
        print(exc, file=sys.stderr)
        return 1
    folder = args.dir or options.conclusions_dir
    project = Path(args.config_file).parent
    try:
        corpus = pipeline.read(project, folder, options.types(), lambda paths: paths)
        analysis = pipeline.analyse(corpus)
    except ProblemsError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{len(corpus.documents)} documents OK in {folder}")
    for warning in corpus.notes:
        print(warning)
    for note in [*analysis.citations.ambiguous_notes(), *sorted(analysis.relations.notes)]:
        print(note)
    return 0


def import_(args: argparse.Namespace) -> int:
    """Import files; print one line per file and a summary; 1 if a file could not be read."""
    from ketluan.importer.batch import (  # python-docx and pdfminer only when importing
        import_files,
        report,
        report_json,
    )
    from ketluan.importer.places import Places, default_lookup

    config_file = Path(args.config_file)
    if args.out and not config_file.exists():
        # Importing into a folder of its own needs no site: say which types are used.
        print(
            f"{config_file}: no site configuration: importing with the built-in document types",
            file=sys.stderr,
        )
        types, out = dict(BUILTIN_TYPES), Path(args.out)
    else:
        try:
            options = _config(args)
        except ConfigProblem as exc:
            print(exc, file=sys.stderr)
            return 1
        types = options.types()
        out = Path(args.out) if args.out else config_file.parent / options.conclusions_dir
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
    if args.report:
        try:
            report_json(outcomes, Path(args.report), args.dry_run)
        except OSError as exc:
            print(f"{args.report}: cannot write the report: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"report: {args.report}")
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
        "import", help="turn published documents (.txt, .docx, .pdf) into conclusion files"
    )
    import_parser.add_argument(
        "paths", nargs="+", help="files, or folders of .txt/.docx/.pdf files"
    )
    import_parser.add_argument("--out", help="folder to write to (default: conclusions_dir)")
    import_parser.add_argument("--dry-run", action="store_true", help="show, write nothing")
    import_parser.add_argument("--force", action="store_true", help="overwrite existing files")
    import_parser.add_argument(
        "--report",
        metavar="FILE.json",
        help="write per document and field the value and the line it came from",
    )
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

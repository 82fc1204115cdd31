"""Where a build's memory goes: each process of its tree, sampled while it runs.

``python benchmarks/memory.py PROJECT [--cold]``

Runs ``mkdocs build -q`` in PROJECT (``--cold``: its build cache removed first) and samples
every process of the tree every 0.2 s: proportional set size (PSS: shared pages split among
the processes sharing them) and unique set size (USS: pages no other process maps). Prints
the tree's peak PSS with each process's share at that moment, and each process's own peak
PSS and USS. A forked render worker whose USS nears its PSS has copied the build's heap
rather than sharing it (CPython writes reference counts into every object it touches).
``baselines.py`` reports only the tree's peak; this says which process holds it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

MB = 2**20


def sample(project: Path) -> dict[str, object]:
    """Run the build in ``project``; peaks of the tree and of each process (in MB)."""
    started = time.monotonic()
    command = [sys.executable, "-m", "mkdocs", "build", "-q"]
    process = psutil.Popen(command, cwd=project, stdout=subprocess.DEVNULL)
    names: dict[int, str] = {}
    own: dict[int, tuple[int, int, float]] = {}  # pid -> peak PSS, peak USS, when
    tree = (0, 0.0, {})
    while process.poll() is None:
        total, shares = 0, {}
        for member in [process, *process.children(recursive=True)]:
            try:
                info = member.memory_full_info()
                names.setdefault(member.pid, _name(member, process))
            except psutil.Error:
                continue
            total += info.pss
            shares[member.pid] = info.pss
            peak_pss, peak_uss, at = own.get(member.pid, (0, 0, 0.0))
            if info.pss > peak_pss:
                peak_pss, at = info.pss, round(time.monotonic() - started, 1)
            own[member.pid] = (peak_pss, max(peak_uss, info.uss), at)
        if total > tree[0]:
            tree = (total, round(time.monotonic() - started, 1), shares)
        time.sleep(0.2)
    if process.returncode:
        raise SystemExit(f"the build failed ({process.returncode})")
    return {
        "seconds": round(time.monotonic() - started, 1),
        "tree_peak_mb": tree[0] // MB,
        "tree_peak_at": tree[1],
        "at_tree_peak": {f"{pid} {names[pid]}": pss // MB for pid, pss in tree[2].items()},
        "processes": {
            f"{pid} {names[pid]}": {"pss_mb": p // MB, "uss_mb": u // MB, "at": at}
            for pid, (p, u, at) in sorted(own.items(), key=lambda kv: -kv[1][0])
        },
    }


def _name(member: psutil.Process, root: psutil.Process) -> str:
    """ "build", "worker" (a forked Python) or the program's name."""
    if member.pid == root.pid:
        return "build"
    if member.name().startswith("python"):
        return "worker " + " ".join(member.cmdline()[1:4])[:60]
    return member.name()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--cold", action="store_true", help="remove the build cache first")
    args = parser.parse_args()
    if args.cold:
        shutil.rmtree(args.project / ".cache", ignore_errors=True)
    found = sample(args.project)
    peak, at = found["tree_peak_mb"], found["tree_peak_at"]
    print(f"wall {found['seconds']} s; tree peak {peak} MB PSS at {at} s")
    for name, pss in sorted(found["at_tree_peak"].items(), key=lambda kv: -kv[1]):
        print(f"  at the peak: {pss:>6} MB PSS  {name}")
    print("| process | peak PSS (MB) | peak USS (MB) | at (s) |\n|---|---|---|---|")
    for name, peak in list(found["processes"].items())[:12]:
        print(f"| {name} | {peak['pss_mb']:,} | {peak['uss_mb']:,} | {peak['at']} |")


if __name__ == "__main__":
    main()

"""Prints what scripts/package put in dist/: each artifact's size, tag and
glibc floor (the newest GLIBC_x.y symbol version any ELF inside it needs, read
with `objdump -T`), and the size budgets of BENCHMARKS.md.

Usage: python3 scripts/lib/dist-report.py DIST [--check]
With --check, exits 1 when an ELF needs more than glibc 2.17 or a budget is
exceeded.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

GLIBC_FLOOR = (2, 17)
MIB = 1024 * 1024
# Budgets (BENCHMARKS.md, "Package sizes"), by artifact kind.
BUDGETS = {"wheel": 5 * MIB, "npm-platform": 4 * MIB, "jar": 5 * MIB}


def elf_members(path: Path) -> list[tuple[str, bytes]]:
    """The ELF files inside an artifact (or the artifact itself)."""
    name = path.name
    if name.endswith((".whl", ".jar")):
        with zipfile.ZipFile(path) as archive:
            return [(m, archive.read(m)) for m in archive.namelist() if archive.read(m)[:4] == b"\x7fELF"]
    if name.endswith((".tgz", ".tar.gz")):
        found = []
        with tarfile.open(path) as archive:
            for member in archive.getmembers():
                if member.isfile():
                    handle = archive.extractfile(member)
                    data = handle.read() if handle else b""
                    if data[:4] == b"\x7fELF":
                        found.append((member.name, data))
        return found
    data = path.read_bytes()
    return [(name, data)] if data[:4] == b"\x7fELF" else []


def glibc_floor(data: bytes) -> tuple[int, ...]:
    """The newest GLIBC_ version an ELF's dynamic symbols need."""
    with tempfile.NamedTemporaryFile() as tmp:
        tmp.write(data)
        tmp.flush()
        out = subprocess.run(["objdump", "-T", tmp.name], check=True, capture_output=True, text=True).stdout
    versions = {tuple(int(p) for p in v.split(".")) for v in re.findall(r"GLIBC_([0-9.]+)", out)}
    return max(versions) if versions else ()


def kind(path: Path) -> str:
    name = path.name
    if name.endswith(".whl"):
        return "wheel"
    if name.endswith(".tar.gz") and path.parent.name == "python":
        return "sdist"
    if path.parent.name == "npm":
        return "npm-platform" if re.match(r"headshotpro-[a-z0-9]+-[a-z0-9]+", name) and "-linux-" in name else "npm-main"
    if name.endswith("-sources.jar") or name.endswith("-javadoc.jar"):
        return name.rsplit("-", 1)[1].removesuffix(".jar") + "-jar"
    if name.endswith(".jar"):
        return "jar"
    if name.endswith(".so"):
        return "swift-lib"
    if name.endswith(".tar.gz"):
        return "swift-package"
    return path.parent.name


def tag(path: Path) -> str:
    name = path.name
    if name.endswith(".whl"):
        return "-".join(name.removesuffix(".whl").split("-")[2:])
    if kind(path) == "npm-platform":
        return "linux x64 glibc"
    if kind(path) == "jar":
        return "linux-x86-64 (JNA)"
    if kind(path) in ("swift-lib", "swift-package", "mock"):
        return "x86_64-unknown-linux-gnu"
    return "any"


def main() -> int:
    dist = Path(sys.argv[1])
    check = "--check" in sys.argv[2:]
    artifacts = sorted(
        p
        for p in dist.rglob("*")
        if p.is_file()
        and (p.parent.name in ("python", "npm", "mock") or p.suffix in (".jar",) or p.name.endswith(".tar.gz")
             or p.name == "libheadshotpro_uniffi.so")
    )
    problems = []
    print(f"{'artifact':<72} {'size':>10}  {'tag':<40} glibc floor")
    for path in artifacts:
        size = path.stat().st_size
        floors = [glibc_floor(data) for _, data in elf_members(path)]
        floor = max(floors) if floors else ()
        floor_text = "GLIBC_" + ".".join(map(str, floor)) if floor else "-"
        budget = BUDGETS.get(kind(path))
        note = ""
        if budget:
            note = f"  (budget {budget / MIB:.0f} MiB: {'ok' if size <= budget else 'OVER'})"
            if size > budget:
                problems.append(f"{path.name} is {size} bytes, over its {budget} byte budget")
        if floor and floor > GLIBC_FLOOR:
            problems.append(f"{path.name} needs {floor_text}, newer than GLIBC_2.17")
        rel = str(path.relative_to(dist))
        print(f"{rel:<72} {size / MIB:>6.2f} MiB  {tag(path):<40} {floor_text}{note}")
    for problem in problems:
        print(f"dist-report: {problem}", file=sys.stderr)
    return 1 if check and problems else 0


if __name__ == "__main__":
    sys.exit(main())

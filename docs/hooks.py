"""MkDocs hooks of the site (docs/mkdocs.yml: `hooks`).

The language pages include the packages' READMEs whole (`--8<-- "core/README.md"` on a
line of its own). Those READMEs are also rustdoc input, where a Rust block may say
```` ```rust,no_run ```` and hide set-up lines behind `# `. Markdown does not know either:
the block would not be code, and each hidden line would become a heading. This hook
includes such a README itself, before the snippets extension runs, with the fence
reduced to ```` ```rust ```` and the hidden lines left out, as rustdoc shows them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WHOLE_MARKDOWN_INCLUDE = re.compile(r'^--8<-- "([^":]+\.md)"[ \t]*$', re.MULTILINE)


def on_page_markdown(markdown: str, **_: Any) -> str:
    return WHOLE_MARKDOWN_INCLUDE.sub(lambda match: as_rendered(ROOT / match.group(1)), markdown)


def as_rendered(path: Path) -> str:
    """The Markdown of `path` with its Rust blocks as rustdoc shows them."""
    lines = []
    rust_block = False
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not rust_block and re.fullmatch(r"```rust(,[\w,]+)?", stripped):
            rust_block = True
            lines.append(line[: line.index("```")] + "```rust")
            continue
        if rust_block and stripped == "```":
            rust_block = False
        elif rust_block and (stripped == "#" or stripped.startswith("# ")):
            continue  # a line rustdoc hides
        lines.append(line)
    return "\n".join(lines)

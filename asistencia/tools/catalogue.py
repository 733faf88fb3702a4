"""Find every message id the code uses, to check the Spanish catalogue covers them.

Run ``python -m asistencia.tools.catalogue`` to print the ids that have no Spanish entry.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import asistencia
from asistencia.core import validation_messages
from asistencia.core.errors import AppError
from asistencia.core.i18n import _catalogue

TRANSLATING_CALLS = {"translate", "t", "_"}
PACKAGE_DIR = Path(asistencia.__file__).resolve().parent


def _literal_msgids(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        first = node.args[0]
        if name in TRANSLATING_CALLS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.add(first.value)
    return found


def _error_msgids() -> set[str]:
    for module in pkgutil.walk_packages([str(PACKAGE_DIR)], prefix="asistencia."):
        if ".migrations" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[str] = set()
    pending = [AppError]
    while pending:
        cls = pending.pop()
        found.add(cls.msgid)
        pending.extend(cls.__subclasses__())
    return found


def collect_msgids() -> set[str]:
    """Collect every message id in ``translate``/``t`` calls, on error classes and in validation messages."""
    found = _error_msgids()
    found |= set(validation_messages.MESSAGES.values())
    found |= {validation_messages.FALLBACK, *validation_messages.VALIDATOR_REASONS}
    for path in PACKAGE_DIR.rglob("*.py"):
        found |= _literal_msgids(path)
    return found


def missing(locale: str = "es") -> list[str]:
    catalogue = _catalogue(locale)
    return sorted(msgid for msgid in collect_msgids() if msgid not in catalogue)


if __name__ == "__main__":
    for msgid in missing():
        print(msgid)

"""The import rules docs/architecture.md states, checked on the source with `ast`.

- No import cycle among briefgen's modules, imports inside functions included, except the
  registry's factories: they import the implementations they name, when called.
- No library module imports `briefgen.cli`.
- No stage imports another stage, even inside a function: a helper two stages share lives lower
  (french, names, sections, dates, merge, model).
- No renderer imports a stage: render reads the Brief; what it shows that is computed (spans,
  background rows) is a stage's field (Brief.coverage, TimelineEntry.background).

Each rule is first shown to catch a small package written to break it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "briefgen"
# Top-level modules or packages of briefgen that are pipeline stages (see pipeline.py, build.py).
# Modules whose functions may import anything: the registry's factories load implementations lazily.
FACTORIES = frozenset({"briefgen.registry"})
STAGES = frozenset({"ingest", "segment", "classify", "parse", "select", "actors", "events", "timeline", "coverage", "discrepancies", "translate", "weekly", "history"})

# What render may read from a stage's package: the user's glossary (names in English), data like the config.
RENDER_MAY_READ = frozenset({"briefgen.translate.glossary"})

Graph = dict[str, list[tuple[str, bool]]]  # module -> [(imported briefgen module, at load time?)]


def module_name(root: Path, path: Path) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(tree: ast.Module, package: str, here: str, modules: set[str]) -> list[tuple[str, bool]]:
    """(module, at load time) for every import of `package` in `tree`; TYPE_CHECKING blocks skipped."""
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, at_load: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            if isinstance(child, ast.Import):
                found.extend((alias.name, at_load) for alias in child.names if alias.name.split(".")[0] == package)
            elif isinstance(child, ast.ImportFrom) and child.module:
                base = child.module if child.level == 0 else ".".join([*here.split(".")[: -child.level], child.module])
                if base.split(".")[0] == package:
                    for alias in child.names:  # `from briefgen.render import text` imports a module
                        name = f"{base}.{alias.name}"
                        found.append((name if name in modules else base, at_load))
            inner = at_load and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            visit(child, inner)

    visit(tree, True)
    return found


def import_graph(root: Path) -> Graph:
    files = {module_name(root, path): path for path in sorted(root.rglob("*.py"))}
    return {
        name: [(target, at_load) for target, at_load in _imports(ast.parse(path.read_text(encoding="utf-8")), root.name, name, set(files))
               if target != name]
        for name, path in files.items()
    }


def cycles(graph: Graph, factories: frozenset[str] = FACTORIES) -> list[list[str]]:
    """Import cycles, each as the list of modules around it; `factories`' imports inside functions are not followed."""
    found, state, stack = [], {}, []

    def visit(module: str) -> None:
        state[module] = "open"
        stack.append(module)
        for target, at_load in graph.get(module, []):
            if (module in factories and not at_load) or target not in graph:
                continue
            if state.get(target) == "open":
                found.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def cli_imports(graph: Graph) -> list[str]:
    """Library modules importing the command line."""
    cli = lambda name: name.split(".")[1:2] == ["cli"]  # noqa: E731
    return [f"{m} imports {t}" for m, targets in graph.items() if not cli(m) for t, _ in targets if cli(t)]


def stage_imports(graph: Graph, stages: frozenset[str] = STAGES) -> list[str]:
    """A stage module importing another stage's module."""
    stage = lambda name: (name.split(".") + [""])[1] if (name.split(".") + [""])[1] in stages else None  # noqa: E731
    return [f"{m} imports {t}" for m, targets in graph.items() for t, _ in targets if stage(m) and stage(t) and stage(m) != stage(t)]


def render_imports(graph: Graph, stages: frozenset[str] = STAGES) -> list[str]:
    """A renderer importing a stage's module."""
    stage = lambda name: (name.split(".") + [""])[1] in stages  # noqa: E731
    return [f"{m} imports {t}" for m, targets in graph.items() if m.split(".")[1:2] == ["render"]
            for t, _ in targets if stage(t) and t not in RENDER_MAY_READ]


@pytest.fixture
def broken(tmp_path: Path) -> Graph:
    """A package breaking each rule once (a cycle through a function's import, a library module
    importing cli, a stage borrowing a helper) and a registry factory that may import upwards."""
    root = tmp_path / "briefgen"
    (root / "cli").mkdir(parents=True)
    (root / "render").mkdir()
    files = {
        "__init__.py": "",
        "cli/__init__.py": "",
        "a.py": "from briefgen import b\n",
        "b.py": "def f():\n    import briefgen.a\n",
        "registry.py": "def make():\n    import briefgen.c\n",  # a factory: allowed to point back up
        "c.py": "import briefgen.registry\n",
        "output.py": "def f():\n    from briefgen.cli import app\n",
        "select.py": "from briefgen.actors import NOT_NAME\n",
        "actors.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from briefgen import select\nNOT_NAME = 1\n",
        "coverage.py": "",
        "render/__init__.py": "",
        "render/context.py": "from briefgen import coverage\n",
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return import_graph(root)


def test_each_rule_catches_a_package_that_breaks_it(broken):
    assert cycles(broken) == [["briefgen.a", "briefgen.b", "briefgen.a"]]
    assert cli_imports(broken) == ["briefgen.output imports briefgen.cli"]
    assert stage_imports(broken) == ["briefgen.select imports briefgen.actors"]  # not the TYPE_CHECKING import back
    assert render_imports(broken) == ["briefgen.render.context imports briefgen.coverage"]


def test_briefgen_has_no_import_cycle():
    assert cycles(import_graph(PACKAGE)) == []


def test_no_library_module_imports_the_command_line():
    assert cli_imports(import_graph(PACKAGE)) == []


def test_no_stage_imports_another_stage():
    assert stage_imports(import_graph(PACKAGE)) == []


def test_every_stage_named_here_exists():
    graph = import_graph(PACKAGE)
    assert {name.split(".")[1] for name in graph if name.count(".")} >= STAGES


def test_no_renderer_imports_a_stage():
    assert render_imports(import_graph(PACKAGE)) == []

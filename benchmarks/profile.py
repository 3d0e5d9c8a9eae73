"""Where the time goes: profiles of the warm check, of extraction, and of a cold start.

- warm: `factcheck.check` of the 1,000-word draft against the 1,000-word source, ten times;
- extraction: `factcheck.extract_claims` on about 120 kB of news-like text;
- cold: the first check in a fresh interpreter (imports and lazily loaded data included).
pyinstrument's call tree of the warm check and of extraction is kept in
build/bench/profile-<name>.txt; cProfile's flat view of the same work (the functions with
the most time of their own, and that time summed by module: factcheck's by file, other
libraries by package) goes to build/bench/profile.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import warnings

from .common import RESULTS, ROOT, output_path
from .corpus import article, source_and_draft

TOP = 15


def _module_of(path: str) -> str:
    """factcheck's own modules by file; anything else by its package ("pint", "re", "built-in")."""
    if path.startswith("~") or path.startswith("<"):
        return "built-in"
    parts = path.split("/")
    if "factcheck" in parts:
        return "/".join(parts[parts.index("factcheck"):])
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    return parts[-2] if len(parts) > 1 and parts[-2] not in ("lib", "python3.11") else parts[-1]


def _flat(stats) -> dict:
    """The functions with the most time of their own, and the same summed by module, from cProfile stats."""
    rows = []
    for (path, line, function), (_, _, own, cumulative, _) in stats.stats.items():
        rows.append({"function": function, "where": f"{_module_of(path)}:{line}", "module": _module_of(path),
                     "own": own, "cumulative": cumulative})
    total = sum(row["own"] for row in rows) or 1.0
    for row in rows:
        row["share"] = row["own"] / total
    rows.sort(key=lambda row: -row["own"])
    modules: dict[str, float] = {}
    for row in rows:
        modules[row["module"]] = modules.get(row["module"], 0.0) + row["share"]
    by_module = sorted(({"module": m, "share": share} for m, share in modules.items()), key=lambda r: -r["share"])
    return {"functions": rows[:TOP], "modules": by_module[:TOP]}


def _profile(name: str, run, repeats: int) -> dict:
    """A pyinstrument call tree (kept as text) and cProfile's flat view of the same work."""
    import cProfile
    import pstats

    from pyinstrument import Profiler

    run()   # warm
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(repeats):
        run()
    profiler.stop()
    (RESULTS / f"profile-{name}.txt").write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")
    flat = cProfile.Profile()
    flat.enable()
    for _ in range(repeats):
        run()
    flat.disable()
    return _flat(pstats.Stats(flat))


_COLD = """
import sys, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {root!r})
import cProfile, json, pstats
from benchmarks.corpus import source_and_draft
from benchmarks.profile import _flat
source, draft = source_and_draft(120, seed=11)
flat = cProfile.Profile()
flat.enable()
import factcheck
factcheck.check(draft, source=source)
flat.disable()
print(json.dumps(_flat(pstats.Stats(flat))))
"""


def main() -> None:
    warnings.simplefilter("ignore")
    import factcheck

    source, draft = source_and_draft(1000)
    text = article(20_000)
    result = {
        "warm_check": _profile("warm-check", lambda: factcheck.check(draft, source=source), 10),
        "extraction": _profile("extraction", lambda: factcheck.extract_claims(text), 2),
    }
    cold = subprocess.run(
        [sys.executable, "-c", _COLD.format(root=str(ROOT))],
        check=True, capture_output=True, text=True,
    )
    result["cold_check"] = json.loads(cold.stdout.strip().splitlines()[-1])
    output_path("profile").write_text(json.dumps(result, indent=1), encoding="utf-8")
    for name, profile in result.items():
        print(name)
        for row in profile["modules"][:8]:
            print(f"  {row['share']:6.1%}  {row['module']}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks `byline eval` scores on the shared dev sets against .ci/floors.toml.

Each [[floor]] names a task, a gold file (relative to the data folder), a
JSON pointer into `byline eval --json` output, and the minimum it may show;
an optional `pipeline` (a pipeline file, relative to the repository root)
replaces the default pipeline.
Floors are a ratchet: raise one whenever a score rises.

usage: floors.py BYLINE DATA_DIR FLOORS_TOML
"""
import json
import subprocess
import sys
import tomllib
from pathlib import Path


def pointer(obj, path: str):
    for part in path.strip("/").split("/"):
        obj = obj[int(part)] if isinstance(obj, list) else obj[part]
    return obj


def main() -> int:
    byline, data, floors_path = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    floors = tomllib.loads(Path(floors_path).read_text()).get("floor", [])
    results, failed = {}, 0
    for f in floors:
        key = (f["task"], f["gold"], f.get("pipeline"))
        if key not in results:
            cmd = [byline, "eval", f["task"], "--gold", str(data / f["gold"]), "--json"]
            if f.get("pipeline"):
                cmd += ["--pipeline", f["pipeline"]]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                print(f"FAIL {' '.join(cmd)}: exit {proc.returncode}\n{proc.stderr}")
                failed += 1
                results[key] = None
                continue
            results[key] = json.loads(proc.stdout)
        result = results[key]
        if result is None:
            continue
        value = pointer(result, f["metric"])
        ok = value >= f["min"]
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {f['task']:<10} {f['gold']:<42} {f['metric']:<28} {value:>8.2f} (floor {f['min']:.2f})")
    if failed:
        print(f"{failed} floor(s) not met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

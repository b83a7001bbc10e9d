#!/usr/bin/env python3
"""The includes of the tree point one way: storage/ knows nothing of server/; each stage of server/
includes only itself and the stages before it in a request's flow; net/ (the sockets) only core/,
config/ and protocol/ (settings and plain HTTP messages);
only the stages from actions/ on reach storage/; nothing under server/ or storage/ includes tests/.
The composition root (server/emulator.*, server/main.cpp) may include anything.

    python3 tests/layout/check_layers.py [REPO_ROOT]     exit 1 and one line per include that breaks a rule
"""

import os
import re
import sys

STAGES = ["core", "config", "protocol", "auth", "throttle", "validation", "idl", "faults", "actions", "handling",
          "dashboard", "control"]
MAY_USE_STORAGE = {"actions", "handling", "control"}
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.MULTILINE)


def allowed(stage, target):
    """Whether a file of `stage` may include `target` (a repository path)."""
    parts = target.split("/")
    if parts[0] == "storage":
        return stage in MAY_USE_STORAGE or stage == "storage"
    if parts[0] != "server" or len(parts) < 3:
        return parts[0] != "tests"
    other = parts[1]
    if stage == "storage":
        return False
    if stage == "net":
        return other in ("net", "core", "config", "protocol")
    if other == "net" or other not in STAGES:
        return other == stage
    return STAGES.index(other) <= STAGES.index(stage)


def problems(root):
    for top in ("server", "storage"):
        for folder, _, files in os.walk(os.path.join(root, top)):
            relative = os.path.relpath(folder, root).split(os.sep)
            if relative == ["server"]:
                continue  # the composition root
            stage = relative[1] if top == "server" else "storage"
            for name in files:
                if not name.endswith((".hpp", ".cpp", ".in")):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as source:
                    for target in INCLUDE.findall(source.read()):
                        if "/" in target and not allowed(stage, target):
                            yield f"{os.path.relpath(path, root)} ({stage}) includes {target}"


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    found = list(problems(root))
    for line in found:
        print(line)
    if not found:
        print("every include points one way")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

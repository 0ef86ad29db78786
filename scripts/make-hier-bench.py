#!/usr/bin/env python3
"""Writes the hierarchical benchmark scenarios from bench-1000.json's templates and mix (docs/performance.md).

    python3 scripts/make-hier-bench.py   # rewrites scenarios/bench-1000-hier.json and scenarios/bench-100k-hier.json

Every cell holds 100 households in the bench mix (30 pv-family, 10 pv-small, 15 pv-battery, 2 wind-home,
8 consumer-ev, 20 consumer-flat, 15 consumer-family); cells are grouped 10 to a community (5 in the 1,000-household
file) and communities 10 to a region. Deterministic: the output depends on nothing but this script and bench-1000.json.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
MIX = [("pv-family", "pvf", 30), ("pv-small", "pvs", 10), ("pv-battery", "pvb", 15), ("wind-home", "wnd", 2),
       ("consumer-ev", "cev", 8), ("consumer-flat", "flt", 20), ("consumer-family", "fam", 15)]


def scenario(name, seed, communities, cells_per_community, communities_per_region):
    base = json.loads((ROOT / "scenarios" / "bench-1000.json").read_text())
    cells, comms, households = [], [], []
    width = len(str(communities * cells_per_community))
    for c in range(communities):
        community = f"m{c + 1:0{len(str(communities))}d}"
        comms.append({"id": community, "region": f"r{c // communities_per_region + 1}"})
        for k in range(cells_per_community):
            cell = f"c{c * cells_per_community + k + 1:0{width}d}"
            # Feeders of 100 homes: 250 kW each way, which the noon PV export of a sunny summer day exceeds.
            cells.append({"id": cell, "community": community, "importCapacityKw": 250, "exportCapacityKw": 250})
            for template, prefix, count in MIX:
                households.append({"template": template, "count": count, "idPrefix": f"{cell}-{prefix}-",
                                   "variation": 0.1, "cell": cell})
    base["name"] = name
    base["seed"] = seed
    base["market"] = {
        "mechanism": "pay-as-clear",
        "platformFeePerKwh": 0.002,
        "platformSubscriptionPerMonth": 2,
        "hierarchy": {
            "cells": cells,
            "communities": comms,
            "fees": {"cell": {"perKwh": 0.005}, "community": {"perKwh": 0.01}, "region": {"percent": 2}},
            "lossPerLevel": 0.005,
        },
    }
    base["households"] = households
    return base


def write(path, data):
    # Two spaces of indent as in bench-1000.json, but one line per cell, community and household group.
    lists = {"cells": data["market"]["hierarchy"]["cells"], "communities": data["market"]["hierarchy"]["communities"],
             "households": data["households"]}
    for key in lists:
        (data["market"]["hierarchy"] if key != "households" else data)[key] = f"@{key}@"
    text = json.dumps(data, indent=2, ensure_ascii=False)
    for key, items in lists.items():
        indent = "      " if key != "households" else "    "
        lines = ",\n".join(indent + json.dumps(i, ensure_ascii=False, separators=(", ", ": ")) for i in items)
        text = text.replace(f'"@{key}@"', "[\n" + lines + "\n" + indent[:-2] + "]")
    (ROOT / "scenarios" / path).write_text(text + "\n")


write("bench-1000-hier.json", scenario("bench-1000-hier", 1001, 2, 5, 2))
write("bench-100k-hier.json", scenario("bench-100k-hier", 100001, 100, 10, 10))

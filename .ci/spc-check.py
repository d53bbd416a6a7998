#!/usr/bin/env python3
"""Checks every `spc` record of `scorecard status --json` against an independent XmR implementation
(.ci/xmr_reference.py, written from NHSRplotthedots' rules): the same points (from..to), limits within 1e-9,
the same variation of the last point and the same assurance.

Usage: spc-check.py STATUS.json DIR   (DIR holds measures.csv and observations.csv: `scorecard export --format csv`)
"""
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xmr_reference as ref  # noqa: E402

VARIATION = {
    "common_cause": "common cause",
    "special_cause_improvement": "special cause improving",
    "special_cause_concern": "special cause concerning",
    "special_cause_neutral_high": "special cause high",
    "special_cause_neutral_low": "special cause low",
}
ASSURANCE = {"consistent_pass": "consistently passes", "consistent_fail": "consistently fails",
             "inconsistent": "may pass or fail", None: None}


def main(status_path, directory):
    status = json.load(open(status_path))
    polarity = {r["code"]: r["polarity"] for r in csv.DictReader(open(os.path.join(directory, "measures.csv"), newline=""))}
    series = {}
    for row in csv.DictReader(open(os.path.join(directory, "observations.csv"), newline="")):
        if row["value"].strip():
            series.setdefault(row["measure"], []).append((row["period"], float(row["value"])))
    checked = failures = 0
    for record in status["measures"]:
        spc = record["spc"]
        if spc is None:
            continue
        points = series[record["code"]]
        periods = [p for p, _ in points]
        start, end = periods.index(spc["from"]), periods.index(spc["to"])
        values = [v for _, v in points[start:end + 1]]
        direction = {"higher": "increase", "lower": "decrease"}.get(polarity[record["code"]], "neutral")
        result = ref.xmr(values, direction, record["target"])
        group = result["groups"][0]
        stats = group["stats"]
        problems = []
        if len(values) != spc["points"]:
            problems.append("points %d, expected %d" % (spc["points"], len(values)))
        for key, expected in (("mean", stats["mean"]), ("lower_limit", stats["lpl"]), ("upper_limit", stats["upl"])):
            if abs(spc[key] - expected) > 1e-9 * max(1, abs(expected)):
                problems.append("%s %r, expected %r" % (key, spc[key], expected))
        if VARIATION[group["variation"]] != spc["variation"]:
            problems.append("variation %r, expected %r" % (spc["variation"], VARIATION[group["variation"]]))
        if ASSURANCE[result["assurance"]] != spc["assurance"]:
            problems.append("assurance %r, expected %r" % (spc["assurance"], ASSURANCE[result["assurance"]]))
        checked += 1
        if problems:
            failures += 1
            print("%s: %s" % (record["code"], "; ".join(problems)))
    print("spc-check: %d measures checked, %d differ" % (checked, failures))
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

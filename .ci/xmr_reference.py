#!/usr/bin/env python3
"""Independent re-implementation of NHSRplotthedots (ptd_spc) XmR logic.

Source rules (nhs-r-community/NHSRplotthedots, 0.2.x):
  R/ptd_spc_standard.R        mean, moving range, screening, limits, near limits
  R/ptd_calculate_point_type.R special-cause rules, labels, point_type
  R/ptd_calculate_assurance_type.R  assurance
  R/ptd_spc.R (summary)       variation_type = point_type of the last point
  R/ptd_add_short_group_warnings.R  warning when a group has < 12 points

Usage:
  python3 xmr.py                       # run the self-checks against published numbers
  python3 xmr.py increase 5 1 2 3 ...  # direction, target ('-' for none), values...
"""
import math
import sys

LIMIT = 2.66
LIMIT_CLOSE = 2 * (LIMIT / 3)   # 1.7733333...
SCREEN = 3.267


def r_mean(xs):
    """Mean as R computes it: long-double sum / n, then a correction pass.
    fsum gives the exactly rounded sum; this matches R to the last ulp in practice."""
    xs = [x for x in xs if x is not None and not math.isnan(x)]
    n = len(xs)
    if n == 0:
        return float("nan")        # R: mean(numeric(0), na.rm=TRUE) is NaN
    s = math.fsum(xs) / n
    if math.isfinite(s):
        s += math.fsum(x - s for x in xs) / n
    return s


def sign(v):
    if v is None or math.isnan(v):
        return float("nan")
    return (v > 0) - (v < 0)


def group_stats(y, fix_after_n_points=None, screen_outliers=True):
    n = len(y)
    fix_y = [v if (fix_after_n_points is None or i < fix_after_n_points) else None
             for i, v in enumerate(y)]
    mean = r_mean(fix_y)
    mr = [None] + [abs(fix_y[i] - fix_y[i - 1]) if fix_y[i] is not None and fix_y[i - 1] is not None else None
                   for i in range(1, n)]
    amr_raw = r_mean(mr)
    if screen_outliers:
        # keep only MRs strictly below 3.267 * the UNSCREENED average MR (one pass)
        mr_s = [m if (m is not None and m < SCREEN * amr_raw) else None for m in mr]
    else:
        mr_s = mr
    amr = r_mean(mr_s)
    # Scorecard's own rule (docs/judgement.md), not NHSRplotthedots': when screening would leave only zero moving
    # ranges, nothing is screened and the centre line is the median.
    if screen_outliers and amr == 0 and amr_raw is not None and amr_raw > 0:
        mr_s = mr
        amr = amr_raw
        ys = sorted(v for v in fix_y if v is not None)
        k = len(ys) // 2
        mean = ys[k] if len(ys) % 2 else (ys[k - 1] + ys[k]) / 2
    lpl = mean - LIMIT * amr
    upl = mean + LIMIT * amr
    nlpl = mean - LIMIT_CLOSE * amr
    nupl = mean + LIMIT_CLOSE * amr
    return dict(mean=mean, amr_unscreened=amr_raw, amr=amr, lpl=lpl, upl=upl, nlpl=nlpl, nupl=nupl,
                excluded_mr=[i for i in range(n) if mr[i] is not None and mr_s[i] is None])


def special_cause_types(y, st):
    n = len(y)
    upl, lpl, nupl, nlpl, mean = st["upl"], st["lpl"], st["nupl"], st["nlpl"], st["mean"]
    # comparisons with NaN limits are False (R gives NA, which case_when treats as not matched)
    outside = [(v > upl) or (v < lpl) for v in y]                       # strict
    rtm = [sign(v - mean) for v in y]                                    # -1 / 0 / +1 (0 = exactly on the mean)
    close = [(not outside[i]) and ((y[i] < nlpl) or (y[i] > nupl)) for i in range(n)]  # strict, excludes outside

    # run of 7 on one side: point i closes a run if rtm[i-6..i] all equal and non-zero
    run_end = [0] * n
    for i in range(6, n):
        w = rtm[i - 6:i + 1]
        if w[0] != 0 and all(x == w[0] for x in w):
            run_end[i] = 1
    # trend of 7: 7 points, 6 consecutive strict increases (or decreases); ties break it
    trend_end = [0] * n
    for i in range(6, n):
        d = [sign(y[k] - y[k - 1]) for k in range(i - 5, i + 1)]
        if all(x == 1 for x in d):
            trend_end[i] = 1
        elif all(x == -1 for x in d):
            trend_end[i] = -1

    def part_of(ends):
        # point i is part if it or any of the next 6 points ends a run/trend
        return [1 if any(ends[j] != 0 for j in range(i, min(n, i + 7))) else 0 for i in range(n)]

    part_run = part_of(run_end)
    part_trend = part_of(trend_end)

    # 2 of 3: any window of 3 consecutive points containing i with >=2 'close' points and all 3 rtm equal
    # and non-zero (|sum| == 3); only the 'close' points themselves are flagged.
    two3 = [0] * n
    for i in range(n):
        hit = False
        for s in (i - 2, i - 1, i):
            if s < 0 or s + 2 >= n:
                continue
            if sum(close[s:s + 3]) >= 2 and abs(sum(rtm[s:s + 3])) == 3:
                hit = True
        two3[i] = 1 if (hit and close[i]) else 0

    # direction of a trend point: if this and the next point are both in a trend, sign(y[i+1]-y[i]),
    # otherwise sign(y[i]-y[i-1]) (0 for the first point). Label 'Increasing' only if that sign is +1.
    labels = []
    for i in range(n):
        if outside[i]:
            labels.append("Above UCL" if rtm[i] == 1 else "Below LCL")
        elif part_trend[i]:
            if i + 1 < n and part_trend[i + 1]:
                sd = sign(y[i + 1] - y[i])
            else:
                sd = sign(y[i] - y[i - 1]) if i > 0 else 0
            labels.append("7 Point Trend (%screasing)" % ("In" if sd == 1 else "De"))
        elif two3[i]:
            labels.append("2 in 3 %s CL" % ("Above" if rtm[i] > 0 else "Below"))
        elif part_run[i]:
            labels.append("7 Points %s CL" % ("Above" if rtm[i] > 0 else "Below"))
        else:
            labels.append("Common Cause")
    return labels, dict(outside=outside, rtm=rtm, close=close)


def point_type(label, direction):
    v = 1 if ("Above" in label or "Increasing" in label) else (-1 if ("Below" in label or "Decreasing" in label) else 0)
    if direction == "neutral":
        return {1: "special_cause_neutral_high", -1: "special_cause_neutral_low"}.get(v, "common_cause")
    v *= 1 if direction == "increase" else -1
    return {1: "special_cause_improvement", -1: "special_cause_concern"}.get(v, "common_cause")


def assurance(direction, target, lpl, upl):
    if target is None or direction == "neutral":
        return None
    inc = direction == "increase"
    if target > upl:
        return "consistent_fail" if inc else "consistent_pass"
    if target < lpl:
        return "consistent_pass" if inc else "consistent_fail"
    return "inconsistent"            # includes target == upl or == lpl, and NaN limits


def xmr(values, direction="increase", target=None, screen_outliers=True,
        fix_after_n_points=None, rebase_at=()):
    """values: list of floats in time order (no gaps). rebase_at: indices where a new limit group starts."""
    assert direction in ("increase", "decrease", "neutral")
    bounds = [0] + sorted(set(i for i in rebase_at if 0 < i < len(values))) + [len(values)]
    groups = []
    for a, b in zip(bounds, bounds[1:]):
        y = list(map(float, values[a:b]))
        st = group_stats(y, fix_after_n_points, screen_outliers)
        labels, aux = special_cause_types(y, st)
        types = [point_type(l, direction) for l in labels]
        groups.append(dict(start=a, y=y, stats=st, labels=labels, types=types, aux=aux,
                           short_group_warning=len(y) < 12, variation=types[-1] if types else None))
    last = groups[-1]["stats"]
    return dict(groups=groups, assurance=assurance(direction, target, last["lpl"], last["upl"]))


def show(res):
    for g in res["groups"]:
        st = g["stats"]
        print("group from index %d: n=%d mean=%.10g amr=%.10g (unscreened %.10g) lpl=%.10g upl=%.10g"
              % (g["start"], len(g["y"]), st["mean"], st["amr"], st["amr_unscreened"], st["lpl"], st["upl"]))
        print("  near limits %.10g / %.10g; excluded MR at %s; short_group_warning=%s; variation=%s"
              % (st["nlpl"], st["nupl"], st["excluded_mr"], g["short_group_warning"], g["variation"]))
        for i, (v, l, t) in enumerate(zip(g["y"], g["labels"], g["types"])):
            print("  %3d %12.6g  %-28s %s" % (g["start"] + i, v, l, t))
    print("assurance:", res["assurance"])


# ---------------------------------------------------------------- self-checks
RNORM_123 = [-0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621,
             -1.26506123, -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145, 0.11068272,
             -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141]   # set.seed(123); rnorm(20), 8 dp


def close_to(a, b, tol):
    return abs(a - b) <= tol


def selfcheck():
    ok = True

    def check(name, cond):
        nonlocal ok
        print(("PASS " if cond else "FAIL ") + name)
        ok &= bool(cond)

    # 1. vignettes/deviations.Rmd: 18 points, one outlier
    data = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
    r = xmr(data)
    st = r["groups"][0]["stats"]
    show(r)
    check("deviations screened: UPL 4.6, mean 1.94, LPL -0.72 (2 dp)",
          (round(st["upl"], 2), round(st["mean"], 2), round(st["lpl"], 2)) == (4.6, 1.94, -0.72))
    check("exact screened: mean=35/18, amr=1", close_to(st["mean"], 35 / 18, 1e-15) and st["amr"] == 1.0)
    check("outlier point 5 is the only special cause (improvement)",
          r["groups"][0]["types"] == ["common_cause"] * 4 + ["special_cause_improvement"] + ["common_cause"] * 13)
    r2 = xmr(data, screen_outliers=False)
    st2 = r2["groups"][0]["stats"]
    check("deviations unscreened: UPL 6.95, mean 1.94, LPL -3.06",
          (round(st2["upl"], 2), round(st2["mean"], 2), round(st2["lpl"], 2)) == (6.95, 1.94, -3.06))
    check("exact unscreened amr = 32/17", close_to(st2["amr"], 32 / 17, 1e-15))
    check("unscreened: point 5 still special cause improvement",
          r2["groups"][0]["types"] == ["common_cause"] * 4 + ["special_cause_improvement"] + ["common_cause"] * 13)

    # 2. tests/testthat/_snaps/ptd_spc_standard.md (set.seed(123); rnorm(20)); glimpse shows 7 s.f.
    st = xmr(RNORM_123)["groups"][0]["stats"]
    check("rnorm r1 mean 0.1416238 lpl -3.01138 upl 3.294627",
          close_to(st["mean"], 0.1416238, 6e-8) and close_to(st["lpl"], -3.01138, 6e-6) and close_to(st["upl"], 3.294627, 6e-7))
    y = list(RNORM_123); y[14] = 10
    st = xmr(y)["groups"][0]["stats"]
    check("rnorm r2 (y15=10, screened) mean 0.6694159 lpl -2.383666 upl 3.722497",
          close_to(st["mean"], 0.6694159, 6e-8) and close_to(st["lpl"], -2.383666, 6e-7) and close_to(st["upl"], 3.722497, 6e-7))
    st = xmr(y, screen_outliers=False)["groups"][0]["stats"]
    check("rnorm r3 (unscreened) lpl -4.596625 upl 5.935457",
          close_to(st["lpl"], -4.596625, 6e-7) and close_to(st["upl"], 5.935457, 6e-7))
    # _snaps/ptd_spc.md: facets of 10 -> 0.0746 -2.60 2.75 and 0.209 -3.28 3.70; all common cause
    a, b = xmr(RNORM_123[:10]), xmr(RNORM_123[10:])
    sa, sb = a["groups"][0]["stats"], b["groups"][0]["stats"]
    check("facet 1: 0.0746 -2.60 2.75", (round(sa["mean"], 4), round(sa["lpl"], 2), round(sa["upl"], 2)) == (0.0746, -2.60, 2.75))
    check("facet 2: 0.209 -3.28 3.70", (round(sb["mean"], 3), round(sb["lpl"], 2), round(sb["upl"], 2)) == (0.209, -3.28, 3.70))
    r = xmr(RNORM_123, target=0.5)
    check("rnorm all 20 common cause", all(t == "common_cause" for t in r["groups"][0]["types"]))
    check("rnorm target 0.5 -> inconsistent", r["assurance"] == "inconsistent")

    # 3. test-ptd_spc_standard.R: 2-of-3 on opposite sides is NOT special
    d = [1, -1] * 8; d[14] = 5.5; d[15] = -5.5
    check("2-in-3 opposite sides -> last two common_cause", xmr(d)["groups"][0]["types"][-2:] == ["common_cause"] * 2)

    # 4. synthetic rule checks (limits here: mean 10.31, lpl 6.93, upl 13.69)
    T = [10, 12, 9, 11, 10, 12, 11, 9.2, 9.4, 9.6, 9.8, 10.0, 10.2, 10.4, 11, 9, 12, 10]
    lab = xmr(T)["groups"][0]["labels"]
    check("trend: 8 strictly increasing points 7..14 all flagged, neighbours not",
          lab[7:15] == ["7 Point Trend (Increasing)"] * 8 and lab[6] == lab[15] == "Common Cause")
    check("trend points below the mean are still improvement for 'increase'",
          xmr(T)["groups"][0]["types"][7] == "special_cause_improvement")
    check("same trend is concern for 'decrease'", xmr(T, "decrease")["groups"][0]["types"][7] == "special_cause_concern")
    T2 = list(T); T2[10] = 9.6; T2[14] = 9.0          # a tie (9.6, 9.6) splits it into 3 + 4 rising points
    check("a tie breaks the trend", not any("Trend" in l for l in xmr(T2)["groups"][0]["labels"]))
    T3 = [10, 12, 9, 11, 10, 12, 11, 9.2, 9.4, 9.6, 9.8, 10.0, 10.2, 9, 11, 9, 12, 10]  # 6 rising points
    check("6 rising points (5 increases) is not a trend", not any("Trend" in l for l in xmr(T3)["groups"][0]["labels"]))
    R = [10, 12, 8, 11, 9, 12, 8, 10.5, 10.6, 10.7, 10.5, 10.6, 10.7, 10.5, 8, 12, 9]
    g = xmr(R)["groups"][0]
    check("run of 7 above mean flagged", g["labels"][7:14] == ["7 Points Above CL"] * 7 and g["labels"][6] == "Common Cause")
    M = [10, 12, 8, 11, 9, 12, 8, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 8, 7.5, 9, 12]   # mean exactly 10
    check("control: 7 x 10.5 is a run", xmr(M)["groups"][0]["labels"][7:14] == ["7 Points Above CL"] * 7)
    M2 = M[:10] + [10] + M[10:]                                                          # still mean exactly 10
    g2 = xmr(M2)["groups"][0]
    check("a point exactly on the mean (sign 0) breaks the run",
          g2["stats"]["mean"] == 10 and not any("7 Points" in l for l in g2["labels"]))
    W = [10, 11] * 12 + [12.9, 11, 12.9] + [10, 11] * 3     # nupl 12.69, upl 13.70, mean 10.66
    lab = xmr(W)["groups"][0]["labels"]
    check("2-in-3: only the two near-limit points are flagged, the middle (same side) point is not",
          lab[24:27] == ["2 in 3 Above CL", "Common Cause", "2 in 3 Above CL"])
    W2 = [10, 11] * 12 + [12.9, 10.5, 12.9] + [10, 11] * 3   # middle point below the mean (10.65)
    check("2-in-3: third point on the other side of the mean -> no signal",
          all(l == "Common Cause" for l in xmr(W2)["groups"][0]["labels"]))
    N = xmr(R, "neutral")["groups"][0]["types"]
    check("neutral -> special_cause_neutral_high", N[7] == "special_cause_neutral_high")
    print("assurance table (lpl=1, upl=3): increase t=4", assurance("increase", 4, 1, 3),
          "| t=0.5", assurance("increase", 0.5, 1, 3), "| t=3", assurance("increase", 3, 1, 3),
          "| decrease t=4", assurance("decrease", 4, 1, 3), "| neutral", assurance("neutral", 4, 1, 3))
    print("ALL PASS" if ok else "SOME FAILED")
    return ok


if __name__ == "__main__":
    if len(sys.argv) > 2:
        direction = sys.argv[1]
        target = None if sys.argv[2] == "-" else float(sys.argv[2])
        show(xmr([float(v) for v in sys.argv[3:]], direction, target))
    else:
        sys.exit(0 if selfcheck() else 1)

"""Independent reference values for the statistics tests (NumPy/SciPy, written separately from the Java).

Run: python3 docs/validation/independent.py
ICC: Shrout & Fleiss (1979) Table 2 data, formulas from McGraw & Wong (1996), F quantiles from SciPy.
Alpha: Krippendorff (2011) reliability data, by brute-force enumeration of every ordered pair of
pairable values (no coincidence-matrix shortcut).
"""
import itertools
import math
import numpy as np
from scipy.stats import f

sf = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]], float)
# Raters who disagree so much that the Satterthwaite degrees of freedom of ICC(2,.) fall below 1
# (v = 0.124): the upper 2.5% point of F(4, v) is about 5.6e24.
low_df = np.array([[4, 4, 1, 5], [1, 5, 2, 4], [4, 5, 3, 2], [4, 5, 3, 1], [4, 4, 1, 4]], float)


def icc(x):
    n, k = x.shape
    g = x.mean()
    ssr = k * ((x.mean(axis=1) - g) ** 2).sum()
    ssc = n * ((x.mean(axis=0) - g) ** 2).sum()
    sst = ((x - g) ** 2).sum()
    sse = sst - ssr - ssc
    msr, msc, mse = ssr / (n - 1), ssc / (k - 1), sse / ((n - 1) * (k - 1))
    msw = (ssc + sse) / (n * (k - 1))
    out = {}
    f1 = msr / msw
    fl, fu = f1 / f.ppf(.975, n - 1, n * (k - 1)), f1 * f.ppf(.975, n * (k - 1), n - 1)
    out["icc11"] = ((msr - msw) / (msr + (k - 1) * msw), (fl - 1) / (fl + k - 1), (fu - 1) / (fu + k - 1))
    out["icc1k"] = ((msr - msw) / msr, 1 - 1 / fl, 1 - 1 / fu)
    f3 = msr / mse
    fl, fu = f3 / f.ppf(.975, n - 1, (n - 1) * (k - 1)), f3 * f.ppf(.975, (n - 1) * (k - 1), n - 1)
    out["icc31"] = ((msr - mse) / (msr + (k - 1) * mse), (fl - 1) / (fl + k - 1), (fu - 1) / (fu + k - 1))
    out["icc3k"] = ((msr - mse) / msr, 1 - 1 / fl, 1 - 1 / fu)
    rho = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n)
    a = k * rho / (n * (1 - rho))
    b = 1 + k * rho * (n - 1) / (n * (1 - rho))
    v = (a * msc + b * mse) ** 2 / ((a * msc) ** 2 / (k - 1) + (b * mse) ** 2 / ((n - 1) * (k - 1)))
    fl, fu = f.ppf(.975, n - 1, v), f.ppf(.975, v, n - 1)
    lo = n * (msr - fl * mse) / (fl * (k * msc + (k * n - k - n) * mse) + n * msr)
    hi = n * (fu * msr - mse) / (k * msc + (k * n - k - n) * mse + n * fu * msr)
    out["icc21"] = (rho, lo, hi)
    sb = lambda r: k * r / (1 + (k - 1) * r)
    out["icc2k"] = ((msr - mse) / (msr + (msc - mse) / n), sb(lo), sb(hi))
    out["satterthwaite df"] = (v, fl, fu)
    return out


nan = math.nan
kripp = [  # units (columns of Krippendorff's table) x coders A..D
    [1, 1, nan, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [nan, 5, 5, 5], [nan, nan, 1, 1], [nan, 3, nan, nan]]


def alpha(data, level):
    units = [[v for v in u if not math.isnan(v)] for u in data]
    units = [u for u in units if len(u) >= 2]
    allv = [v for u in units for v in u]
    n = len(allv)
    counts = {v: allv.count(v) for v in set(allv)}
    ordered = sorted(counts)

    def d2(c, k):
        if level == "nominal":
            return 0.0 if c == k else 1.0
        if level == "interval":
            return (c - k) ** 2
        lo, hi = min(c, k), max(c, k)
        s = sum(counts[g] for g in ordered if lo <= g <= hi)
        return (s - (counts[c] + counts[k]) / 2) ** 2 if c != k else 0.0

    do = sum(sum(d2(u[i], u[j]) for i, j in itertools.permutations(range(len(u)), 2)) / (len(u) - 1)
             for u in units) / n
    de = sum(d2(allv[i], allv[j]) for i, j in itertools.permutations(range(n), 2)) / (n * (n - 1))
    return 1 - do / de


if __name__ == "__main__":
    for data, label in ((sf, "Shrout & Fleiss"), (low_df, "low degrees of freedom")):
        print(label)
        for name, (e, lo, hi) in icc(data).items():
            print(f"  {name}: {e:.10g} [{lo:.10g}, {hi:.10g}]")
    for level in ("nominal", "ordinal", "interval"):
        print(f"alpha {level}: {alpha(kripp, level):.6f}")

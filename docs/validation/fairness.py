"""Independent reference values for the adverse-impact tests (SciPy/NumPy, written separately from the Java).

Run: python3 docs/validation/fairness.py
Fisher's exact test: scipy.stats.fisher_exact (two-sided). Two-proportion z: the pooled formula with
scipy.stats.norm.sf. Standardised mean difference: NumPy means and sample variances, Hedges & Olkin's
large-sample standard error. Impact ratios: Python fractions, so "exactly four fifths" is exact.
"""
from fractions import Fraction
import numpy as np
from scipy.stats import fisher_exact, norm


def z_test(a, n1, c, n2):
    p = (a + c) / (n1 + n2)
    z = (a / n1 - c / n2) / np.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return z, 2 * norm.sf(abs(z))


def compare(label, groups):
    """groups: list of (name, total, favourable); the first-listed highest-rate group is the reference."""
    ref = max(groups, key=lambda g: (Fraction(g[2], g[1]), g[1]))
    print(label, "reference", ref[0])
    for name, n, a in groups:
        if name == ref[0]:
            continue
        ratio = Fraction(a * ref[1], n * ref[2])
        fisher = fisher_exact([[a, n - a], [ref[2], ref[1] - ref[2]]], alternative="two-sided").pvalue
        z, zp = z_test(a, n, ref[2], ref[1])
        print(f"  {name}: rate {a / n:.17g} ratio {float(ratio):.17g} below4/5 {ratio < Fraction(4, 5)} "
              f"fisher {fisher:.17g} z {z:.17g} zp {zp:.17g}")


# Uniform Guidelines, Questions and Answers no. 12 (44 FR 11998, 1979): rates 60%, 45%, 48%, 51%.
compare("UGESP Q&A 12", [("White", 100, 60), ("American Indian", 100, 45), ("Hispanic", 100, 48),
                         ("Black", 100, 51)])
# Fisher (1935), the lady tasting tea.
print("tea", fisher_exact([[3, 1], [1, 3]]).pvalue)
# Small, uneven groups.
compare("small", [("A", 12, 9), ("B", 10, 2)])
compare("large", [("Men", 200, 120), ("Women", 200, 80)])
for table in ([[0, 5], [5, 0]], [[1, 9], [11, 3]], [[7, 12], [0, 15]], [[2, 18], [18, 2]]):
    print("fisher", table, fisher_exact(table).pvalue)

# Standardised mean difference.
rng = np.random.default_rng(15)
g = np.round(rng.normal(3.0, 0.8, 23), 2)
r = np.round(rng.normal(3.4, 0.7, 31), 2)
print("smd group", ",".join(f"{v:.2f}" for v in g))
print("smd reference", ",".join(f"{v:.2f}" for v in r))
n1, n2 = len(g), len(r)
sp = np.sqrt(((n1 - 1) * g.var(ddof=1) + (n2 - 1) * r.var(ddof=1)) / (n1 + n2 - 2))
d = (g.mean() - r.mean()) / sp
se = np.sqrt((n1 + n2) / (n1 * n2) + d * d / (2 * (n1 + n2)))
print(f"smd d {d:.17g} lower {d - norm.ppf(.975) * se:.17g} upper {d + norm.ppf(.975) * se:.17g}")
for z in (1.959963984540054, 3.0, 0.5, 6.0):
    print("normal two-sided", z, 2 * norm.sf(z))

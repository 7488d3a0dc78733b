"""Independent reference values for GeneralizabilityStudyTest (NumPy/SciPy, written separately from the Java).

Run: python3 docs/validation/gstudy.py

Facets: candidate p (object of measurement), reviewer r, task t. Two estimators, both written here from
their definitions rather than from the Java's counting formulas:

* Balanced p x r x t: sums of squares from the marginal means of the complete array, and the random-model
  expected mean squares solved as a linear system (EMS coefficient of sigma2(a) in MS(b) = product of the
  sample sizes of the facets not in a, when b's facets are all in a; Brennan 2001, ch. 3).
* Henderson's (1953) Method 1, Brennan's (2001, ch. 7) "analogous ANOVA", by dense matrices: for each effect
  g with incidence matrix Z_g, T(g) = y' Q_g y with Q_g = Z_g (Z_g'Z_g)^-1 Z_g', and
  E T(g) = N mu^2 + sum_a tr(Q_g Z_a Z_a') sigma2(a); the observed T terms are equated to their expectations.
  No shortcut for the coefficients: the traces are computed.
* REML for the (r:p) x t model by direct numerical maximisation of the restricted likelihood (dense V),
  printed for comparison only (a different estimator; the Java does not implement it).

Data:
* Brennan (2001) Synthetic Data Set No. 3 (his Table 3.1: 10 persons x 4 items x 2 occasions, p x i x o),
  read here as candidates x tasks x reviewers. Published G-study components: p .5528, i .4417, o .0074,
  pi .5750, po .1009, io .1565, pio,e .9352; D study with n'i = 4, n'o = 2: E rho2 = .64, Phi = .55.
* Brennan (2001) Synthetic Data Set No. 4 (his Table 3.2: 10 persons x 3 tasks x 4 raters nested in each
  task, p x (r:t)). Read with Brennan's tasks as candidates and Brennan's persons as tasks it is a balanced
  (r:p) x t design. Published: p .4731, t .3252, r:t .6475, pt .5596, pr:t,e 2.3802.
* Brennan's (2001) unbalanced p x (i:h) synthetic data (8 persons; 2, 4 and 2 items in three
  categories). Read with categories as candidates, items as their reviewers and persons as tasks it is an
  unbalanced (r:p) x t design. Published T terms: mu 1296, p 1390, h 1424, i:h 1440, ph 1564.5,
  pi:h 1610; components p 1.2014, h 2.9161, i:h .2946, ph .9913 (.99143 here: one unit low in the fourth decimal),
  pi:h,e .8429.
  (Data and published values as transcribed in the test fixtures of the GeneralizIT package,
  github.com/tylerjsmith111/GeneralizIT, tests/fixtures/design3_fixtures.py, design4_fixtures.py and
  design4_unbalanced_fixtures.py; the recomputed T terms and sums of squares reproduce the published ones,
  which checks the transcription.)
* ASSAY_UNBALANCED: a simulated Assay panel (12 candidates; 1-3 reviewers each from a pool of 6 who recur
  across candidates; 3 tasks; 4 cells missing; cell = mean of 4 criterion levels), generated once with
  NumPy (seed 20240611) and frozen here as a literal.
"""
import numpy as np
from scipy.optimize import minimize

# Brennan Synthetic Data Set No. 3: rows = persons; columns O1 i1..i4, O2 i1..i4.
BRENNAN_3 = np.array([
    [2, 6, 7, 5, 2, 5, 5, 5],
    [4, 5, 6, 7, 6, 7, 5, 7],
    [5, 5, 4, 6, 5, 4, 5, 5],
    [5, 9, 8, 6, 5, 7, 7, 6],
    [4, 3, 5, 6, 4, 5, 6, 4],
    [4, 4, 4, 7, 6, 4, 7, 8],
    [2, 6, 6, 5, 2, 7, 7, 5],
    [3, 4, 4, 5, 6, 6, 6, 4],
    [0, 5, 4, 5, 5, 5, 5, 3],
    [6, 8, 7, 6, 6, 8, 8, 6]], float)

# Brennan Synthetic Data Set No. 4: rows = persons; columns t1 r1..r4, t2 r5..r8, t3 r9..r12.
BRENNAN_4 = np.array([
    [5, 6, 5, 5, 5, 3, 4, 5, 6, 7, 3, 3],
    [9, 3, 7, 7, 7, 5, 5, 5, 7, 7, 5, 2],
    [3, 4, 3, 3, 5, 3, 3, 5, 6, 5, 1, 6],
    [7, 5, 5, 3, 3, 1, 4, 3, 5, 3, 3, 5],
    [9, 2, 9, 7, 7, 7, 3, 7, 2, 7, 5, 3],
    [3, 4, 3, 5, 3, 3, 6, 3, 4, 5, 1, 2],
    [7, 3, 7, 7, 7, 5, 5, 7, 5, 5, 5, 4],
    [5, 8, 5, 7, 7, 5, 5, 4, 3, 2, 1, 1],
    [9, 9, 8, 8, 6, 6, 6, 5, 5, 8, 1, 1],
    [4, 4, 4, 3, 3, 5, 6, 5, 5, 7, 1, 1]], float)

# Brennan's unbalanced p x (i:h): rows = persons; columns h1 i1,i2; h2 i1..i4; h3 i1,i2.
BRENNAN_UNBALANCED = np.array([
    [4, 5, 3, 3, 5, 4, 5, 7],
    [2, 1, 2, 3, 1, 4, 4, 6],
    [2, 4, 4, 7, 6, 5, 8, 7],
    [1, 3, 5, 4, 5, 5, 4, 5],
    [3, 3, 6, 7, 5, 7, 8, 9],
    [1, 2, 5, 6, 4, 4, 5, 6],
    [3, 5, 6, 8, 6, 7, 7, 8],
    [0, 1, 1, 2, 0, 4, 7, 8]], float)
BRENNAN_UNBALANCED_H = [0, 0, 1, 1, 1, 1, 2, 2]

# candidate:reviewer:task:score
ASSAY_UNBALANCED = """
0:3:0:3 0:3:1:2.75 0:3:2:2.25 1:2:0:3.25 1:2:1:2 1:4:0:3.25 1:4:1:2.5 1:4:2:3.25 2:4:0:3.5 2:4:1:3.75
2:4:2:3.5 2:5:0:2.5 2:5:1:3 2:5:2:2.75 3:2:0:2.25 3:2:1:1.75 3:2:2:2.75 3:3:0:2.25 3:3:1:1.5 3:3:2:2.25
3:4:0:2.5 3:4:1:1 3:4:2:2.5 4:0:0:2 4:0:1:2.75 4:0:2:1.75 4:1:0:2.25 4:1:1:2.75 4:1:2:2 5:0:0:2 5:0:1:1.5
5:0:2:1 5:3:0:2.5 5:3:1:3.75 5:3:2:1.75 5:5:0:2.5 5:5:1:2.75 5:5:2:1.75 6:1:0:2.25 6:1:1:1.75 6:1:2:2.5
6:3:0:3.25 6:3:1:3 6:3:2:2.5 7:0:0:3 7:0:1:2.25 7:0:2:2.5 7:1:0:2.5 7:1:1:2.5 7:1:2:2.75 8:0:0:2 8:0:1:1
8:0:2:1 8:1:1:1.25 8:1:2:1 8:5:0:1.25 8:5:1:1.25 8:5:2:1.5 9:0:0:2.75 9:0:1:2.75 9:0:2:2.25 9:1:0:2.25
9:1:1:3.25 9:1:2:2.75 10:2:1:2.5 10:2:2:3 10:3:0:3.75 10:3:1:2.25 10:3:2:2.5 10:5:0:2.25 10:5:1:1.25
10:5:2:2.25 11:0:0:2 11:0:1:2.75 11:0:2:1.25 11:5:0:2.5 11:5:1:3
"""


def parse(text):
    rows = [tuple(float(v) for v in cell.split(":")) for cell in text.split()]
    a = np.array(rows)
    return a[:, 0].astype(int), a[:, 1].astype(int), a[:, 2].astype(int), a[:, 3]


# ---------------------------------------------------------------- balanced p x r x t by EMS algebra
EFFECTS = ["p", "r", "t", "pr", "pt", "rt", "prt"]


def crossed_anova(y):
    """y[p, r, t], complete. Returns (ss, df, ms, sigma2) dicts keyed by EFFECTS."""
    n = dict(zip("prt", y.shape))
    axis = {"p": 0, "r": 1, "t": 2}
    # Effect arrays by inclusion-exclusion of marginal means (broadcast to the full array).
    def mean_over(keep):
        drop = tuple(axis[f] for f in "prt" if f not in keep)
        return y.mean(axis=drop, keepdims=True) if drop else y
    g = y.mean()
    eff = {}
    for e in EFFECTS:
        # alpha-effect = sum over subsets s of e of (-1)^{|e|-|s|} mean_over(s)
        total = np.zeros_like(y)
        for mask in range(1 << len(e)):
            s = "".join(f for i, f in enumerate(e) if mask >> i & 1)
            sign = (-1) ** (len(e) - len(s))
            total = total + sign * (mean_over(s) if s else g)
        eff[e] = total
    ss = {e: float((eff[e] ** 2).sum()) for e in EFFECTS}
    df = {e: int(np.prod([n[f] - 1 for f in e])) for e in EFFECTS}
    ms = {e: ss[e] / df[e] for e in EFFECTS}
    # EMS: MS(b) = sum over a containing b of (prod of n_f for f not in a) sigma2(a).
    k = np.zeros((7, 7))
    for i, b in enumerate(EFFECTS):
        for j, a in enumerate(EFFECTS):
            if set(b) <= set(a):
                k[i, j] = np.prod([n[f] for f in "prt" if f not in a])
    s2 = np.linalg.solve(k, np.array([ms[e] for e in EFFECTS]))
    return ss, df, ms, dict(zip(EFFECTS, s2))


# ---------------------------------------------------------------- Henderson Method 1 by dense matrices
def incidence(labels):
    _, inv = np.unique(labels, axis=0, return_inverse=True)
    inv = inv.ravel()
    z = np.zeros((len(inv), inv.max() + 1))
    z[np.arange(len(inv)), inv] = 1
    return z


def henderson(y, effects):
    """effects: ordered dict name -> label array (2-D for interactions); the last is the observation level."""
    n = len(y)
    zs = {name: incidence(lab) for name, lab in effects.items()}
    names = list(effects)
    t_terms = {"mu": y.sum() ** 2 / n}
    k = np.zeros((len(names) + 1, len(names) + 1))
    rhs = np.zeros(len(names) + 1)
    k[0, 0] = n
    for j, a in enumerate(names):
        k[0, j + 1] = np.trace(np.ones((n, n)) / n @ zs[a] @ zs[a].T)
    rhs[0] = t_terms["mu"]
    for i, g in enumerate(names):
        z = zs[g]
        q = z @ np.linalg.inv(z.T @ z) @ z.T
        t_terms[g] = float(y @ q @ y)
        rhs[i + 1] = t_terms[g]
        k[i + 1, 0] = np.ones(n) @ q @ np.ones(n)
        for j, a in enumerate(names):
            k[i + 1, j + 1] = np.trace(q @ zs[a] @ zs[a].T)
    sol = np.linalg.solve(k, rhs)
    return t_terms, dict(zip(names, sol[1:]))


def nested_effects(c, r, t):
    return {"p": c[:, None], "t": t[:, None], "pt": np.c_[c, t], "r:p": np.c_[c, r],
            "rt:p,e": np.c_[c, r, t]}


def crossed_effects(c, r, t):
    return {"p": c[:, None], "r": r[:, None], "t": t[:, None], "pr": np.c_[c, r], "pt": np.c_[c, t],
            "rt": np.c_[r, t], "prt,e": np.c_[c, r, t]}


# ---------------------------------------------------------------- REML, (r:p) x t, for comparison
def reml(y, effects):
    names = [e for e in effects if e != "rt:p,e"]
    zs = [incidence(effects[e]) for e in names]
    x = np.ones((len(y), 1))

    def neg_loglik(theta):
        v = np.eye(len(y)) * theta[-1]
        for s2, z in zip(theta[:-1], zs):
            v = v + s2 * z @ z.T
        vi = np.linalg.inv(v)
        xvx = x.T @ vi @ x
        beta = np.linalg.solve(xvx, x.T @ vi @ y)
        res = y - x @ beta
        return 0.5 * (np.linalg.slogdet(v)[1] + np.linalg.slogdet(xvx)[1] + res @ vi @ res)

    start = np.full(len(names) + 1, y.var() / (len(names) + 1))
    fit = minimize(neg_loglik, start, method="L-BFGS-B", bounds=[(0, None)] * len(names) + [(1e-8, None)])
    return dict(zip(names + ["rt:p,e"], fit.x))


# ---------------------------------------------------------------- D study
def d_study(s, nr, nt, crossed_d=False):
    """s: components keyed p, t, pt, r:p, rt:p,e (nested D design) or the seven crossed ones (crossed D design)."""
    s = {k: max(0.0, v) for k, v in s.items()}
    if crossed_d:
        rel = s["pr"] / nr + s["pt"] / nt + s["prt,e"] / (nr * nt)
        abs_ = rel + s["r"] / nr + s["t"] / nt + s["rt"] / (nr * nt)
    else:
        rel = s["pt"] / nt + s["r:p"] / nr + s["rt:p,e"] / (nr * nt)
        abs_ = rel + s["t"] / nt
    return s["p"] / (s["p"] + rel), s["p"] / (s["p"] + abs_), rel, abs_


def pooled(s):
    """Crossed G-study components (negatives set to 0) pooled for the nested (r:p) x t D design."""
    s = {k: max(0.0, v) for k, v in s.items()}
    return {"p": s["p"], "t": s["t"], "pt": s["pt"], "r:p": s["r"] + s["pr"], "rt:p,e": s["rt"] + s["prt,e"]}


def show(label, d, digits=12):
    print(label)
    for k, v in d.items():
        print(f"  {k}: {v:.{digits}g}")


if __name__ == "__main__":
    # Brennan No. 3 as candidates x reviewers (occasions) x tasks (items).
    y3 = BRENNAN_3.reshape(10, 2, 4)
    ss, df, ms, s2 = crossed_anova(y3)
    show("Brennan No. 3, p x r x t: sums of squares", ss)
    show("Brennan No. 3, p x r x t: components (EMS)", s2)
    c, r, t = np.meshgrid(range(10), range(2), range(4), indexing="ij")
    c, r, t = c.ravel(), r.ravel(), t.ravel()
    _, h3 = henderson(y3.ravel(), crossed_effects(c, r, t))
    print("  max |Henderson - EMS| on the balanced crossed data:",
          max(abs(h3[k] - s2[k.replace(",e", "")]) for k in h3))
    g, phi, rel, abs_ = d_study({k + (",e" if k == "prt" else ""): v for k, v in s2.items()}, 2, 4, True)
    print(f"  crossed D study, 2 reviewers x 4 tasks: Erho2 {g:.12g} Phi {phi:.12g} rel {rel:.12g} abs {abs_:.12g}")
    nested_from_crossed = pooled({k + (",e" if k == "prt" else ""): v for k, v in s2.items()})
    for nr_, nt_ in ((1, 1), (2, 4), (3, 4), (5, 2)):
        g, phi, rel, abs_ = d_study(nested_from_crossed, nr_, nt_)
        print(f"  nested D study from crossed G, {nr_} reviewers x {nt_} tasks: Erho2 {g:.12g} Phi {phi:.12g}")
    t_terms, h = henderson(y3.ravel(), nested_effects(c, r, t))
    show("Brennan No. 3 analysed as (r:p) x t (Henderson)", h)

    # Brennan No. 4 as (r:p) x t: candidate = Brennan's task, reviewer = rater, task = Brennan's person.
    persons, raters = np.meshgrid(range(10), range(12), indexing="ij")
    c4 = (raters // 4).ravel()
    r4 = raters.ravel()
    t4 = persons.ravel()
    t_terms, h4 = henderson(BRENNAN_4.ravel(), nested_effects(c4, r4, t4))
    show("Brennan No. 4 as (r:p) x t: T terms", t_terms)
    show("Brennan No. 4 as (r:p) x t: components", h4)
    for nr_, nt_ in ((1, 1), (4, 10), (3, 4)):
        g, phi, rel, abs_ = d_study(h4, nr_, nt_)
        print(f"  nested D study, {nr_} reviewers x {nt_} tasks: Erho2 {g:.12g} Phi {phi:.12g}")

    # Brennan's unbalanced p x (i:h) as (r:p) x t.
    persons, cols = np.meshgrid(range(8), range(8), indexing="ij")
    cu = np.array(BRENNAN_UNBALANCED_H)[cols.ravel()]
    ru = cols.ravel()
    tu = persons.ravel()
    t_terms, hu = henderson(BRENNAN_UNBALANCED.ravel(), nested_effects(cu, ru, tu))
    show("Brennan unbalanced p x (i:h) as (r:p) x t: T terms", t_terms)
    show("Brennan unbalanced p x (i:h) as (r:p) x t: components", hu)

    # The simulated Assay panel.
    ca, ra, ta, ya = parse(ASSAY_UNBALANCED)
    t_terms, ha = henderson(ya, nested_effects(ca, ra, ta))
    show("Assay unbalanced panel: T terms", t_terms)
    show("Assay unbalanced panel: Henderson components", ha)
    for nr_, nt_ in ((1, 1), (2, 3), (3, 3), (5, 3), (5, 6)):
        g, phi, rel, abs_ = d_study(ha, nr_, nt_)
        print(f"  nested D study, {nr_} reviewers x {nt_} tasks: Erho2 {g:.12g} Phi {phi:.12g}"
              f" rel {rel:.12g} abs {abs_:.12g}")
    show("Assay unbalanced panel: REML (comparison only)", reml(ya, nested_effects(ca, ra, ta)), 6)
    show("Brennan unbalanced: REML (comparison only)", reml(BRENNAN_UNBALANCED.ravel(),
                                                             nested_effects(cu, ru, tu)), 6)

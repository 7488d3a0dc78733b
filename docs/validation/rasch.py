"""Independent reference values for ManyFacetRasch (NumPy/SciPy, written separately from the Java).

Run: python3 docs/validation/rasch.py

The Java solves the JMLE equations by Newton steps with the candidates absorbed (a Schur complement). Here the
joint log-likelihood of the rating-scale many-facet Rasch model,

    log P(x | n, i, j) = x (B_n - D_i - C_j) - (F_1 + ... + F_x) - log sum_k exp(k (B_n - D_i - C_j) - (F_1 + ... + F_k)),

is maximised directly by scipy.optimize.minimize (trust-exact), over free parameters only (the last criterion,
rater and threshold are minus the sum of the others), with the Hessian taken by central differences of the
gradient. Everything else (which part of the design is fitted, extreme scores, fit statistics, fair averages,
separation, the bias correction) is recomputed here from the definitions in the ManyFacetRasch javadoc and in
docs/scoring.md:

- fitted part: connected part of the candidate-rater graph with >= 2 raters, most ratings, then most raters, then
  the smallest candidate id;
- categories: the levels in use among the estimated ratings, renumbered 0..m in order;
- extreme elements (all ratings at category 0 or all at m) are set aside repeatedly; each is then measured against
  the fitted estimates with its raw score moved 0.3 inwards (Facets Xtreme=0.3, Winsteps EXTRSC=0.3);
- S.E. = 1/sqrt(sum W); outfit = mean z^2; infit = sum (x-E)^2 / sum W; ZSTD by Wilson-Hilferty
  (Wright & Masters 1982, pp. 100-101);
- fair average: expected rating on the original levels with the other two facets at their mean measure;
- separation = true SD / RMSE over non-extreme measured elements (population SD), reliability = G^2/(1+G^2);
- threshold S.E. = 1/sqrt(sum G_k (1 - G_k)), G_k = P(x >= k);
- central tendency: ratings in the middle categories, observed against expected, z = (O - E)/sqrt(sum p(1-p));
- bias correction: (L-1)/L with L = estimated ratings per estimated candidate (Wright & Douglas 1977), applied to
  criteria, raters and thresholds; candidates re-measured against the corrected values.

The data sets are written out below and, identically, in ManyFacetRaschTest.
"""
import numpy as np
from scipy.optimize import brentq, minimize
from scipy.special import logsumexp

# (candidate, rater, [(criterion, level), ...]) on levels 1..5. Candidates 1-9 by two of raters 101-104 on
# criteria 11-14; candidate 10 has a single rating; 11 is all 5s and 12 all 1s (extreme); candidates 20 and 21
# are rated only by raters 201 and 202, a second, smaller connected part.
PANEL = [
    (1, 102, [(11, 4), (12, 4), (13, 2), (14, 3)]),
    (1, 103, [(11, 3), (12, 4), (13, 3), (14, 1)]),
    (2, 103, [(11, 4), (12, 3), (13, 1), (14, 3)]),
    (2, 104, [(11, 4), (12, 2), (13, 3), (14, 1)]),
    (3, 104, [(11, 4), (12, 2), (13, 2), (14, 2)]),
    (3, 101, [(11, 5), (12, 3), (13, 3), (14, 3)]),
    (4, 101, [(11, 4), (12, 2), (13, 1), (14, 1)]),
    (4, 102, [(11, 2), (12, 1), (13, 1), (14, 1)]),
    (5, 102, [(11, 3), (12, 3), (13, 4), (14, 3)]),
    (5, 103, [(11, 4), (12, 4), (13, 3), (14, 3)]),
    (6, 103, [(11, 3), (12, 2), (13, 1), (14, 1)]),
    (6, 104, [(11, 3), (12, 3), (13, 2), (14, 2)]),
    (7, 104, [(11, 4), (12, 3), (13, 1), (14, 2)]),
    (7, 101, [(11, 2), (12, 3), (13, 3), (14, 2)]),
    (8, 101, [(11, 5), (12, 4), (13, 4), (14, 4)]),
    (8, 102, [(11, 3), (12, 4), (13, 2), (14, 3)]),
    (9, 102, [(11, 1), (12, 1), (13, 2), (14, 1)]),
    (9, 103, [(11, 3), (12, 1), (13, 1), (14, 1)]),
    (10, 103, [(12, 3)]),
    (11, 101, [(11, 5), (12, 5), (13, 5), (14, 5)]),
    (11, 102, [(11, 5), (12, 5), (13, 5), (14, 5)]),
    (12, 103, [(11, 1), (12, 1), (13, 1), (14, 1)]),
    (12, 104, [(11, 1), (12, 1), (13, 1), (14, 1)]),
    (20, 201, [(11, 4), (12, 1), (13, 2), (14, 3)]),
    (20, 202, [(11, 4), (12, 3), (13, 4), (14, 3)]),
    (21, 201, [(11, 2), (12, 2), (13, 3), (14, 1)]),
    (21, 202, [(11, 2), (12, 1), (13, 5), (14, 3)]),
]
ADJUST = 0.3


def expand(panel, recode=None):
    rows = [(c, i, r, (recode or {}).get(x, x)) for c, r, ratings in panel for i, x in ratings]
    return [np.array(col) for col in zip(*rows)]


def fitted_part(cand, rater, mask):
    """Candidates of the chosen connected part (breadth-first search over the candidate-rater graph)."""
    edges = {}
    for c, r, m in zip(cand, rater, mask):
        if m:
            edges.setdefault(("c", c), set()).add(("r", r))
            edges.setdefault(("r", r), set()).add(("c", c))
    seen, parts = set(), []
    for node in edges:
        if node in seen:
            continue
        stack, part = [node], set()
        while stack:
            v = stack.pop()
            if v in part:
                continue
            part.add(v)
            stack.extend(edges[v] - part)
        seen |= part
        cands = {v[1] for v in part if v[0] == "c"}
        n_raters = sum(1 for v in part if v[0] == "r")
        n_obs = int(sum(1 for c, m in zip(cand, mask) if m and c in cands))
        parts.append((n_obs, n_raters, -min(cands), cands))
    parts = [p for p in parts if p[1] >= 2]
    return max(parts, key=lambda p: p[:3])[3]


def probs(eta, F):
    """Category probabilities, rows = ratings, columns = categories 0..m."""
    m = len(F)
    phi = np.concatenate([[0.0], np.cumsum(F)])
    logits = np.outer(eta, np.arange(m + 1)) - phi
    return np.exp(logits - logsumexp(logits, axis=1, keepdims=True))


class Fit:
    def __init__(self, cand, crit, rater, level, bias_correction=False):
        self.cand, self.crit, self.rater, self.level = cand, crit, rater, level
        part = fitted_part(cand, rater, np.ones(len(level), bool))
        self.fitted = np.array([c in part for c in cand])
        active = self.fitted.copy()
        self.status = {}  # (facet, id) -> "extreme-min" / "extreme-max"
        facets = {"candidate": cand, "criterion": crit, "rater": rater}
        while True:
            used = np.unique(level[active])
            while True:  # set extremes aside until none is left
                rank = np.searchsorted(used, level)
                top = len(used) - 1
                found = False
                for name, ids in facets.items():
                    for e in np.unique(ids[active]):
                        ranks = rank[active & (ids == e)]
                        if ranks.max() == 0 or ranks.min() == top:
                            self.status[(name, e)] = "extreme-min" if ranks.max() == 0 else "extreme-max"
                            active &= ids != e
                            found = True
                if not found:
                    break
            if np.array_equal(np.unique(level[active]), used):
                break
        keep = fitted_part(cand, rater, active)
        assert all(c in keep for c in cand[active]), "estimated ratings are not connected in these data"
        self.used, self.top, self.active = used, top, active
        # Category of every rating: rank of its level, or of the highest level in use below it.
        self.x = np.searchsorted(used, level, side="right") - 1
        self.x[self.x < 0] = 0
        self.ids = {name: np.unique(ids[active]) for name, ids in facets.items()}
        self.all_ids = {name: np.unique(ids[self.fitted]) for name, ids in facets.items()}
        self.jmle()
        self.set_aside()
        self.statistics()
        if bias_correction:
            self.correct()

    # ---- joint maximum likelihood over free parameters ----
    def unpack(self, free):
        nb, nd, nc, m = len(self.ids["candidate"]), len(self.ids["criterion"]), len(self.ids["rater"]), self.top
        b = free[:nb]
        d = np.append(free[nb:nb + nd - 1], -free[nb:nb + nd - 1].sum())
        c = np.append(free[nb + nd - 1:nb + nd + nc - 2], -free[nb + nd - 1:nb + nd + nc - 2].sum())
        f = np.append(free[nb + nd + nc - 2:], -free[nb + nd + nc - 2:].sum())
        return b, d, c, f

    def design(self):
        a = self.active
        pos = {name: {e: k for k, e in enumerate(v)} for name, v in self.ids.items()}
        return (np.array([pos["candidate"][e] for e in self.cand[a]]),
                np.array([pos["criterion"][e] for e in self.crit[a]]),
                np.array([pos["rater"][e] for e in self.rater[a]]), self.x[a])

    def negloglik(self, free):
        b, d, c, f = self.unpack(free)
        n, i, j, x = self.design_cache
        eta = b[n] - d[i] - c[j]
        phi = np.concatenate([[0.0], np.cumsum(f)])
        logits = np.outer(eta, np.arange(self.top + 1)) - phi
        return -(x * eta - phi[x] - logsumexp(logits, axis=1)).sum()

    def gradient(self, free):
        b, d, c, f = self.unpack(free)
        n, i, j, x = self.design_cache
        p = probs(b[n] - d[i] - c[j], f)
        res = x - p @ np.arange(self.top + 1)
        gb = np.bincount(n, res, len(b))
        gd = -np.bincount(i, res, len(d))
        gc = -np.bincount(j, res, len(c))
        # d loglik / d F_h = sum over ratings of P(x >= h) - [x >= h]
        ge = p[:, ::-1].cumsum(axis=1)[:, ::-1][:, 1:] - (x[:, None] >= np.arange(1, self.top + 1))
        gf = ge.sum(axis=0)
        g = np.concatenate([gb, gd[:-1] - gd[-1], gc[:-1] - gc[-1], gf[:-1] - gf[-1]])
        return -g

    def hessian(self, free, h=1e-5):
        cols = [(self.gradient(free + h * e) - self.gradient(free - h * e)) / (2 * h) for e in np.eye(len(free))]
        hm = np.array(cols).T
        return (hm + hm.T) / 2

    def jmle(self):
        self.design_cache = self.design()
        start = np.zeros(len(self.ids["candidate"]) + len(self.ids["criterion"]) + len(self.ids["rater"])
                         + self.top - 3)
        out = minimize(self.negloglik, start, jac=self.gradient, hess=self.hessian, method="trust-exact",
                       options={"gtol": 1e-12, "maxiter": 1000})
        free = out.x
        for _ in range(5):  # polish with plain Newton steps
            free = free - np.linalg.solve(self.hessian(free), self.gradient(free))
        assert np.abs(self.gradient(free)).max() < 1e-9, np.abs(self.gradient(free)).max()
        b, d, c, f = self.unpack(free)
        self.f = f
        self.measure = {}
        for name, values in zip(("candidate", "criterion", "rater"), (b, d, c)):
            for e, v in zip(self.ids[name], values):
                self.measure[(name, e)] = v

    # ---- elements set aside: extreme, or linked only through extreme elements ----
    def eta(self, theta, mask):
        return (np.array([theta[("candidate", e)] for e in self.cand[mask]])
                - np.array([theta[("criterion", e)] for e in self.crit[mask]])
                - np.array([theta[("rater", e)] for e in self.rater[mask]]))

    def own(self, name, e):
        ids = {"candidate": self.cand, "criterion": self.crit, "rater": self.rater}[name]
        return self.fitted & (ids == e)

    def solve_aside(self, theta, f, key, mask, target):
        name, e = key
        sign = 1 if name == "candidate" else -1

        def gap(v):
            t = dict(theta)
            t[key] = v
            return (probs(self.eta(t, mask), f) @ np.arange(self.top + 1)).sum() - target

        return brentq(lambda v: sign * gap(v), -40, 40, xtol=1e-14, rtol=1e-15)

    def target(self, key, mask):
        x = self.x[mask]
        if x.sum() == 0:
            self.status[key] = "extreme-min"
            return ADJUST
        if x.sum() == len(x) * self.top:
            self.status[key] = "extreme-max"
            return x.sum() - ADJUST
        return float(x.sum())

    def set_aside(self):
        self.aside = [(name, e) for name in ("candidate", "criterion", "rater") for e in self.all_ids[name]
                      if (name, e) not in self.measure]
        for key in self.aside:
            self.measure[key] = 0.0
        for _ in range(200):
            moved = 0
            for key in self.aside:
                mask = self.own(*key)
                v = self.solve_aside(self.measure, self.f, key, mask, self.target(key, mask))
                moved = max(moved, abs(v - self.measure[key]))
                self.measure[key] = v
            if moved < 1e-12:
                break

    # ---- statistics ----
    def used_by(self, key):
        """Ratings an element's statistics use: the estimated ones, or all its own if it was set aside."""
        return self.own(*key) if key in self.aside else self.own(*key) & self.active

    def element_stats(self, key, theta, f):
        mask = self.used_by(key)
        p = probs(self.eta(theta, mask), f)
        k = np.arange(self.top + 1)
        e = p @ k
        w = p @ k ** 2 - e ** 2
        kurt = ((k[None, :] - e[:, None]) ** 4 * p).sum(axis=1)
        y = self.x[mask] - e
        out = {"se": 1 / np.sqrt(w.sum())}
        if key not in self.status:
            n = len(y)
            outfit = (y ** 2 / w).mean()
            infit = (y ** 2).sum() / w.sum()
            q_out = np.sqrt((kurt / w ** 2).sum() / n ** 2 - 1 / n)
            q_in = np.sqrt((kurt - w ** 2).sum() / w.sum() ** 2)
            wh = lambda ms, q: (ms ** (1 / 3) - 1) * (3 / q) + q / 3
            out.update(infit=infit, outfit=outfit, infit_z=wh(infit, q_in), outfit_z=wh(outfit, q_out))
            if key[0] == "rater" and self.top >= 2:
                middle = p[:, 1:self.top].sum(axis=1)
                observed = ((self.x[mask] > 0) & (self.x[mask] < self.top)).sum()
                z = (observed - middle.sum()) / np.sqrt((middle * (1 - middle)).sum())
                out.update(middle_observed=observed, middle_expected=middle.sum(), middle_z=z)
        return out

    def statistics(self):
        self.stats = {key: self.element_stats(key, self.measure, self.f) for key in self.measure}
        means = {name: np.mean([v for (nm, _), v in self.measure.items() if nm == name])
                 for name in ("candidate", "criterion", "rater")}
        levels = self.used.astype(float)
        for (name, e), v in self.measure.items():
            eta = ((v if name == "candidate" else means["candidate"]) - (v if name == "criterion" else
                   means["criterion"]) - (v if name == "rater" else means["rater"]))
            self.stats[(name, e)]["fair"] = float(probs(np.array([eta]), self.f)[0] @ levels)
        p = probs(self.eta(self.measure, self.active), self.f)
        tail = p[:, ::-1].cumsum(axis=1)[:, ::-1][:, 1:]
        self.f_se = 1 / np.sqrt((tail * (1 - tail)).sum(axis=0))
        self.separation = {}
        for name in ("candidate", "criterion", "rater"):
            keys = [k for k in self.measure if k[0] == name and k not in self.status]
            if len(keys) < 2:
                self.separation[name] = None
                continue
            m = np.array([self.measure[k] for k in keys])
            mse = np.mean([self.stats[k]["se"] ** 2 for k in keys])
            true_var = max(0.0, m.var() - mse)
            g = np.sqrt(true_var / mse)
            self.separation[name] = (len(keys), np.sqrt(mse), np.sqrt(true_var), g, g * g / (1 + g * g))

    def correct(self):
        n_cands = len(self.ids["candidate"])
        length = self.active.sum() / n_cands
        self.factor = (length - 1) / length
        corrected = {k: self.factor * v for k, v in self.measure.items() if k[0] != "candidate"}
        corrected.update({k: v for k, v in self.measure.items() if k[0] == "candidate"})
        self.f_corrected = self.factor * self.f
        for key in [k for k in self.measure if k[0] == "candidate"]:
            mask = self.own(*key) if key in self.aside else self.own(*key) & self.active
            target = self.target(key, mask) if key in self.aside else float(self.x[mask].sum())
            corrected[key] = self.solve_aside(corrected, self.f_corrected, key, mask, target)
        self.corrected = corrected
        self.corrected_se = {}
        for key in corrected:
            if key[0] == "candidate":
                self.corrected_se[key] = self.element_stats(key, corrected, self.f_corrected)["se"]
            else:
                self.corrected_se[key] = self.factor * self.stats[key]["se"]


def show(title, fit, corrected=False):
    print(f"== {title}")
    print("levels in use", list(fit.used), " extreme", sorted(fit.status.items()))
    for key in sorted(fit.measure, key=lambda k: (k[0], k[1])):
        s = fit.stats[key]
        line = f"{key[0]:9} {key[1]:4}  measure {fit.measure[key]: .10f}  se {s['se']:.10f}  fair {s['fair']:.10f}"
        if "infit" in s:
            line += (f"  infit {s['infit']:.10f} outfit {s['outfit']:.10f}"
                     f"  zstd {s['infit_z']: .10f} {s['outfit_z']: .10f}")
        if "middle_z" in s:
            line += f"  middle {s['middle_observed']} {s['middle_expected']:.10f} z {s['middle_z']: .10f}"
        if corrected:
            line += f"  corrected {fit.corrected[key]: .10f} se {fit.corrected_se[key]:.10f}"
        print(line)
    print("thresholds", " ".join(f"{v:.10f}" for v in fit.f), " se", " ".join(f"{v:.10f}" for v in fit.f_se))
    if corrected:
        print("bias factor", f"{fit.factor:.12f}", "corrected thresholds",
              " ".join(f"{v:.10f}" for v in fit.f_corrected))
    for name, sep in fit.separation.items():
        print("separation", name, "none" if sep is None else
              f"n {sep[0]} rmse {sep[1]:.10f} true sd {sep[2]:.10f} G {sep[3]:.10f} R {sep[4]:.10f}")


if __name__ == "__main__":
    cand, crit, rater, level = expand(PANEL)
    show("panel, levels 1..5", Fit(cand, crit, rater, level, bias_correction=True), corrected=True)
    # The same ratings on a 1..6 scale with level 3 never used (3, 4, 5 recoded to 4, 5, 6): same measures,
    # fair averages on the original levels.
    cand, crit, rater, level = expand(PANEL, recode={3: 4, 4: 5, 5: 6})
    show("panel recoded to 1,2,4,5,6", Fit(cand, crit, rater, level))

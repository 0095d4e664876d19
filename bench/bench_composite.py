"""Time kzclusters.composite.weight_uncertainty: 10,000 weight draws, 20 regions x 6 indicators.

A script, not a test (pytest does not collect ``bench/``; no test is timed).  Run:

    .venv/bin/python bench/bench_composite.py                 # defaults below
    .venv/bin/python bench/bench_composite.py --n 100000 --years 2

It builds a seeded positive table in seed 003's layout (20 regions, indicators
J_A..J_F, groups IS/IA, group weights 0.5/0.5), calls the function once to warm
up, then reports the median and best of ``--repeat`` timed calls, for both noise
methods, plus the share of the time spent before the draws (validation and
normalisation, measured with n = 1).  The target is "well under a second".
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kzclusters import composite as cp  # noqa: E402

SIX = ["J_A", "J_B", "J_C", "J_D", "J_E", "J_F"]


def table(n_regions: int, years: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frames = []
    for y in range(years):
        mat = rng.lognormal(0.0, 0.6, size=(n_regions, len(SIX)))
        frames.append(pd.DataFrame({"region": np.repeat([f"R{i:02d}" for i in range(n_regions)], len(SIX)),
                                    "year": 2016 + y, "indicator": np.tile(SIX, n_regions),
                                    "value": mat.ravel()}))
    return pd.concat(frames, ignore_index=True)


def timeit(fn, repeat: int) -> list[float]:
    fn()                                   # warm-up
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000, help="weight draws (default 10000)")
    ap.add_argument("--regions", type=int, default=20)
    ap.add_argument("--years", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)

    df = table(args.regions, args.years)
    print(f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
          f"{platform.machine()}")
    print(f"weight_uncertainty: {args.n} draws x {args.regions} regions x {len(SIX)} indicators x "
          f"{args.years} year(s), median / best of {args.repeat}")
    for method in ("uniform", "dirichlet"):
        t = timeit(lambda: cp.weight_uncertainty(df, cp.SEED003_GROUPS, None,
                                                 group_weights=cp.SEED003_GROUP_WEIGHTS, noise=0.25,
                                                 n=args.n, seed=0, method=method), args.repeat)
        print(f"  {method:<9} median {1e3 * statistics.median(t):8.1f} ms   best {1e3 * min(t):8.1f} ms")
    t1 = timeit(lambda: cp.weight_uncertainty(df, cp.SEED003_GROUPS, None, n=1), args.repeat)
    print("  fixed cost (n = 1: validation, normalisation, frames) "
          f"median {1e3 * statistics.median(t1):.1f} ms")
    t2 = timeit(lambda: cp.composite_index(df, cp.SEED003_GROUPS, group_weights=cp.SEED003_GROUP_WEIGHTS),
                args.repeat)
    print(f"  composite_index (one evaluation) median {1e3 * statistics.median(t2):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

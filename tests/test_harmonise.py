"""kzclusters.data.harmonise: fold rules of the 2018 and 2022 reforms, no double counting."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kzclusters import DataError
from kzclusters import data as kzdata


def toy(year=2017, **values):
    return pd.DataFrame({"region": list(values), "sector": "GDP", "year": year,
                         "value": [float(v) for v in values.values()]})


def test_hand_example_every_frame():
    df = pd.concat([toy(2017, YKO=10, SHM=4, TRK=6, KZ=10),
                    toy(2022, ABY=2, VKO=5, ZHT=1, ALM=3, ULT=1, KRG=9, SHM=5, TRK=7, KZ=33)])
    f20 = kzdata.harmonise(df, "20").set_index(["region", "year"])["value"]
    assert ("YKO", 2017) not in f20.index and f20[("SHM", 2017)] == 4 and f20[("ABY", 2022)] == 2
    f17 = kzdata.harmonise(df, "17").set_index(["region", "year"])["value"]
    assert f17[("VKO", 2022)] == 7 and f17[("ALM", 2022)] == 4 and f17[("KRG", 2022)] == 10
    assert not {"ABY", "ZHT", "ULT", "YKO"} & set(f17.index.get_level_values(0))
    f16 = kzdata.harmonise(df, "16").set_index(["region", "year"])["value"]
    assert f16[("YKO", 2017)] == 10 and f16[("YKO", 2022)] == 12
    assert not {"SHM", "TRK"} & set(f16.index.get_level_values(0))
    for h in (f20, f17, f16):
        regional = h.drop("KZ", level=0).groupby(level="year").sum()
        assert regional.to_dict() == {2017: 10.0, 2022: 33.0}


def test_unsplit_year_keeps_south_kazakhstan():
    """GRP 2010 has only YKO (no back-casts): it stays in every frame, so the national total holds."""
    df = toy(2010, YKO=10, AKM=5)
    for frame in kzdata.FRAMES:
        assert kzdata.harmonise(df, frame)["value"].sum() == 15


def test_input_not_mutated():
    df = toy(2022, ABY=2, VKO=5)
    before = df.copy()
    kzdata.harmonise(df, "17")
    pd.testing.assert_frame_equal(df, before)


def test_ratios_cannot_be_folded():
    lp = kzdata.load("labour_productivity")
    with pytest.raises(DataError, match="ratios or indices"):
        kzdata.harmonise(lp, "17")
    # nothing to fold in frame 20 apart from the YKO overlap, which this table does not have
    assert len(kzdata.harmonise(lp, "20")) == len(lp)


def test_unknown_frame():
    with pytest.raises(DataError, match="unknown frame"):
        kzdata.harmonise(toy(2020, AKM=1), "18")


@pytest.mark.parametrize("name", ["grp_gva", "employment", "investment", "population", "output"])
def test_same_national_totals_in_every_frame(name):
    df = kzdata.load(name)
    totals = []
    for frame in kzdata.FRAMES:
        h = kzdata.harmonise(df, frame)
        keys = [c for c in h.columns if c not in ("region", "value")]
        totals.append(h[h.region != "KZ"].groupby(keys)["value"].sum().sort_index())
    for t in totals[1:]:
        both = pd.concat([totals[0].rename("a"), t.rename("b")], axis=1)
        # only BNS's 0.0 padding rows of South Kazakhstan may exist in one frame and not another
        one_sided = both[both.isna().any(axis=1)]
        assert (one_sided.fillna(0) == 0).all().all()
        np.testing.assert_allclose(both.dropna()["a"], both.dropna()["b"], rtol=1e-12)


def test_frames_have_the_expected_units():
    grp = kzdata.load("grp_gva")
    units = {f: set(kzdata.harmonise(grp, f).query("year == 2024 and region != 'KZ'")["region"])
             for f in kzdata.FRAMES}
    assert len(units["20"]) == 20 and len(units["17"]) == 17 and len(units["16"]) == 16
    assert units["16"] - units["17"] == {"YKO"}

"""Root conftest: doctests in kzclusters/ get ``pd``, ``np`` and ``kz``."""

import os

import numpy as np
import pandas as pd
import pytest

os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _kz_doctest_namespace(doctest_namespace):
    import kzclusters as kz

    doctest_namespace.update(pd=pd, np=np, kz=kz)

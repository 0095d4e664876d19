"""kzclusters: the calculations behind the Kazakhstan regional-economy workbook.

Pure functions on tidy long tables (``region, sector, year, value``; codes, not
labels).  The notebooks in ``notebooks/`` only call this package.

>>> import kzclusters as kz
>>> kz.DataError.__mro__[1] is ValueError
True
"""

from ._errors import DataError, SchemaError
from ._schema import KEYS, validate_long

__version__ = "0.1.0"

__all__ = ["DataError", "SchemaError", "KEYS", "validate_long", "__version__"]

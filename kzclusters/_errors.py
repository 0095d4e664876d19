"""Exceptions raised by kzclusters.

Every error the user can trigger is a :class:`DataError`: its message names the
file, the row and the column where possible and says what to fix.  Errors are
plain ``ValueError`` subclasses so callers that do not know kzclusters can still
catch them.
"""

from __future__ import annotations


class DataError(ValueError):
    """A problem with input data that the user can fix.

    Parameters
    ----------
    message : str
        What is wrong and what to do about it.
    file : str, optional
        The file the data came from.
    row : int, optional
        1-based row number in the file as a spreadsheet shows it (the header is row 1).
    column : str, optional
        Column name.

    Examples
    --------
    >>> err = DataError("value is negative; sizes must be >= 0", file="grp.csv", row=5, column="value")
    >>> str(err)
    'grp.csv, row 5, column "value": value is negative; sizes must be >= 0'
    """

    def __init__(self, message: str, *, file: str | None = None, row: int | None = None,
                 column: str | None = None, key: str | None = None, **params):
        self.reason = message
        self.file = file
        self.row = row
        self.column = column
        #: i18n key of the message (optional), and its parameters, so that the UI can
        #: show the message in the user's language.
        self.key = key
        self.params = params
        where = []
        if file:
            where.append(str(file))
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f'column "{column}"')
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class SchemaError(DataError):
    """A long table does not have the canonical layout (see :func:`kzclusters.validate_long`).

    Examples
    --------
    >>> issubclass(SchemaError, DataError)
    True
    """

"""Downloads that work in a browser under Voilà: files as ``data:`` URI links.

No file is written on the server and nothing needs file access: the bytes are
embedded in an ``<a download>`` link (the answer given in ipywidgets #1966).
Pure functions returning bytes or HTML; the widgets wrap them.
"""

from __future__ import annotations

import base64
import html
import io
import re

import pandas as pd

__all__ = ["MIME", "csv_bytes", "xlsx_bytes", "data_uri", "link", "filename"]

MIME = {
    "csv": "text/csv;charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "svg": "image/svg+xml",
}


def csv_bytes(df: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV with a byte-order mark (so Excel opens Cyrillic text correctly).

    Parameters
    ----------
    df : pandas.DataFrame

    Returns
    -------
    bytes

    Examples
    --------
    >>> csv_bytes(pd.DataFrame({"region": ["Ақмола"], "value": [1.5]})).decode("utf-8-sig")
    'region,value\\nАқмола,1.5\\n'
    """
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def xlsx_bytes(df: pd.DataFrame, sheet: str = "data", notes: dict | None = None) -> bytes:
    """A table as an Excel workbook, with an optional second sheet of notes (source, licence).

    Parameters
    ----------
    df : pandas.DataFrame
    sheet : str
        Name of the data sheet (at most 31 characters).
    notes : dict, optional
        Label -> text written to a sheet "about".

    Returns
    -------
    bytes

    Examples
    --------
    >>> xlsx_bytes(pd.DataFrame({"a": [1]}), notes={"source": "BNS"})[:2]
    b'PK'
    """
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        df.to_excel(xl, sheet_name=sheet[:31], index=False)
        if notes:
            pd.DataFrame(list(notes.items()), columns=["", ""]).to_excel(xl, sheet_name="about", index=False,
                                                                          header=False)
    return buf.getvalue()


def data_uri(payload: bytes, kind: str) -> str:
    """``data:`` URI of a payload.

    Parameters
    ----------
    payload : bytes
    kind : {"csv", "xlsx", "png", "svg"}

    Returns
    -------
    str

    Examples
    --------
    >>> data_uri(b"a,b\\n", "csv")
    'data:text/csv;charset=utf-8;base64,YSxiCg=='
    """
    return f"data:{MIME[kind]};base64,{base64.b64encode(payload).decode('ascii')}"


def link(payload: bytes, kind: str, name: str, label: str, css: str = "") -> str:
    """An HTML download link for a payload.

    Parameters
    ----------
    payload : bytes
    kind : {"csv", "xlsx", "png", "svg"}
    name : str
        File name offered to the browser.
    label : str
        Visible (translated) text.
    css : str
        Extra CSS class, e.g. ``"kz-download-csv"`` (used by the browser tests).

    Returns
    -------
    str

    Examples
    --------
    >>> link(b"x", "csv", "t.csv", "CSV", "kz-download-csv")[:60]
    '<a class="kz-download kz-download-csv" download="t.csv" href'
    """
    classes = " ".join(["kz-download", *css.split()])
    return (f'<a class="{classes}" download="{html.escape(name)}" '
            f'href="{data_uri(payload, kind)}">{html.escape(label)}</a>')


def filename(*parts, ext: str) -> str:
    """A safe file name for a view: its parts joined with underscores.

    Parameters
    ----------
    *parts
        Notebook, region, year, ... (``None`` skipped).
    ext : str
        Extension without the dot.

    Returns
    -------
    str

    Examples
    --------
    >>> filename("00_index", "grp structure", "AKM", 2020, ext="csv")
    '00_index_grp-structure_AKM_2020.csv'
    """
    words = [re.sub(r"[^\w.-]+", "-", str(p)).strip("-") for p in parts if p is not None and str(p) != ""]
    return "_".join(words) + f".{ext}"

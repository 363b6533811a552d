"""Render a Dask DataFrame's rows on a cluster: ``pip install ./python[dask]``.

    import dask.dataframe as dd
    from dask.distributed import Client
    import vanban.dask

    client = Client("scheduler:8786")          # or LocalCluster()
    ddf = dd.read_csv("units-*.csv", dtype=str, keep_default_na=False)
    results = vanban.dask.render_partitions(
        ddf, "/shared/out", template="bao-cao-ket-qua-nam", name_field="issued_by")
    failed = [r for r in results if not r.ok]

Each partition is rendered by ``vanban.render_many`` on a worker, into a
folder every worker can write (a shared file system), or returned as bytes
with ``to_bytes=True``. File names are decided once on the client from the
``name_field`` column, so they are exactly those one ``render_many`` call
over all the rows would give, and so are the bytes. Columns with dotted
names (``issuer.name``, ``indicators.0.plan``) become nested data, as for
``vanban batch`` on a CSV file. Per-row errors are kept: one result per row,
in row order.
"""

from __future__ import annotations

import math
import os
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from dask.base import compute
from dask.delayed import delayed

import vanban

__all__ = ["render_partitions", "unflatten", "RowBytes"]


def unflatten(row: Mapping[str, Any]) -> Dict[str, Any]:
    """``{"issuer.name": "X", "tasks.0": "Y"}`` → ``{"issuer": {"name": "X"}, "tasks": ["Y"]}``.

    Empty cells (``""``, None, NaN) are left out, as ``vanban batch`` leaves
    out empty CSV cells; a number segment is a list index.
    """
    out: Dict[str, Any] = {}
    for key, value in row.items():
        if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
            continue
        if isinstance(value, str):
            value = value.strip()
            if not value:
                continue
        node: Any = out
        parts = str(key).strip().split(".")
        for part, following in zip(parts, parts[1:]):
            slot: Any = [] if following.isdigit() else {}
            if isinstance(node, list):
                index = int(part)
                while len(node) <= index:
                    node.append(None)
                if node[index] is None:
                    node[index] = slot
                node = node[index]
            else:
                node = node.setdefault(part, slot)
        last = parts[-1]
        if isinstance(node, list):
            index = int(last)
            while len(node) <= index:
                node.append(None)
            node[index] = value
        else:
            node[last] = value
    compacted: Dict[str, Any] = _compact(out)
    return compacted


def _compact(value: Any) -> Any:
    # List holes left by empty cells (`indicators.9.*` all empty) go.
    if isinstance(value, list):
        return [_compact(v) for v in value if v is not None]
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items()}
    return value


class RowBytes:
    """One row rendered to bytes (``to_bytes=True``): ``files`` maps a format
    (``"docx"``, ``"pdf"``) to its bytes; ``error`` is the row's exception."""

    def __init__(self, index: int, name: str, files: Dict[str, bytes], error: Optional[BaseException]):
        self.index = index
        self.name = name
        self.files = files
        self.error = error

    @property
    def ok(self) -> bool:
        return self.error is None

    def __repr__(self) -> str:
        state = "ok " + ",".join(self.files) if self.ok else f"failed {self.error!r}"
        return f"<RowBytes {self.index} {self.name} {state}>"


def render_partitions(
    ddf: Any,
    out_dir: Union[str, "os.PathLike[str]", None],
    template: Optional[str] = None,
    *,
    formats: Union[str, Sequence[str]] = ("docx", "pdf"),
    name_field: Optional[str] = None,
    templates_dir: Union[str, "os.PathLike[str]", None] = None,
    fonts: Union[str, Sequence[str], None] = None,
    style: Optional[Mapping[str, Any]] = None,
    jobs: Optional[int] = 1,
    to_bytes: bool = False,
    nested: bool = True,
) -> List[Any]:
    """Renders every row of the Dask DataFrame ``ddf``, one task per partition.

    With ``out_dir`` (a folder all workers share) each row becomes
    ``out_dir/NAME.docx`` / ``.pdf`` and the result is one ``RenderResult``
    per row (``index`` over the whole frame). With ``to_bytes=True`` nothing
    is written and each result is a ``RowBytes``. ``template``,
    ``name_field``, ``formats``, ``fonts``, ``style`` and ``templates_dir``
    are as for ``vanban.render_many`` (paths must be valid on the workers);
    ``jobs`` threads per task (default 1: Dask runs one task per worker
    thread already). ``nested=False`` passes rows as they are instead of
    turning dotted columns into nested data.
    """
    if out_dir is None and not to_bytes:
        raise ValueError("give out_dir, or to_bytes=True")
    lengths = list(ddf.map_partitions(len).compute())
    total = sum(lengths)
    if name_field is not None and name_field in ddf.columns:
        values = list(ddf[name_field].compute())
    else:
        # A dotted field names nested data: read it from each row's data.
        values = [None] * total if name_field is None else list(
            ddf.map_partitions(_names_of, name_field, nested, meta=(None, "object")).compute()
        )
    names = vanban.file_names(values, template=template)
    options = dict(
        formats=formats, template=template, templates_dir=templates_dir, fonts=fonts,
        style=style, jobs=jobs, nested=nested, name_field=name_field,
    )
    tasks = []
    start = 0
    for part, length in zip(ddf.to_delayed(), lengths):
        tasks.append(delayed(_render_part)(part, names[start:start + length], start, out_dir, to_bytes, options))
        start += length
    results: List[Any] = []
    for chunk in compute(*tasks):  # type: ignore[no-untyped-call]
        results.extend(chunk)
    return results


def _rows(frame: Any, nested: bool) -> List[Dict[str, Any]]:
    records = frame.to_dict("records")
    return [unflatten(r) for r in records] if nested else records


def _names_of(frame: Any, name_field: str, nested: bool) -> Any:
    import pandas  # type: ignore[import-untyped]

    values = []
    for row in _rows(frame, nested):
        node: Any = row
        for key in name_field.split("."):
            if isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            elif isinstance(node, dict):
                node = node.get(key)
            else:
                node = None
        values.append(node if isinstance(node, (str, int, float)) else None)
    return pandas.Series(values, index=frame.index, dtype="object")


def _render_part(frame: Any, names: List[str], start: int, out_dir: Any, to_bytes: bool,
                 options: Dict[str, Any]) -> List[Any]:
    rows = _rows(frame, options["nested"])
    if to_bytes:
        return [_row_bytes(start + i, name, row, options) for i, (row, name) in enumerate(zip(rows, names))]
    results = vanban.render_many(
        rows, out_dir, formats=options["formats"], template=options["template"], jobs=options["jobs"],
        templates_dir=options["templates_dir"], fonts=options["fonts"], style=options["style"], names=names,
        # Names come from `names`; the name field is passed so that a template
        # allows it as a column of its own.
        name_field=options["name_field"],
    )
    return [vanban.RenderResult(start + r.index, r.name, r.paths, r.error) for r in results]


def _row_bytes(index: int, name: str, row: Dict[str, Any], options: Dict[str, Any]) -> RowBytes:
    formats = options["formats"]
    if isinstance(formats, str):
        formats = formats.split(",")
    try:
        if options["template"] is not None:
            doc = vanban.render_template(options["template"], row, templates_dir=options["templates_dir"],
                                         name_field=options["name_field"])
        else:
            doc = vanban.Document(row)
        files = {}
        for fmt in (f.strip().lstrip(".").lower() for f in formats):
            if fmt == "docx":
                files[fmt] = doc.to_docx(style=options["style"])
            elif fmt == "pdf":
                files[fmt] = doc.to_pdf(fonts=options["fonts"], style=options["style"])
            else:
                raise ValueError(f"unknown format `{fmt}` (use docx, pdf)")
        return RowBytes(index, name, files, None)
    except Exception as error:  # a row's error is its result, as in render_many
        return RowBytes(index, name, {}, error)

"""vanban — Vietnamese administrative documents (Decree 30/2020/NĐ-CP) as DOCX and PDF.

    import vanban
    doc = vanban.Document.from_file("examples/ke-hoach-1026.yaml")  # or vanban.Document({...})
    doc.save("out/ke-hoach.docx"); doc.save("out/ke-hoach.pdf")
    data = doc.to_pdf()                                            # bytes
    doc = vanban.render_template("bao-cao-ket-qua-nam", row)
    results = vanban.render_many(rows, "out/", template="bao-cao-ket-qua-nam", jobs=4)
    findings = vanban.lint("received.docx")                       # or a PDF, or bytes

Everything runs in the Rust core; rendering releases the GIL, so threads
and `render_many` use every core. Invalid input raises `ValidationError`
whose `.errors` lists every problem with its field path.
"""

import os
from typing import Any, Literal, Mapping, Optional, Sequence, TypedDict, Union

from ._vanban import (
    Document,
    InternalError,
    Limits,
    Register,
    RegisterError,
    RenderResult,
    TemplateError,
    ValidationError,
    __version__,
    read_sheet,
    file_names,
    get_language,
    lint,
    render_many,
    render_template,
    rollup,
    set_language,
    sign,
    templates,
    validate,
    verify,
)

# Type names for annotations; the stubs (__init__.pyi) describe the same.
StrPath = Union[str, "os.PathLike[str]"]
FormatName = Union[Literal["docx"], Literal["pdf"]]
Fonts = Union[str, Sequence[StrPath]]
StyleOptions = Mapping[str, Any]


class Problem(TypedDict):
    """One problem with an input (an item of ``ValidationError.errors``)."""

    path: str
    message: str
    line: Optional[int]
    column: Optional[int]
    source: Optional[str]


class Finding(TypedDict):
    """One finding of ``lint``: a rule of Decree 30 the document breaks."""

    rule: str
    severity: Literal["error", "warning"]
    element: str
    found: str
    expected: str
    page: Optional[int]
    paragraph: Optional[int]
    section: str


class Signature(TypedDict):
    """One signature of a PDF, as ``verify`` reports it."""

    signer: str
    role: Literal["signer", "office"]
    time: Optional[str]
    intact: bool
    covers_whole_file: bool
    trusted: bool


class Verification(TypedDict):
    """What ``verify`` returns: every signature, in the order made."""

    signatures: list[Signature]


__all__ = [
    "Document",
    "Finding",
    "Fonts",
    "FormatName",
    "InternalError",
    "Problem",
    "Limits",
    "Register",
    "RegisterError",
    "RenderResult",
    "StrPath",
    "StyleOptions",
    "TemplateError",
    "ValidationError",
    "Signature",
    "Verification",
    "__version__",
    "read_sheet",
    "file_names",
    "get_language",
    "lint",
    "render_many",
    "render_template",
    "rollup",
    "set_language",
    "sign",
    "templates",
    "validate",
    "verify",
]

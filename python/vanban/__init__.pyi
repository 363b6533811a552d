"""Type stubs for vanban (the Rust extension vanban._vanban)."""

import os
from typing import Any, Callable, Iterable, Literal, Mapping, Optional, Sequence, TypedDict, Union, final

from typing_extensions import TypeAlias

__version__: str

__all__ = [
    "Document",
    "Finding",
    "Fonts",
    "FormatName",
    "InternalError",
    "Limits",
    "Problem",
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
    "file_names",
    "get_language",
    "lint",
    "read_sheet",
    "render_many",
    "render_template",
    "rollup",
    "set_language",
    "sign",
    "templates",
    "validate",
    "verify",
]

StrPath: TypeAlias = Union[str, "os.PathLike[str]"]
"""A file path: a str or an os.PathLike."""
FormatName: TypeAlias = Literal["docx", "pdf"]
"""An output format."""
Fonts: TypeAlias = Union[str, Sequence[StrPath]]
"""PDF fonts: four files (regular, bold, italic, bold italic), as a list or comma-separated."""
StyleOptions: TypeAlias = Mapping[str, Any]
"""Shaped like an input's ``style`` field: ``{"preset": 13, "margins": {"left": 35}}``."""

class Problem(TypedDict):
    """One problem with an input."""

    path: str
    """Field path, e.g. ``signer.name`` or ``recipients[2]``; "" for the whole input."""
    message: str
    line: Optional[int]
    """1-based line in the input text, or None for a mapping."""
    column: Optional[int]
    source: Optional[str]
    """The file the input came from, if any."""

class ValidationError(ValueError):
    """The input is not a valid document; ``errors`` lists every problem."""

    errors: list[Problem]

class TemplateError(ValueError):
    """A template is unknown, or could not be rendered with the data given."""

    template: str
    """The template's name (``bao-cao-ket-qua-nam``); "" when no template is concerned."""
    file: Optional[str]
    """The file a user template came from (None for a built-in)."""
    line: Optional[int]
    """1-based line in the template file, when the error has a place there."""
    column: Optional[int]
    data_path: Optional[str]
    """The data field concerned, e.g. ``indicators.3.plan``."""

class InternalError(RuntimeError):
    """A bug in vanban (a Rust panic), caught before it reached the interpreter."""

@final
class Limits:
    """Limits on what vanban reads; each keyword left out keeps its default."""

    def __new__(
        cls,
        *,
        max_file_bytes: Optional[int] = None,
        max_font_bytes: Optional[int] = None,
        max_field_chars: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_partial_depth: Optional[int] = None,
        max_table_columns: Optional[int] = None,
        max_cells: Optional[int] = None,
        max_inflated_bytes: Optional[int] = None,
        max_inflate_ratio: Optional[int] = None,
        max_template_depth: Optional[int] = None,
        max_template_work: Optional[int] = None,
    ) -> Limits: ...
    @property
    def max_file_bytes(self) -> int: ...
    @property
    def max_font_bytes(self) -> int: ...
    @property
    def max_field_chars(self) -> int: ...
    @property
    def max_depth(self) -> int: ...
    @property
    def max_partial_depth(self) -> int: ...
    @property
    def max_table_columns(self) -> int: ...
    @property
    def max_cells(self) -> int: ...
    @property
    def max_inflated_bytes(self) -> int: ...
    @property
    def max_inflate_ratio(self) -> int: ...
    @property
    def max_template_depth(self) -> int: ...
    @property
    def max_template_work(self) -> int: ...

@final
class Document:
    """A validated administrative document (văn bản hành chính). Immutable."""

    def __new__(cls, data: Mapping[str, Any], *, limits: Optional[Limits] = None) -> Document:
        """Validate a mapping shaped like an input file; raises ValidationError."""
    @staticmethod
    def from_file(path: StrPath, *, limits: Optional[Limits] = None) -> Document:
        """Read and validate a .yaml, .yml, .json or .toml input file.

        Picture paths in it (signature, seal) are relative to the file, as
        the CLI reads them; `from_yaml` & co. take them from the working folder.
        """
    @staticmethod
    def from_yaml(text: str, *, limits: Optional[Limits] = None) -> Document: ...
    @staticmethod
    def from_json(text: str, *, limits: Optional[Limits] = None) -> Document: ...
    @staticmethod
    def from_toml(text: str, *, limits: Optional[Limits] = None) -> Document: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Pickles as the input it was made from (validated again when unpickled)."""
    @property
    def kind(self) -> str:
        """Kind identifier: "ke-hoach", "bao-cao", "cong-van", …"""
    @property
    def kind_name(self) -> str:
        """Kind name in Vietnamese: "Kế hoạch"."""
    @property
    def parent(self) -> Optional[str]: ...
    @property
    def issuer(self) -> str: ...
    @property
    def number(self) -> Optional[int]: ...
    @property
    def symbol(self) -> str: ...
    @property
    def number_line(self) -> str:
        """As printed: "Số: 1026/KH-VP"."""
    @property
    def place(self) -> str: ...
    @property
    def date(self) -> Optional[str]:
        """ISO date "2024-03-08", or None when left blank."""
    @property
    def summary(self) -> str: ...
    @property
    def bases(self) -> list[str]: ...
    @property
    def addressees(self) -> list[str]: ...
    @property
    def recipients(self) -> list[str]: ...
    @property
    def signer_name(self) -> str: ...
    @property
    def signer_title(self) -> str: ...
    @property
    def signer_authority(self) -> list[str]: ...
    @property
    def urgency(self) -> Optional[str]: ...
    @property
    def secrecy(self) -> Optional[str]: ...
    def to_docx(self, *, style: Optional[StyleOptions] = None) -> bytes:
        """Render as DOCX (GIL released while rendering); `style` replaces the document's."""
    def to_pdf(
        self,
        *,
        fonts: Optional[Fonts] = None,
        style: Optional[StyleOptions] = None,
        pdfa: bool = False,
    ) -> bytes:
        """Render as PDF; `fonts`: four files (regular, bold, italic, bold italic); `pdfa=True`: PDF/A-2b."""
    def save(
        self,
        path: StrPath,
        format: Optional[FormatName] = None,
        *,
        fonts: Optional[Fonts] = None,
        style: Optional[StyleOptions] = None,
        pdfa: bool = False,
        sign: Optional[Sequence[StrPath]] = None,
        sign_time: Optional[str] = None,
    ) -> None:
        """Write DOCX or PDF chosen by the suffix; atomic (temp file + rename), mode 0644; `pdfa=True`: PDF/A-2b.

        `sign`: .p12 files that sign the PDF in turn (the signer's, then the
        office's; passwords from $VANBAN_P12_PASSWORD) at `sign_time` (ISO 8601)."""

@final
class RenderResult:
    """What happened to one item of render_many."""

    def __new__(
        cls, index: int, name: str, paths: list[str], error: Optional[BaseException] = None
    ) -> RenderResult:
        """Made by render_many; the constructor is what unpickling calls."""
    def __reduce__(self) -> tuple[Any, tuple[int, str, list[str], Optional[BaseException]]]: ...
    @property
    def index(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def paths(self) -> list[str]: ...
    @property
    def error(self) -> Optional[Exception]: ...
    @property
    def ok(self) -> bool: ...

def validate(data: Union[Mapping[str, Any], StrPath]) -> list[Problem]:
    """Problems with a mapping or input file, without raising; [] when valid."""

def templates(
    templates_dir: Optional[StrPath] = None, *, limits: Optional[Limits] = None
) -> list[str]:
    """Names of the built-in templates (or those in templates_dir)."""

def render_template(
    name: str,
    data: Mapping[str, Any],
    templates_dir: Optional[StrPath] = None,
    *,
    limits: Optional[Limits] = None,
    name_field: Optional[str] = None,
) -> Document:
    """Fill template `name` with `data`; raises TemplateError or ValidationError.

    `name_field`: a field of `data` the template does not list (the one a
    batch names its files by), allowed beside the template's fields."""

def rollup(base: Mapping[str, Any], units: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A district's year-end data from its units': amounts summed, rates
    averaged weighted by the field named in `base["weights"]` (or an
    indicator's `weight`); a rate without a weight raises ValueError."""

def read_sheet(
    path: StrPath, sheet: Optional[str] = None, *, limits: Optional[Limits] = None
) -> list[dict[str, Any]]:
    """Rows of a .xlsx/.xls/.ods sheet (or .csv/.jsonl) as dicts; the header
    row holds field paths. ValueError names the sheet and cell of a bad cell,
    or the limit a file passes."""

def render_many(
    items: Union[Iterable[Union[Mapping[str, Any], Document]], StrPath],
    out_dir: StrPath,
    formats: Union[str, Sequence[FormatName], None] = ("docx", "pdf"),
    template: Optional[str] = None,
    jobs: Optional[int] = None,
    name_field: Optional[str] = None,
    templates_dir: Optional[StrPath] = None,
    *,
    fonts: Optional[Fonts] = None,
    style: Optional[StyleOptions] = None,
    progress: Optional[Callable[[int, int], object]] = None,
    names: Optional[Sequence[Optional[str]]] = None,
    sheet: Optional[str] = None,
) -> list[RenderResult]:
    """Render many documents in parallel (GIL released); one result per item, in order.

    `items` (an iterable, or the path of a .csv/.jsonl file of rows) is read
    as the workers take them, never collected first."""

def file_names(values: Iterable[Any], template: Optional[str] = None) -> list[str]:
    """The file stems render_many gives items whose name_field values are `values`."""
class Finding(TypedDict):
    """One finding of ``lint``: a rule of Decree 30 the document breaks."""

    rule: str
    """Rule id, e.g. ``ND30-2.3-number-padding`` (``vanban lint --help`` lists them)."""
    severity: Literal["error", "warning"]
    element: str
    """The element: ``quốc hiệu``, ``số``, ``ngày``, ``body paragraph 12`` …"""
    found: str
    """What the document has."""
    expected: str
    """What the decree asks."""
    page: Optional[int]
    paragraph: Optional[int]
    section: str
    """Section of the decree spec, e.g. ``§2.4``."""
    fixable: bool
    """Whether ``vanban lint --fix`` acts on this rule."""
    text: Optional[str]
    """The first 40 characters of the paragraph it is about."""
    location: Optional[str]
    """Where a reader finds it: ``page 1, the header, right column``,
    ``the 3rd paragraph after `II. NHIỆM VỤ```, ``table row 2, column 3, …``."""

def lint(source: Union[StrPath, bytes]) -> list[Finding]:
    """Check a DOCX or PDF (path or bytes) against Decree 30; [] when nothing is found.

    Raises OSError when the file cannot be opened, ValueError when it is neither
    a readable DOCX nor a PDF, is encrypted, or passes one of the reading limits
    (the message names it; the file is read up to 16 MiB, once)."""

class RegisterError(ValueError):
    """The register refused a request (a number held, a file already received, busy, read-only …)."""

@final
class Register:
    """An office's register (sổ đăng ký văn bản): SQLite (a path) or PostgreSQL (a postgres:// URL).

    Pickles as its URL, so Dask workers reopen the same database; every call releases the GIL.
    """

    def __new__(cls, url: StrPath, read_only: bool = False) -> Register: ...
    @staticmethod
    def init(url: StrPath, scheme: str = "shared", office: str = "", bodies: Sequence[str] = ...) -> Register:
        """Create a register: scheme "shared" or "per-kind"; bodies: advisory bodies with their own sequences."""
    @property
    def url(self) -> str: ...
    def __reduce__(self) -> tuple[Any, tuple[str, bool]]: ...
    def issue(
        self,
        doc: Document,
        out: StrPath,
        formats: Sequence[FormatName] = ...,
        date: Optional[str] = None,
        body: Optional[str] = None,
    ) -> dict[str, Any]:
        """Number, record and render doc (number and date left out) into out; returns the entry."""
    def reserve(
        self,
        kind: str,
        symbol: str,
        summary: str = "",
        date: Optional[str] = None,
        secret: bool = False,
        body: Optional[str] = None,
    ) -> dict[str, Any]: ...
    def void(self, entry: Union[int, str], reason: str) -> dict[str, Any]: ...
    def receive(
        self,
        path: StrPath,
        date: Optional[str] = None,
        issuer: Optional[str] = None,
        number: Optional[int] = None,
        symbol: Optional[str] = None,
        document_date: Optional[str] = None,
        kind: Optional[str] = None,
        summary: Optional[str] = None,
    ) -> dict[str, Any]: ...
    def entries(
        self,
        year: Optional[int] = None,
        kind: Optional[str] = None,
        text: Optional[str] = None,
        incoming: bool = False,
    ) -> list[dict[str, Any]]: ...
def set_language(lang: str) -> None:
    """Sets the language of vanban's messages (exceptions, warnings, the
    ``message`` of each problem) for the whole process: ``"vi"`` (tiếng
    Việt), ``"en"`` (the default), or a tag such as ``"vi-VN"``. Raises
    ``ValueError`` for a language vanban does not speak."""

def get_language() -> Literal["en", "vi"]:
    """The language of vanban's messages."""
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

def sign(
    pdf: bytes,
    p12: StrPath,
    *,
    role: Literal["signer", "office"],
    password: Optional[str] = None,
    time: Optional[str] = None,
    attachment: Optional[str] = None,
) -> bytes:
    """Sign a PDF's bytes (PAdES B-B, SHA-256) as an incremental update; return the signed bytes.

    `password` defaults to $VANBAN_P12_PASSWORD; `time` is ISO 8601 (default now, +07:00);
    `attachment` ("565/TB-UBND"): the office signs a separate-file attachment, with the number
    and time in 10 pt at the top right of page 1. Raises ValueError (wrong password, unreadable
    PDF, bad argument) or OSError (key file unreadable)."""

def verify(pdf: bytes, *, trust: Optional[StrPath] = None) -> Verification:
    """Verify every signature of a PDF's bytes; `trust`: a PEM file of trusted certificates."""

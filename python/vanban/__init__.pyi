"""Type stubs for vanban (the Rust extension vanban._vanban)."""

import os
from typing import Any, Iterable, Literal, Mapping, Optional, Sequence, TypedDict, Union

__version__: str

StrPath = Union[str, "os.PathLike[str]"]
FormatName = Literal["docx", "pdf"]

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

class InternalError(RuntimeError):
    """A bug in vanban (a Rust panic), caught before it reached the interpreter."""

class Limits:
    """Limits on what vanban reads; each keyword left out keeps its default."""

    def __init__(
        self,
        *,
        max_file_bytes: Optional[int] = None,
        max_font_bytes: Optional[int] = None,
        max_field_chars: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_partial_depth: Optional[int] = None,
        max_table_columns: Optional[int] = None,
    ) -> None: ...
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

class Document:
    """A validated administrative document (văn bản hành chính). Immutable."""

    def __init__(self, data: Mapping[str, Any], *, limits: Optional[Limits] = None) -> None:
        """Validate a mapping shaped like an input file; raises ValidationError."""
    @staticmethod
    def from_file(path: StrPath, *, limits: Optional[Limits] = None) -> Document:
        """Read and validate a .yaml, .yml, .json or .toml input file."""
    @staticmethod
    def from_yaml(text: str, *, limits: Optional[Limits] = None) -> Document: ...
    @staticmethod
    def from_json(text: str, *, limits: Optional[Limits] = None) -> Document: ...
    @staticmethod
    def from_toml(text: str, *, limits: Optional[Limits] = None) -> Document: ...
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
    def to_docx(self) -> bytes:
        """Render as DOCX (GIL released while rendering)."""
    def to_pdf(self) -> bytes:
        """Render as PDF (GIL released while rendering)."""
    def save(self, path: StrPath, format: Optional[FormatName] = None) -> None:
        """Write DOCX or PDF chosen by the suffix; atomic (temp file + rename)."""

class RenderResult:
    """What happened to one item of render_many."""

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
) -> Document:
    """Fill template `name` with `data`; raises TemplateError or ValidationError."""

def render_many(
    items: Iterable[Union[Mapping[str, Any], Document]],
    out_dir: StrPath,
    formats: Union[str, Sequence[FormatName], None] = ("docx", "pdf"),
    template: Optional[str] = None,
    jobs: Optional[int] = None,
    name_field: Optional[str] = None,
    templates_dir: Optional[StrPath] = None,
) -> list[RenderResult]:
    """Render many documents in parallel (GIL released); one result per item, in order."""

"""vanban — Vietnamese administrative documents (Decree 30/2020/NĐ-CP) as DOCX and PDF.

    import vanban
    doc = vanban.Document.from_file("examples/ke-hoach-1026.yaml")  # or vanban.Document({...})
    doc.save("out/ke-hoach.docx"); doc.save("out/ke-hoach.pdf")
    data = doc.to_pdf()                                            # bytes
    doc = vanban.render_template("bao-cao-ket-qua-nam", row)
    results = vanban.render_many(rows, "out/", template="bao-cao-ket-qua-nam", jobs=4)

Everything runs in the Rust core; rendering releases the GIL, so threads
and `render_many` use every core. Invalid input raises `ValidationError`
whose `.errors` lists every problem with its field path.
"""

from ._vanban import (
    Document,
    InternalError,
    Limits,
    RenderResult,
    TemplateError,
    ValidationError,
    __version__,
    render_many,
    render_template,
    templates,
    validate,
)

__all__ = [
    "Document",
    "InternalError",
    "Limits",
    "RenderResult",
    "TemplateError",
    "ValidationError",
    "__version__",
    "render_many",
    "render_template",
    "templates",
    "validate",
]

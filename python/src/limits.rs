//! `vanban.Limits`: the reading limits of the core, passed as `limits=` to
//! the functions that read input. Each keyword left out keeps its default.

use pyo3::prelude::*;

/// Limits on what vanban reads, so no input can take unbounded memory,
/// time or stack. Every argument is optional and keyword-only:
///
///     vanban.Document.from_file(path, limits=vanban.Limits(max_file_bytes=1_000_000))
///
/// Defaults: max_file_bytes 16 MiB, max_font_bytes 64 MiB, max_field_chars
/// 1,000,000, max_depth 64, max_partial_depth 16, max_table_columns 20,
/// max_cells 4,000,000, max_inflated_bytes 256 MiB, max_inflate_ratio 100,
/// max_template_depth 32, max_template_work 1,000,000.
#[pyclass(frozen, module = "vanban", name = "Limits")]
#[derive(Clone)]
pub struct Limits {
    pub inner: vanban::Limits,
}

#[pymethods]
impl Limits {
    #[new]
    #[allow(clippy::too_many_arguments)] // one keyword argument per limit, as Python callers write them
    #[pyo3(signature = (*, max_file_bytes = None, max_font_bytes = None, max_field_chars = None, max_depth = None, max_partial_depth = None, max_table_columns = None, max_cells = None, max_inflated_bytes = None, max_inflate_ratio = None, max_template_depth = None, max_template_work = None))]
    fn new(
        max_file_bytes: Option<u64>,
        max_font_bytes: Option<u64>,
        max_field_chars: Option<usize>,
        max_depth: Option<usize>,
        max_partial_depth: Option<usize>,
        max_table_columns: Option<usize>,
        max_cells: Option<u64>,
        max_inflated_bytes: Option<u64>,
        max_inflate_ratio: Option<u64>,
        max_template_depth: Option<usize>,
        max_template_work: Option<u64>,
    ) -> Limits {
        let d = vanban::Limits::default();
        Limits {
            inner: vanban::Limits {
                max_file_bytes: max_file_bytes.unwrap_or(d.max_file_bytes),
                max_font_bytes: max_font_bytes.unwrap_or(d.max_font_bytes),
                max_field_chars: max_field_chars.unwrap_or(d.max_field_chars),
                max_depth: max_depth.unwrap_or(d.max_depth),
                max_partial_depth: max_partial_depth.unwrap_or(d.max_partial_depth),
                max_table_columns: max_table_columns.unwrap_or(d.max_table_columns),
                max_cells: max_cells.unwrap_or(d.max_cells),
                max_inflated_bytes: max_inflated_bytes.unwrap_or(d.max_inflated_bytes),
                max_inflate_ratio: max_inflate_ratio.unwrap_or(d.max_inflate_ratio),
                max_template_depth: max_template_depth.unwrap_or(d.max_template_depth),
                max_template_work: max_template_work.unwrap_or(d.max_template_work),
            },
        }
    }

    #[getter]
    fn max_file_bytes(&self) -> u64 {
        self.inner.max_file_bytes
    }
    #[getter]
    fn max_font_bytes(&self) -> u64 {
        self.inner.max_font_bytes
    }
    #[getter]
    fn max_field_chars(&self) -> usize {
        self.inner.max_field_chars
    }
    #[getter]
    fn max_depth(&self) -> usize {
        self.inner.max_depth
    }
    #[getter]
    fn max_partial_depth(&self) -> usize {
        self.inner.max_partial_depth
    }
    #[getter]
    fn max_table_columns(&self) -> usize {
        self.inner.max_table_columns
    }
    #[getter]
    fn max_cells(&self) -> u64 {
        self.inner.max_cells
    }
    #[getter]
    fn max_inflated_bytes(&self) -> u64 {
        self.inner.max_inflated_bytes
    }
    #[getter]
    fn max_inflate_ratio(&self) -> u64 {
        self.inner.max_inflate_ratio
    }
    #[getter]
    fn max_template_depth(&self) -> usize {
        self.inner.max_template_depth
    }
    #[getter]
    fn max_template_work(&self) -> u64 {
        self.inner.max_template_work
    }

    fn __repr__(&self) -> String {
        let l = &self.inner;
        format!(
            "vanban.Limits(max_file_bytes={}, max_font_bytes={}, max_field_chars={}, max_depth={}, max_partial_depth={}, max_table_columns={}, max_cells={}, max_inflated_bytes={}, max_inflate_ratio={}, max_template_depth={}, max_template_work={})",
            l.max_file_bytes, l.max_font_bytes, l.max_field_chars, l.max_depth, l.max_partial_depth, l.max_table_columns,
            l.max_cells, l.max_inflated_bytes, l.max_inflate_ratio, l.max_template_depth, l.max_template_work
        )
    }
}

/// The limits asked for, or the defaults.
pub fn or_default(limits: Option<&Limits>) -> vanban::Limits {
    limits.map_or_else(vanban::Limits::default, |l| l.inner)
}

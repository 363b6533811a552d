//! `--max-…` flags: the reading limits of [`vanban::Limits`], each with its
//! default, shared by the commands that read input.

use vanban::Limits;

#[derive(clap::Args, Clone, Debug)]
pub struct LimitArgs {
    /// Largest input, data or template file read, in bytes [default: 16 MiB].
    #[arg(long, value_name = "BYTES")]
    pub max_file_bytes: Option<u64>,
    /// Largest font file read by --fonts, in bytes [default: 64 MiB].
    #[arg(long, value_name = "BYTES")]
    pub max_font_bytes: Option<u64>,
    /// Longest text of one field, in characters [default: 1000000].
    #[arg(long, value_name = "CHARS")]
    pub max_field_chars: Option<usize>,
    /// Deepest nesting of lists and mappings in YAML/JSON/TOML [default: 64].
    #[arg(long, value_name = "N")]
    pub max_depth: Option<usize>,
    /// Deepest chain of template partials [default: 16].
    #[arg(long, value_name = "N")]
    pub max_partial_depth: Option<usize>,
    /// Most columns in a body table [default: 20].
    #[arg(long, value_name = "N")]
    pub max_table_columns: Option<usize>,
    /// Most cells a sheet may span (its used rectangle) [default: 4000000].
    #[arg(long, value_name = "N")]
    pub max_cells: Option<u64>,
    /// Most bytes a zip file's parts (.xlsx, .ods) inflate to [default: 256 MiB].
    #[arg(long, value_name = "BYTES")]
    pub max_inflated_bytes: Option<u64>,
    /// Largest inflated-to-compressed ratio of a zip part over 1 MiB [default: 100].
    #[arg(long, value_name = "N")]
    pub max_inflate_ratio: Option<u64>,
    /// Deepest nesting of template blocks ({{#if}}, {{#each}}) [default: 32].
    #[arg(long, value_name = "N")]
    pub max_template_depth: Option<usize>,
    /// Most steps of one template rendering (items visited, KB written) [default: 1000000].
    #[arg(long, value_name = "N")]
    pub max_template_work: Option<u64>,
}

impl LimitArgs {
    /// The limits asked for, the defaults for the rest.
    pub fn limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            max_file_bytes: self.max_file_bytes.unwrap_or(d.max_file_bytes),
            max_font_bytes: self.max_font_bytes.unwrap_or(d.max_font_bytes),
            max_field_chars: self.max_field_chars.unwrap_or(d.max_field_chars),
            max_depth: self.max_depth.unwrap_or(d.max_depth),
            max_partial_depth: self.max_partial_depth.unwrap_or(d.max_partial_depth),
            max_table_columns: self.max_table_columns.unwrap_or(d.max_table_columns),
            max_cells: self.max_cells.unwrap_or(d.max_cells),
            max_inflated_bytes: self.max_inflated_bytes.unwrap_or(d.max_inflated_bytes),
            max_inflate_ratio: self.max_inflate_ratio.unwrap_or(d.max_inflate_ratio),
            max_template_depth: self.max_template_depth.unwrap_or(d.max_template_depth),
            max_template_work: self.max_template_work.unwrap_or(d.max_template_work),
        }
    }
}

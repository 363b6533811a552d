//! The style sheet: every number of Decree 30 (App. I) that decides how a
//! document looks. Both backends read it; neither writes a size of its own.
//!
//! Sizes are in points, lengths in millimetres.

/// How one element's text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
}

impl TextStyle {
    const fn new(size: f32, bold: bool, italic: bool) -> TextStyle {
        TextStyle { size, bold, italic }
    }
}

/// Page margins (App. I, I.3).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

impl Margins {
    /// The ranges the decree allows, as (name, value, min, max).
    pub fn with_ranges(&self) -> [(&'static str, f32, f32, f32); 4] {
        [
            ("top", self.top, 20.0, 25.0),
            ("bottom", self.bottom, 20.0, 25.0),
            ("left", self.left, 30.0, 35.0),
            ("right", self.right, 15.0, 20.0),
        ]
    }
}

/// The size preset: the decree couples sizes so they step together (App. I
/// part V, footnote): quốc hiệu 13 / tiêu ngữ 14 / date 14, or 12 / 13 / 13.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Preset {
    /// Body 14 pt, quốc hiệu 13 pt. What most real documents use.
    #[default]
    Size14,
    /// Body 13 pt, quốc hiệu 12 pt.
    Size13,
}

/// Spelling of "hòa" in the quốc hiệu; the decree itself uses both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum HoaSpelling {
    /// `CỘNG HÒA` (the rule text, the Government's Word file, Hà Nội).
    #[default]
    Hoa,
    /// `CỘNG HOÀ` (Appendix I's example table, recent VPCP PDFs).
    Hoaf,
}

/// The whole style sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    pub page_width: f32,
    pub page_height: f32,
    pub margins: Margins,
    /// Distance from the page edge to the header holding the page number.
    pub header_distance: f32,
    /// Font family named in the DOCX (the decree's font).
    pub font_family: &'static str,
    pub national_title_text: &'static str,
    pub motto_text: &'static str,

    pub national_title: TextStyle,
    pub motto: TextStyle,
    pub parent: TextStyle,
    pub issuer: TextStyle,
    pub number: TextStyle,
    pub place_date: TextStyle,
    pub kind_name: TextStyle,
    pub summary: TextStyle,
    /// "V/v …" of a công văn (ô 5b).
    pub subject_line: TextStyle,
    /// Space above the "V/v" line, pt.
    pub subject_line_space_before: f32,
    pub bases: TextStyle,
    pub addressees: TextStyle,
    pub body: TextStyle,
    /// `Phần I` and its title: bold, centred (the title in capitals).
    pub part_heading: TextStyle,
    /// `I.`, `II.` headings: bold capitals.
    pub section_heading: TextStyle,
    /// `1.`, `2.` headings with a title: bold.
    pub clause_heading: TextStyle,
    /// `a)`, `b)`: upright, regular.
    pub point: TextStyle,
    /// `Điều 1. Title`: label and title bold, at the body's size.
    pub article: TextStyle,
    /// The issuing-authority line of a Quyết định / Nghị quyết
    /// (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`): bold capitals, centred.
    pub authority_line: TextStyle,
    /// `QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:` between the căn cứ and the articles.
    pub enacting_word: TextStyle,
    /// Ô 11: `XEM XONG TRẢ LẠI`, `LƯU HÀNH NỘI BỘ`, boxed.
    pub circulation: TextStyle,
    /// `Phụ lục I`: 14 pt bold, centred; its title in bold capitals; the
    /// `(Kèm theo …)` line in italics (spec 2.14).
    pub appendix_label: TextStyle,
    pub appendix_title: TextStyle,
    pub appendix_reference: TextStyle,
    pub table_text: TextStyle,
    pub table_header: TextStyle,
    pub signer_authority: TextStyle,
    pub signer_name: TextStyle,
    /// Giấy nghỉ phép: who confirms (bold) and `(Ký tên, đóng dấu)` under
    /// it (italic), left of the signer (template 1.10).
    pub confirmation: TextStyle,
    pub confirmation_note: TextStyle,
    pub recipients_label: TextStyle,
    pub recipients: TextStyle,
    pub drafter: TextStyle,
    pub page_number: TextStyle,
    /// Urgency and secrecy stamps (ô 10a, 10b).
    pub mark: TextStyle,
    /// Height of the stamps' and the circulation notice's box, mm (App. I:
    /// 30 × 8, 40 × 8, 20 × 8; the widths are on `Urgency::box_size`).
    pub stamp_height: f32,
    /// Room left and right of a boxed text that has no set width, mm.
    pub stamp_side_room: f32,
    /// Room kept between a stamp and the text beside it, mm.
    pub stamp_clearance: f32,
    /// A centred line beside the stamps is narrowed to clear them while it
    /// keeps at least this share of the text width; a line that would be
    /// squeezed narrower (and wrap for it) starts below them instead.
    pub stamp_narrowest_share: f32,
    /// Space above `QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:`, pt.
    pub enacting_word_space_before: f32,

    /// First-line indent of body paragraphs: 10 or 12.7 mm.
    pub first_line_indent: f32,
    /// Space between body paragraphs, pt (at least 6).
    pub paragraph_spacing: f32,
    /// Line spacing of the body as a multiple of single (1.0–1.5).
    pub line_spacing: f32,

    /// Header table: left (authority, number) and right (quốc hiệu, date) columns.
    pub header_left_width: f32,
    pub header_right_width: f32,
    /// Signature table: left (Nơi nhận) column; the right takes the rest.
    pub recipients_width: f32,
    /// Left and right padding inside table cells, mm (Word's default 0.19 cm).
    pub cell_padding: f32,
    /// A body table row of at most this many lines is kept on one page
    /// (`w:cantSplit`); a taller one splits where the page is full rather
    /// than leave the rest of the page empty.
    pub whole_row_lines: usize,
    /// Indent of "Kính gửi:" from the left margin, mm (template 1.5: 3.5 cm).
    pub addressee_indent: f32,
    /// Issuer and summary rules as a share of their text line (decree: 1/3–1/2).
    pub short_rule_ratio: f32,
    /// Rule thickness, pt.
    pub rule_thickness: f32,
    /// Size of the empty paragraph whose bottom border is a short rule: it
    /// sets how far under the text the rule sits, pt.
    pub rule_paragraph_size: f32,
    /// Space between the header's rules and the "Số:" / date row, pt.
    pub header_rule_space_after: f32,
    /// Blank lines (at the signer's size) left for signature and seal (ô 7c, 8).
    pub signature_gap_lines: u32,
    /// Space after the header block, before the type name, pt.
    pub space_after_header: f32,
    /// Space after the summary rule, before the body, pt.
    pub space_after_title: f32,
    /// Space before the Nơi nhận / signature block, pt.
    pub space_before_signature: f32,
    /// Width of a blank number slot ("Số:      /KH-VP"), mm: room to write
    /// the number in by hand after signing (Art. 15).
    pub blank_number_width: f32,
    /// Widths of blank day, month and year slots in the date, mm.
    pub blank_day_width: f32,
    pub blank_month_width: f32,
    pub blank_year_width: f32,

    /// A paper copy (App. I part II.2): `SAO Y`, `SAO LỤC`, `TRÍCH SAO`,
    /// capitals 13–14 pt, upright, bold.
    pub copy_kind: TextStyle,
    /// Room above the copy's full-width rule (under the copied text's last
    /// mark) and below it, pt.
    pub copy_rule_space: f32,
}

impl Style {
    /// The style sheet of a size preset with the default margins
    /// (top 20, bottom 20, left 30, right 15 mm).
    pub fn preset(preset: Preset) -> Style {
        let (small, large) = match preset {
            Preset::Size14 => (13.0, 14.0),
            Preset::Size13 => (12.0, 13.0),
        };
        Style {
            page_width: 210.0,
            page_height: 297.0,
            margins: Margins {
                top: 20.0,
                bottom: 20.0,
                left: 30.0,
                right: 15.0,
            },
            header_distance: 10.0,
            font_family: "Times New Roman",
            national_title_text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            motto_text: "Độc lập - Tự do - Hạnh phúc",

            national_title: TextStyle::new(small, true, false),
            motto: TextStyle::new(large, true, false),
            parent: TextStyle::new(small, false, false),
            issuer: TextStyle::new(small, true, false),
            number: TextStyle::new(13.0, false, false),
            place_date: TextStyle::new(large, false, true),
            kind_name: TextStyle::new(large, true, false),
            summary: TextStyle::new(large, true, false),
            subject_line: TextStyle::new(12.0, false, false),
            subject_line_space_before: 6.0,
            bases: TextStyle::new(large, false, true),
            addressees: TextStyle::new(large, false, false),
            body: TextStyle::new(large, false, false),
            part_heading: TextStyle::new(large, true, false),
            section_heading: TextStyle::new(large, true, false),
            clause_heading: TextStyle::new(large, true, false),
            point: TextStyle::new(large, false, false),
            article: TextStyle::new(large, true, false),
            authority_line: TextStyle::new(large, true, false),
            enacting_word: TextStyle::new(large, true, false),
            circulation: TextStyle::new(13.0, true, false),
            appendix_label: TextStyle::new(14.0, true, false),
            appendix_title: TextStyle::new(large, true, false),
            appendix_reference: TextStyle::new(large, false, true),
            table_text: TextStyle::new(large - 1.0, false, false),
            table_header: TextStyle::new(large - 1.0, true, false),
            signer_authority: TextStyle::new(large, true, false),
            signer_name: TextStyle::new(large, true, false),
            confirmation: TextStyle::new(large, true, false),
            confirmation_note: TextStyle::new(large, false, true),
            recipients_label: TextStyle::new(12.0, true, true),
            recipients: TextStyle::new(11.0, false, false),
            drafter: TextStyle::new(11.0, false, false),
            page_number: TextStyle::new(large, false, false),
            mark: TextStyle::new(13.0, true, false),
            stamp_height: 8.0,
            stamp_side_room: 3.8,
            stamp_clearance: 3.0,
            stamp_narrowest_share: 2.0 / 3.0,
            enacting_word_space_before: 12.0,

            first_line_indent: 10.0,
            paragraph_spacing: 6.0,
            line_spacing: 1.0,

            header_left_width: 70.0,
            header_right_width: 100.0,
            recipients_width: 60.0,
            cell_padding: 1.9,
            whole_row_lines: 4,
            addressee_indent: 35.0,
            short_rule_ratio: 0.4,
            rule_thickness: 0.5,
            rule_paragraph_size: 3.0,
            header_rule_space_after: 3.0,
            signature_gap_lines: 4,
            space_after_header: 12.0,
            space_after_title: 12.0,
            space_before_signature: 12.0,
            blank_number_width: 10.0,
            blank_day_width: 8.0,
            blank_month_width: 8.0,
            blank_year_width: 12.0,

            copy_kind: TextStyle::new(large, true, false),
            copy_rule_space: 6.0,
        }
    }

    /// Uses `CỘNG HÒA` or `CỘNG HOÀ` in the quốc hiệu.
    pub fn with_hoa_spelling(mut self, spelling: HoaSpelling) -> Style {
        self.national_title_text = match spelling {
            HoaSpelling::Hoa => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            HoaSpelling::Hoaf => "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        };
        self
    }

    /// Width of the text block, mm.
    pub fn text_width(&self) -> f32 {
        self.page_width - self.margins.left - self.margins.right
    }

    /// Height of the text block in points, as the DOCX has it.
    pub fn text_height_pt(&self) -> f32 {
        mm_to_pt(self.page_height) - mm_to_pt(self.margins.top) - mm_to_pt(self.margins.bottom)
    }

    /// Height of the text block, mm.
    pub fn text_height(&self) -> f32 {
        self.page_height - self.margins.top - self.margins.bottom
    }

    /// How far the header table reaches into the left margin when its columns
    /// are wider than the text block, as the official templates do (mm, ≥ 0).
    pub fn header_outdent(&self) -> f32 {
        (self.header_left_width + self.header_right_width - self.text_width()).max(0.0)
    }

    /// Width of the signature column, mm.
    pub fn signer_width(&self) -> f32 {
        self.text_width() - self.recipients_width
    }
}

impl Default for Style {
    fn default() -> Style {
        Style::preset(Preset::default())
    }
}

/// Millimetres to twentieths of a point (DOCX lengths).
pub fn mm_to_twips(mm: f32) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

/// Millimetres to points (PDF lengths), on the twip grid the DOCX is
/// written in: each length rounded as the DOCX rounds it, so that a line
/// has the same room in both formats.
pub fn mm_to_pt(mm: f32) -> f32 {
    mm_to_twips(mm) as f32 / 20.0
}

/// Points to millimetres.
pub fn pt_to_mm(pt: f32) -> f32 {
    pt * 25.4 / 72.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preset_14_follows_the_size_coupling() {
        let s = Style::preset(Preset::Size14);
        assert_eq!(s.national_title.size, 13.0);
        assert_eq!(s.motto.size, s.national_title.size + 1.0);
        assert_eq!(s.place_date.size, s.motto.size);
        assert_eq!(s.body.size, 14.0);
        assert!(s.place_date.italic && s.national_title.bold && s.motto.bold);
        assert!(s.recipients_label.bold && s.recipients_label.italic);
        assert_eq!((s.recipients_label.size, s.recipients.size), (12.0, 11.0));
        assert_eq!(s.number.size, 13.0);
    }

    #[test]
    fn preset_13_steps_down_together() {
        let s = Style::preset(Preset::Size13);
        assert_eq!(
            (s.national_title.size, s.motto.size, s.place_date.size),
            (12.0, 13.0, 13.0)
        );
        assert_eq!(s.body.size, 13.0);
        assert_eq!(s.number.size, 13.0, "Số is 13 pt in both presets");
    }

    #[test]
    fn default_margins_are_inside_the_decree_ranges() {
        for (name, value, min, max) in Style::default().margins.with_ranges() {
            assert!((min..=max).contains(&value), "{name}");
        }
    }

    #[test]
    fn quoc_hieu_fits_its_column_and_table_outdent_is_computed() {
        let s = Style::default();
        assert!(
            s.header_right_width >= 99.0,
            "quốc hiệu 13 pt bold needs ≥ 9.9 cm"
        );
        // 70 + 100 mm over a 165 mm text block: 5 mm into the left margin, as
        // the official templates do (up to 6 mm).
        assert!((s.header_outdent() - 5.0).abs() < 1e-3);
        let narrow = Style {
            margins: Margins {
                right: 20.0,
                ..s.margins
            },
            ..s
        };
        assert!((narrow.header_outdent() - 10.0).abs() < 1e-3);
    }

    #[test]
    fn unit_conversions() {
        assert_eq!(mm_to_twips(20.0), 1134);
        assert_eq!(mm_to_twips(30.0), 1701);
        assert_eq!(mm_to_twips(10.0), 567);
        assert!((mm_to_pt(25.4) - 72.0).abs() < 1e-4);
    }
}

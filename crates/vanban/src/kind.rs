//! The 29 kinds of administrative document of Decree 30, Art. 7, with the
//! abbreviations of its Appendix III.

use std::fmt;

/// A kind of administrative document (loại văn bản hành chính).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    NghiQuyet,
    QuyetDinh,
    ChiThi,
    QuyChe,
    QuyDinh,
    ThongCao,
    ThongBao,
    HuongDan,
    ChuongTrinh,
    KeHoach,
    PhuongAn,
    DeAn,
    DuAn,
    BaoCao,
    BienBan,
    ToTrinh,
    HopDong,
    CongDien,
    BanGhiNho,
    BanThoaThuan,
    GiayUyQuyen,
    GiayMoi,
    GiayGioiThieu,
    GiayNghiPhep,
    PhieuGui,
    PhieuChuyen,
    PhieuBao,
    CongVan,
    ThuCong,
}

/// (kind, input id, Vietnamese name, Appendix III abbreviation).
const TABLE: [(Kind, &str, &str, Option<&str>); 29] = [
    (Kind::NghiQuyet, "nghi-quyet", "Nghị quyết", Some("NQ")),
    (Kind::QuyetDinh, "quyet-dinh", "Quyết định", Some("QĐ")),
    (Kind::ChiThi, "chi-thi", "Chỉ thị", Some("CT")),
    (Kind::QuyChe, "quy-che", "Quy chế", Some("QC")),
    (Kind::QuyDinh, "quy-dinh", "Quy định", Some("QyĐ")),
    (Kind::ThongCao, "thong-cao", "Thông cáo", Some("TC")),
    (Kind::ThongBao, "thong-bao", "Thông báo", Some("TB")),
    (Kind::HuongDan, "huong-dan", "Hướng dẫn", Some("HD")),
    (
        Kind::ChuongTrinh,
        "chuong-trinh",
        "Chương trình",
        Some("CTr"),
    ),
    (Kind::KeHoach, "ke-hoach", "Kế hoạch", Some("KH")),
    (Kind::PhuongAn, "phuong-an", "Phương án", Some("PA")),
    (Kind::DeAn, "de-an", "Đề án", Some("ĐA")),
    (Kind::DuAn, "du-an", "Dự án", Some("DA")),
    (Kind::BaoCao, "bao-cao", "Báo cáo", Some("BC")),
    (Kind::BienBan, "bien-ban", "Biên bản", Some("BB")),
    (Kind::ToTrinh, "to-trinh", "Tờ trình", Some("TTr")),
    (Kind::HopDong, "hop-dong", "Hợp đồng", Some("HĐ")),
    (Kind::CongDien, "cong-dien", "Công điện", Some("CĐ")),
    (Kind::BanGhiNho, "ban-ghi-nho", "Bản ghi nhớ", Some("BGN")),
    (
        Kind::BanThoaThuan,
        "ban-thoa-thuan",
        "Bản thỏa thuận",
        Some("BTT"),
    ),
    (
        Kind::GiayUyQuyen,
        "giay-uy-quyen",
        "Giấy ủy quyền",
        Some("GUQ"),
    ),
    (Kind::GiayMoi, "giay-moi", "Giấy mời", Some("GM")),
    (
        Kind::GiayGioiThieu,
        "giay-gioi-thieu",
        "Giấy giới thiệu",
        Some("GGT"),
    ),
    (
        Kind::GiayNghiPhep,
        "giay-nghi-phep",
        "Giấy nghỉ phép",
        Some("GNP"),
    ),
    (Kind::PhieuGui, "phieu-gui", "Phiếu gửi", Some("PG")),
    (
        Kind::PhieuChuyen,
        "phieu-chuyen",
        "Phiếu chuyển",
        Some("PC"),
    ),
    (Kind::PhieuBao, "phieu-bao", "Phiếu báo", Some("PB")),
    (Kind::CongVan, "cong-van", "Công văn", None),
    (Kind::ThuCong, "thu-cong", "Thư công", None),
];

impl Kind {
    /// Every kind, in the order of Appendix III (công văn and thư công last).
    pub fn all() -> impl Iterator<Item = Kind> {
        TABLE.iter().map(|row| row.0)
    }

    fn row(self) -> &'static (Kind, &'static str, &'static str, Option<&'static str>) {
        &TABLE[self as usize]
    }

    /// The identifier used in input files: `ke-hoach`, `bao-cao`, `cong-van` …
    pub fn id(self) -> &'static str {
        self.row().1
    }

    /// The name in sentence case: `Kế hoạch`.
    pub fn name(self) -> &'static str {
        self.row().2
    }

    /// The type name as printed in ô 5a: `KẾ HOẠCH`. Công văn and thư công print none.
    pub fn heading(self) -> Option<String> {
        self.has_type_name().then(|| self.name().to_uppercase())
    }

    /// The Appendix III abbreviation (`KH`, `QyĐ`); none for công văn and thư công.
    pub fn abbreviation(self) -> Option<&'static str> {
        self.row().3
    }

    /// The word after a Công điện's sender (`THỦ TƯỚNG CHÍNH PHỦ điện:`,
    /// template 1.6); its addressees follow without `Kính gửi:`.
    pub fn sender_word(self) -> Option<&'static str> {
        matches!(self, Kind::CongDien).then_some("điện:")
    }

    /// Whether the document prints a type name (ô 5a) rather than a "V/v" line (ô 5b).
    pub fn has_type_name(self) -> bool {
        !matches!(self, Kind::CongVan | Kind::ThuCong)
    }

    /// Whether a summary (trích yếu) may be left out: Appendix III's
    /// Giấy giới thiệu (1.8) and Giấy nghỉ phép (1.10) have none, only the
    /// type name over its rule.
    pub fn summary_optional(self) -> bool {
        matches!(self, Kind::GiayGioiThieu | Kind::GiayNghiPhep)
    }

    /// Reads a kind from its id (`ke-hoach`), its abbreviation (`KH`) or its
    /// Vietnamese name in any case (`Kế hoạch`, `KẾ HOẠCH`).
    pub fn parse(text: &str) -> Option<Kind> {
        // Composed or not (`Thông báo` typed with combining marks, as some
        // input methods and copies from the web give it), the same kind.
        let text = crate::vn::nfc(text.trim());
        let text = text.as_str();
        let lower = text.to_lowercase();
        TABLE
            .iter()
            .find(|(_, id, name, abbr)| {
                *id == lower || name.to_lowercase() == lower || *abbr == Some(text)
            })
            .map(|row| row.0)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A kind's name written with combining marks (NFD) is the same kind.
    #[test]
    fn decomposed_names_are_read() {
        let nfd = "Tho\u{302}ng ba\u{301}o";
        assert_eq!(Kind::parse(nfd), Some(Kind::ThongBao));
        assert_eq!(
            Kind::parse("QUYE\u{302}\u{301}T ĐI\u{323}NH"),
            Some(Kind::QuyetDinh)
        );
    }

    #[test]
    fn table_order_matches_enum() {
        for (i, row) in TABLE.iter().enumerate() {
            assert_eq!(row.0 as usize, i, "{}", row.1);
        }
        assert_eq!(Kind::all().count(), 29);
    }

    #[test]
    fn abbreviations_follow_appendix_iii() {
        assert_eq!(Kind::KeHoach.abbreviation(), Some("KH"));
        assert_eq!(Kind::BaoCao.abbreviation(), Some("BC"));
        assert_eq!(Kind::QuyDinh.abbreviation(), Some("QyĐ"));
        assert_eq!(Kind::ChuongTrinh.abbreviation(), Some("CTr"));
        assert_eq!(Kind::BanGhiNho.abbreviation(), Some("BGN"));
        assert_eq!(Kind::CongVan.abbreviation(), None);
        assert_eq!(Kind::ThuCong.abbreviation(), None);
        let with_abbreviation = Kind::all().filter(|k| k.abbreviation().is_some()).count();
        assert_eq!(with_abbreviation, 27);
    }

    #[test]
    fn parses_id_name_and_abbreviation() {
        assert_eq!(Kind::parse("ke-hoach"), Some(Kind::KeHoach));
        assert_eq!(Kind::parse("Kế hoạch"), Some(Kind::KeHoach));
        assert_eq!(Kind::parse("KẾ HOẠCH"), Some(Kind::KeHoach));
        assert_eq!(Kind::parse("QĐ"), Some(Kind::QuyetDinh));
        assert_eq!(Kind::parse("cong-van"), Some(Kind::CongVan));
        assert_eq!(Kind::parse("ctr"), None, "abbreviations are case-sensitive");
        assert_eq!(Kind::parse("nhat-ky"), None);
    }

    #[test]
    fn heading_is_capitals_and_only_for_typed_documents() {
        assert_eq!(Kind::KeHoach.heading().as_deref(), Some("KẾ HOẠCH"));
        assert_eq!(
            Kind::BanThoaThuan.heading().as_deref(),
            Some("BẢN THỎA THUẬN")
        );
        assert_eq!(Kind::CongVan.heading(), None);
    }
}

//! The input's pictures read and checked: `signer.signature_image` (and a
//! secretary's) and `seal: {image, diameter}`. A path is absolute or
//! relative to the input file (to the working directory for input built in
//! code). Each problem names its field; all are reported with the others.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::compose::pictures::misfits;
use crate::compose::signature::column_width;
use crate::error::Problem;
use crate::image::{Png, MAX_IMAGE_BYTES};
use crate::input::SealInput;
use crate::metrics::FontSet;
use crate::model::Seal;
use crate::style::Style;

/// The seal's diameter the decree's seals have in practice, mm: smaller or
/// larger is a mistake in the unit, not a seal.
pub const SEAL_DIAMETER: (f32, f32) = (20.0, 60.0);

/// Reads the PNG at `file` (relative to `base`) for the field `path`.
pub fn read(
    path: &str,
    file: &str,
    base: Option<&Path>,
    problems: &mut Vec<Problem>,
) -> Option<Arc<Png>> {
    let full: PathBuf = match base {
        Some(base) if Path::new(file).is_relative() => base.join(file),
        _ => PathBuf::from(file),
    };
    let bytes = match crate::limits::read_bytes(&full, MAX_IMAGE_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.id() == Some("file-too-large") => {
            problems.push(Problem::new(
                path,
                format!(
                    "`{file}` is larger than the limit of {MAX_IMAGE_BYTES} bytes for a picture"
                ),
            ));
            return None;
        }
        Err(e) => {
            problems.push(Problem::new(path, format!("`{}`: {e}", full.display())));
            return None;
        }
    };
    match Png::read(bytes) {
        Ok(png) => Some(Arc::new(png)),
        Err(e) => {
            problems.push(Problem::new(path, format!("`{file}` {e}")));
            None
        }
    }
}

/// The seal of `input`: its picture and a diameter within [`SEAL_DIAMETER`].
pub fn seal(input: &SealInput, base: Option<&Path>, problems: &mut Vec<Problem>) -> Option<Seal> {
    let image = match &input.image {
        Some(file) => read("seal.image", file, base, problems),
        None => {
            problems.push(Problem::new(
                "seal.image",
                "is required: the seal's PNG (red, transparent background)",
            ));
            None
        }
    };
    let diameter = match input.diameter {
        Some(d) if d.is_finite() && (SEAL_DIAMETER.0..=SEAL_DIAMETER.1).contains(&d) => Some(d),
        Some(d) => {
            problems.push(Problem::new(
                "seal.diameter",
                format!(
                    "{d} mm is not a seal's diameter: give the real one in mm, {}–{}",
                    SEAL_DIAMETER.0, SEAL_DIAMETER.1
                ),
            ));
            None
        }
        None => {
            problems.push(Problem::new(
                "seal.diameter",
                "is required: the seal's real diameter in mm (it is printed at that size)",
            ));
            None
        }
    };
    Some(Seal {
        image: image?,
        diameter: diameter?,
    })
}

/// The pictures of the signer's block checked against its gap: a signer
/// block `beside` a secretary or confirmation is half the text width.
pub fn check_fit(
    style: &Style,
    signature: Option<(&str, &Png)>,
    seal: Option<&Seal>,
    beside: bool,
    problems: &mut Vec<Problem>,
) {
    let column = column_width(style, beside);
    let seal = seal.map(|s| (s.diameter, s.image.aspect()));
    for (path, message) in misfits(style, FontSet::liberation_serif(), signature, seal, column) {
        problems.push(Problem::new(path, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::image::tests::png;
    use crate::Document;

    const BASE: &str = "kind: ke-hoach\nissuer: {name: VĂN PHÒNG, abbreviation: VP}\nnumber: 5\nplace: Tây Ninh\ndate: 2024-03-08\nsummary: Thử\nbody: Nội dung.\narchive: {units: [VP]}\n";

    fn problems(dir: &std::path::Path, tail: &str) -> Vec<String> {
        let path = dir.join("input.yaml");
        std::fs::write(&path, format!("{BASE}{tail}")).unwrap();
        match Document::from_path(&path) {
            Ok(_) => Vec::new(),
            Err(e) => e
                .problems
                .iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect(),
        }
    }

    #[test]
    fn pictures_relative_to_the_input_file_are_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("sig.png"), png(600, 240, Some(300))).unwrap();
        std::fs::write(dir.path().join("seal.png"), png(100, 100, None)).unwrap();
        let path = dir.path().join("input.yaml");
        std::fs::write(
            &path,
            format!("{BASE}signer: {{title: CHÁNH VĂN PHÒNG, name: Đoàn Minh Long, signature_image: sig.png}}\nseal: {{image: seal.png, diameter: 36}}\n"),
        )
        .unwrap();
        let doc = Document::from_path(&path).unwrap();
        let sig = doc.signer.signature_image.unwrap();
        assert_eq!((sig.width, sig.height), (600, 240));
        assert_eq!(doc.seal.unwrap().diameter, 36.0);
    }

    #[test]
    fn every_bad_picture_is_refused_at_once_naming_its_field() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("fake.png"), b"GIF89a").unwrap();
        // 600 × 240 px at 96 dpi: 159 × 64 mm, larger than the gap.
        std::fs::write(dir.path().join("big.png"), png(600, 240, None)).unwrap();
        let found = problems(
            dir.path(),
            "signer: {title: CHÁNH VĂN PHÒNG, name: Đoàn Minh Long, signature_image: fake.png}\nseal: {image: missing.png, diameter: 300}\n",
        );
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("signer.signature_image: `fake.png` is not a PNG")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("seal.image: ") && p.contains("missing.png")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("seal.diameter: 300 mm is not")),
            "{found:?}"
        );
        let found = problems(
            dir.path(),
            "signer: {title: CHÁNH VĂN PHÒNG, name: Đoàn Minh Long, signature_image: big.png}\n",
        );
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("signer.signature_image: at its own size (158.8 × 63.5 mm")),
            "{found:?}"
        );
        let found = problems(
            dir.path(),
            "signer: {title: A, name: B}\nseal: {diameter: 36}\n",
        );
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("seal.image: is required")),
            "{found:?}"
        );
    }
}

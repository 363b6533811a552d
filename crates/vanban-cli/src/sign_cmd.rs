//! `vanban sign`, `vanban verify` and `render --sign`'s keys (`vanban copy`
//! is in `copy_cmd`): the command line's side of vanban-sign. The key's password comes from
//! VANBAN_P12_PASSWORD or a prompt on the terminal, never from a flag (it
//! would stay in the shell's history).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use vanban_sign::marks;
use vanban_sign::{Appearance, Identity, LintLimits, Rect, Role, SignOptions, SigningTime};

use crate::lint_cmd::LintLimitArgs;

/// The environment variable that holds the .p12 password.
pub const PASSWORD_VAR: &str = "VANBAN_P12_PASSWORD";

/// The visible signature of `vanban sign`: an image in a rectangle.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct ImageArgs {
    /// A PNG shown as the signature (the signer's signature or the seal).
    #[arg(long, value_name = "PNG", requires = "rect")]
    pub image: Option<PathBuf>,
    /// Where the image stands, in PDF points from the page's bottom left:
    /// X0,Y0,X1,Y1.
    #[arg(long, value_name = "X0,Y0,X1,Y1", requires = "image", value_parser = parse_rect)]
    pub rect: Option<Rect>,
    /// The page of the image (1 = the first).
    #[arg(long, default_value_t = 1)]
    pub page: usize,
}

fn parse_rect(text: &str) -> Result<Rect, String> {
    let n: Vec<f32> = text
        .split(',')
        .map(|p| p.trim().parse::<f32>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("`{text}`: expected four numbers X0,Y0,X1,Y1"))?;
    match n[..] {
        [x0, y0, x1, y1] if x1 > x0 && y1 > y0 => Ok(Rect { x0, y0, x1, y1 }),
        _ => Err(format!(
            "`{text}`: expected X0,Y0,X1,Y1 with X1 > X0 and Y1 > Y0"
        )),
    }
}

/// The signing time: `--time`, or the clock in Vietnam's zone.
pub(crate) fn signing_time(time: Option<&str>) -> Result<SigningTime, String> {
    match time {
        Some(t) => SigningTime::parse_iso(t).map_err(|e| format!("--time: {e}")),
        None => Ok(SigningTime::now_in_vietnam()),
    }
}

/// The password: the variable, else a prompt (no echo) on a terminal.
fn password(p12: &Path) -> Result<String, String> {
    if let Ok(p) = std::env::var(PASSWORD_VAR) {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(format!(
            "{}: no password: set {PASSWORD_VAR} (there is no terminal to ask on)",
            p12.display()
        ));
    }
    rpassword::prompt_password(format!("Password for {}: ", p12.display()))
        .map_err(|e| format!("{}: the password could not be read: {e}", p12.display()))
}

/// Reads a key file and its password.
pub fn identity(p12: &Path) -> Result<Identity, String> {
    let bytes = vanban::limits::read_bytes(p12, vanban_sign::MAX_P12_BYTES)
        .map_err(|e| format!("{}: {e}", p12.display()))?;
    let pass = password(p12)?;
    Identity::from_p12(&bytes, &pass).map_err(|e| format!("{}: {e}", p12.display()))
}

pub(crate) fn read_pdf(path: &Path, limits: &LintLimits) -> Result<Vec<u8>, String> {
    vanban_lint::limits::read_file(path, limits).map_err(|e| e.to_string())
}

/// Writes `bytes` to `path` through a file beside it renamed over it: never
/// half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| format!("{}: cannot write: {}", path.display(), e.error))?;
    Ok(())
}

fn fail(message: String) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(1)
}

/// `vanban sign IN.pdf -o OUT.pdf --p12 FILE --role signer|office …`.
pub struct SignJob<'a> {
    pub input: &'a Path,
    pub output: &'a Path,
    pub p12: &'a Path,
    pub role: Role,
    /// `--attachment NUMBER`: the office's mark on a separate-file attachment.
    pub attachment: Option<&'a str>,
    pub time: Option<&'a str>,
    pub tsa: Option<&'a str>,
    pub image: &'a ImageArgs,
    pub limits: &'a LintLimitArgs,
}

pub fn sign(job: &SignJob) -> ExitCode {
    if job.tsa.is_some() {
        eprintln!("error: --tsa: RFC 3161 timestamps are not supported in this build; sign without --tsa (README, \"Signing and verifying\")");
        return ExitCode::from(2);
    }
    if job.attachment.is_some() && job.role != Role::Office {
        eprintln!("error: --attachment is signed by the office: use --role office");
        return ExitCode::from(2);
    }
    let run = || -> Result<(), String> {
        let limits = job.limits.limits();
        let time = signing_time(job.time)?;
        let pdf = read_pdf(job.input, &limits)?;
        let appearance = match (job.attachment, &job.image) {
            (Some(number), _) => Appearance::TopRightText {
                lines: marks::attachment(number, time),
            },
            (
                None,
                ImageArgs {
                    image: Some(png),
                    rect: Some(rect),
                    page,
                },
            ) => Appearance::Image {
                page: *page,
                rect: *rect,
                png: vanban::limits::read_bytes(png, vanban_sign::appearance::MAX_PNG_BYTES as u64)
                    .map_err(|e| format!("{}: {e}", png.display()))?,
            },
            // Over the picture a vanban PDF shows; else invisible.
            _ => vanban_sign::placement::on_the_page(&pdf, job.role, &limits)
                .map_err(|e| format!("{}: {e}", job.input.display()))?,
        };
        let identity = identity(job.p12)?;
        let options = SignOptions {
            role: job.role,
            time,
            appearance,
            limits,
        };
        let signed = vanban_sign::sign(&pdf, &identity, &options)
            .map_err(|e| format!("{}: {e}", job.input.display()))?;
        write_atomic(job.output, &signed)?;
        eprintln!(
            "wrote {} (signed by {} as {}, {})",
            job.output.display(),
            identity.common_name(),
            job.role.as_str(),
            time.iso()
        );
        Ok(())
    };
    run().map_or_else(fail, |()| ExitCode::SUCCESS)
}

/// `vanban verify FILE.pdf [--trust CA.pem] [--json]`: exit 1 when a
/// signature is broken, does not cover what it claims, or there is none.
pub fn verify(file: &Path, trust: Option<&Path>, json: bool, limits: &LintLimitArgs) -> ExitCode {
    let limits = limits.limits();
    let anchors = match trust {
        None => Vec::new(),
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|pem| vanban_sign::trust_anchors(&pem))
        {
            Ok(a) => a,
            Err(e) => {
                eprintln!("error: --trust {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    let report = match read_pdf(file, &limits)
        .and_then(|pdf| vanban_sign::verify(&pdf, &anchors, &limits).map_err(|e| e.to_string()))
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    if json {
        println!("{}", report.to_json());
    } else {
        print!("{}", describe(file, &report, trust.is_some()));
    }
    if report.signatures.is_empty() || !report.all_valid() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn describe(file: &Path, report: &vanban_sign::Report, trust_given: bool) -> String {
    let n = report.signatures.len();
    let mut out = format!(
        "{}: {n} signature{}\n",
        file.display(),
        if n == 1 { "" } else { "s" }
    );
    for (i, s) in report.signatures.iter().enumerate() {
        let state = match (s.intact, s.ranges_ok) {
            (true, true) => "intact",
            _ => "BROKEN",
        };
        let covers = if s.covers_whole_file {
            "covers the whole file"
        } else {
            "covers an earlier revision"
        };
        let trusted = match (trust_given, s.trusted) {
            (false, _) => "trust not checked (no --trust)",
            (true, true) => "trusted",
            (true, false) => "NOT trusted",
        };
        out.push_str(&format!(
            "  {}. {} ({}), {}: {state}, {covers}, {trusted}\n",
            i + 1,
            s.signer,
            s.role.as_str(),
            s.time.as_deref().unwrap_or("no time"),
        ));
        for p in &s.problems {
            out.push_str(&format!("     {p}\n"));
        }
    }
    out
}

/// `render --sign A.p12 --sign B.p12`: the keys, read before rendering
/// (first the signer's, then the office's), signing at the time of the run.
/// Each PDF is signed as it is rendered (`vanban_output::Options::signing`),
/// so no unsigned PDF is ever written.
pub fn render_keys(p12s: &[PathBuf]) -> Result<Option<vanban_sign::Signing>, String> {
    if p12s.is_empty() {
        return Ok(None);
    }
    let identities = p12s.iter().map(|p| identity(p)).collect::<Result<_, _>>()?;
    Ok(Some(vanban_sign::Signing::in_order(
        identities,
        SigningTime::now_in_vietnam(),
    )))
}

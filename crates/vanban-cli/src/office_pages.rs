//! `lint --fix`'s second opinion on page count: LibreOffice sets the input
//! and the fixed copy (`soffice --headless --convert-to pdf`, with a profile
//! of its own so a running LibreOffice is left alone) and their pages are
//! compared. `None` when LibreOffice is not found, fails or takes too long.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long LibreOffice may take for the two files.
const TIMEOUT: Duration = Duration::from_secs(180);

/// The pages LibreOffice sets each DOCX on, in order.
pub fn pages(docs: &[&[u8]]) -> Option<Vec<usize>> {
    let dir = Scratch::new()?;
    let mut inputs = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let path = dir.0.join(format!("doc{i}.docx"));
        std::fs::write(&path, doc).ok()?;
        inputs.push(path);
    }
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.0.display());
    let mut child = Command::new("soffice")
        .args(["--headless", &profile, "--convert-to", "pdf", "--outdir"])
        .arg(&dir.0)
        .args(&inputs)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let start = Instant::now();
    loop {
        match child.try_wait().ok()? {
            Some(status) if status.success() => break,
            Some(_) => return None,
            None if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    inputs
        .iter()
        .map(|p| {
            let pdf = std::fs::read(p.with_extension("pdf")).ok()?;
            vanban_lint::read(&pdf).ok()?.page_count
        })
        .collect()
}

/// A folder of its own under the temporary directory, removed when done.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Option<Scratch> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("vanban-fix-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).ok()?;
        Some(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

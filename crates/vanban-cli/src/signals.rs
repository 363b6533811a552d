//! SIGTERM and SIGINT stop a run cleanly: no new document is started, the
//! documents under way finish (or leave nothing: their temporary files are
//! removed), and the summary of what was written is printed.
//!
//! The signals are taken on a thread of their own, so that a run blocked
//! reading its input (a named pipe nobody writes to) still ends: while a
//! run is only reading, nothing is half written and the first signal ends
//! the process at once. A second signal ends it at once too, after removing
//! the temporary files of the documents under way. Either way the exit
//! status is 128 + the signal's number.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use vanban_i18n::msg;
use vanban_output::Cancel;

/// The stop flag the signals set, and which signal came.
pub struct Stop {
    pub cancel: Cancel,
    signal: Arc<AtomicUsize>,
    reading: Arc<AtomicBool>,
}

impl Stop {
    /// Installs the handlers. If they cannot be installed (no such signals
    /// on this platform) the run simply cannot be stopped cleanly.
    pub fn on_signals() -> Stop {
        let stop = Stop {
            cancel: Cancel::new(),
            signal: Arc::new(AtomicUsize::new(0)),
            reading: Arc::new(AtomicBool::new(false)),
        };
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGINT, SIGTERM};
            if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT]) {
                let cancel = stop.cancel.clone();
                let signal = Arc::clone(&stop.signal);
                let reading = Arc::clone(&stop.reading);
                std::thread::spawn(move || {
                    for number in signals.forever() {
                        let again = cancel.is_cancelled();
                        signal.store(number as usize, Ordering::SeqCst);
                        cancel.cancel();
                        if again || reading.load(Ordering::SeqCst) {
                            vanban_output::write::abandon();
                            std::process::exit(128 + number);
                        }
                    }
                });
            }
        }
        stop
    }

    /// Whether the run is only reading now (nothing under way to finish):
    /// a signal then ends it at once.
    pub fn reading(&self, reading: bool) {
        self.reading.store(reading, Ordering::SeqCst);
    }

    /// The signal that stopped the run, if one did.
    pub fn signal(&self) -> Option<i32> {
        match self.signal.load(Ordering::SeqCst) {
            0 => None,
            n => Some(n as i32),
        }
    }

    /// `interrupted by SIGTERM`, for the summary.
    pub fn describe(&self) -> Option<String> {
        let name = match self.signal()? {
            15 => "SIGTERM".to_string(),
            2 => "SIGINT".to_string(),
            n => msg!("cli-signal", number = n).to_string(),
        };
        Some(msg!("cli-interrupted", signal = name).to_string())
    }

    /// The shell's convention for a run ended by a signal: 128 + its number.
    pub fn exit_code(&self) -> Option<std::process::ExitCode> {
        self.signal()
            .map(|n| std::process::ExitCode::from((128 + n).clamp(0, 255) as u8))
    }
}

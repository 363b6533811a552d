//! SIGTERM and SIGINT stop a run cleanly: no new document is started, the
//! documents under way finish (or leave nothing: their temporary files are
//! removed), and the summary of what was written is printed. A second
//! signal ends the process at once.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use vanban_output::Cancel;

/// The stop flag the signals set, and which signal came.
pub struct Stop {
    pub cancel: Cancel,
    signal: Arc<AtomicUsize>,
}

impl Stop {
    /// Installs the handlers. If they cannot be installed (no such signals
    /// on this platform) the run simply cannot be stopped cleanly.
    pub fn on_signals() -> Stop {
        let stop = Stop {
            cancel: Cancel::new(),
            signal: Arc::new(AtomicUsize::new(0)),
        };
        #[cfg(unix)]
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
            let flag = stop.cancel.flag();
            // Registered first, so it sees the flag as the previous signal left it.
            let _ = signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(flag));
            let _ = signal_hook::flag::register(signal, Arc::clone(flag));
            let _ = signal_hook::flag::register_usize(
                signal,
                Arc::clone(&stop.signal),
                signal as usize,
            );
        }
        stop
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
            n => format!("signal {n}"),
        };
        Some(format!("interrupted by {name}"))
    }

    /// The shell's convention for a run ended by a signal: 128 + its number.
    pub fn exit_code(&self) -> Option<std::process::ExitCode> {
        self.signal()
            .map(|n| std::process::ExitCode::from((128 + n).clamp(0, 255) as u8))
    }
}

//! What a server is started with, and the one rule checked before it
//! listens: anything but loopback needs a token.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use vanban::Limits;
use vanban_lint::LintLimits;

#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen; port 0 takes a free port (tests).
    pub addr: SocketAddr,
    /// A folder of templates that adds to or overrides the built-ins.
    pub templates: Option<PathBuf>,
    /// The register (`vanban register init --db …`): a SQLite file or a
    /// `postgres://` URL; `None`: the register routes answer 404.
    pub db: Option<String>,
    /// Where issued documents' files are written.
    pub register_files: PathBuf,
    /// The bearer token every `/v1/` request must carry, if set.
    pub token: Option<String>,
    /// Renders at once (0: one per core).
    pub workers: usize,
    /// Requests waiting for a worker before new ones get 503.
    pub queue: usize,
    /// Longest time one request may take, body included.
    pub request_timeout: Duration,
    /// Longest time a client may take to send its headers, or its body.
    pub read_timeout: Duration,
    /// Most connections open at once; further clients wait to be accepted.
    pub max_connections: usize,
    /// Longest time in-flight requests get to finish after SIGTERM.
    pub drain_timeout: Duration,
    /// The input limits of the command line (`--max-file-bytes` …).
    pub limits: Limits,
    /// The lint readers' limits.
    pub lint_limits: LintLimits,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            templates: None,
            db: None,
            register_files: PathBuf::from("van-ban-di"),
            token: None,
            workers: 0,
            queue: 256,
            request_timeout: Duration::from_secs(60),
            read_timeout: Duration::from_secs(20),
            max_connections: 1024,
            drain_timeout: Duration::from_secs(30),
            limits: Limits::default(),
            lint_limits: LintLimits::default(),
        }
    }
}

impl Config {
    /// Renders at once: `workers`, or the number of cores.
    pub fn worker_count(&self) -> usize {
        match self.workers {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
    }

    /// Refuses to expose the server beyond this machine without a token,
    /// and an empty token.
    pub fn check(&self) -> Result<(), String> {
        if self.token.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err("--token must not be empty".into());
        }
        if !self.addr.ip().is_loopback() && self.token.is_none() {
            return Err(format!(
                "refusing to listen on {} without --token: anyone on the network could use it; \
                 give --token SECRET (clients send `Authorization: Bearer SECRET`) or listen on 127.0.0.1",
                self.addr
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_may_go_without_a_token() {
        let mut config = Config::default();
        assert!(config.check().is_ok());
        config.addr = "[::1]:8080".parse().unwrap();
        assert!(config.check().is_ok());
        config.addr = "0.0.0.0:8080".parse().unwrap();
        let refused = config.check().unwrap_err();
        assert!(refused.contains("--token"), "{refused}");
        config.token = Some("s3cret".into());
        assert!(config.check().is_ok());
        config.token = Some(" ".into());
        assert!(config.check().is_err());
    }
}

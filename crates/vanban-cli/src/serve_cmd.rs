//! `vanban serve`: the HTTP API and the clerk's web page (crate
//! `vanban-serve`); this file only turns flags into its configuration.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use crate::limit_args::LimitArgs;

#[derive(clap::Args, Clone, Debug)]
pub struct ServeArgs {
    /// Address to listen on. Anything but loopback (127.0.0.1, ::1) needs --token.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// A folder of templates that adds to or overrides the built-ins.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// The office's register (`vanban register init --db …`): a SQLite file
    /// or a postgres:// URL; adds the /v1/register routes and the page's "Cấp số".
    #[arg(long, value_name = "DB")]
    db: Option<String>,
    /// Where documents issued through the register are written.
    #[arg(long, value_name = "DIR", default_value = "van-ban-di")]
    files: PathBuf,
    /// The token clients send as `Authorization: Bearer TOKEN` on /v1/
    /// requests (also read from VANBAN_TOKEN).
    #[arg(long, env = "VANBAN_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Documents rendered at once; 0 means one per core.
    #[arg(long, default_value_t = 0)]
    workers: usize,
    /// Requests that may wait for a worker; past that they get 503 and Retry-After.
    #[arg(long, default_value_t = 256)]
    queue: usize,
    /// Longest a request may take, in seconds (503 past it).
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    timeout: u64,
    /// Longest a client may take to send its headers, or its body, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 20)]
    read_timeout: u64,
    #[command(flatten)]
    limits: LimitArgs,
}

pub fn run(args: ServeArgs) -> ExitCode {
    let config = vanban_serve::Config {
        addr: args.addr,
        templates: args.templates,
        db: args.db,
        register_files: args.files,
        token: args.token,
        workers: args.workers,
        queue: args.queue,
        request_timeout: Duration::from_secs(args.timeout.max(1)),
        read_timeout: Duration::from_secs(args.read_timeout.max(1)),
        limits: args.limits.limits(),
        ..vanban_serve::Config::default()
    };
    let started = vanban_serve::run(config, |addr| {
        // One line a supervisor or a test can wait for.
        eprintln!("vanban serve: listening on http://{addr}/ (SIGTERM or Ctrl-C stops it)");
    });
    match started {
        Ok(()) => {
            eprintln!("vanban serve: stopped");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

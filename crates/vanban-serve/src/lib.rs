//! `vanban serve`: vanban over HTTP, for e-office systems (a JSON API, its
//! OpenAPI document at `/v1/openapi.json`) and for clerks (a Vietnamese web
//! page at `/`). The handlers call the same library functions as the
//! command line; this crate adds only HTTP: reading bodies within limits,
//! problem+json errors, the render pool, the token, a graceful stop.

pub mod app;
pub mod body;
pub mod config;
pub mod pool;
pub mod problem;
pub mod routes;
pub mod server;
pub mod state;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

pub use config::Config;

/// A server bound to its address, not yet serving.
pub struct Bound {
    listener: tokio::net::TcpListener,
    router: axum::Router,
    config: Config,
}

impl Bound {
    /// The address it listens on (the port chosen, for port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or(self.config.addr)
    }

    /// Serves until `shutdown` resolves, then stops gracefully.
    pub async fn serve(self, shutdown: impl Future<Output = ()>) {
        server::serve(self.listener, self.router, &self.config, shutdown).await;
    }
}

/// Checks the configuration, loads the templates and binds the address.
pub async fn bind(config: Config) -> Result<Bound, String> {
    config.check()?;
    let state = Arc::new(state::AppState::new(config.clone())?);
    let (router, _) = app::app(state);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    Ok(Bound {
        listener,
        router,
        config,
    })
}

/// The OpenAPI document as JSON (for tools, without starting a server).
pub fn openapi_json(config: Config) -> Result<String, String> {
    let state = Arc::new(state::AppState::new(config)?);
    let (_, api) = app::app(state);
    api.to_pretty_json().map_err(|e| e.to_string())
}

/// Runs a server until SIGTERM or Ctrl-C, on a runtime of its own: the
/// `vanban serve` command. `ready` is told the address once it listens.
pub fn run(config: Config, ready: impl FnOnce(SocketAddr)) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start: {e}"))?;
    runtime.block_on(async move {
        let bound = bind(config).await?;
        ready(bound.local_addr());
        bound.serve(stop_signal()).await;
        Ok(())
    })
}

/// SIGTERM (a service manager's stop) or SIGINT (Ctrl-C).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = int.recv() => {}
                }
            }
            _ => std::future::pending::<()>().await,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

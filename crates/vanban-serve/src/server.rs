//! The accept loop: hyper's HTTP/1.1 connections with a header timeout (a
//! client that never finishes its headers is cut off), a cap on open
//! connections, and a graceful stop: on shutdown the listener closes (new
//! connections are refused), requests in flight finish, idle connections
//! close, and after `drain_timeout` whatever is left is dropped.

use std::future::Future;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::config::Config;

pub async fn serve(
    listener: TcpListener,
    app: Router,
    config: &Config,
    shutdown: impl Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let open = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let service = app.map_request(|req: Request<Incoming>| req.map(Body::new));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // Past the cap, wait for a connection to close before accepting.
        let permit = tokio::select! {
            () = &mut shutdown => break,
            permit = open.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
        };
        let stream = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: pause, go on.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(config.read_timeout)
            .keep_alive(true);
        let connection = builder.serve_connection(
            TokioIo::new(stream),
            TowerToHyperService::new(service.clone()),
        );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    // New connections are refused from here on.
    drop(listener);
    let _ = tokio::time::timeout(config.drain_timeout, graceful.shutdown()).await;
}

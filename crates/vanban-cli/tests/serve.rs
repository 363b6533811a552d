//! `vanban serve` as a clerk or a service manager starts it: it tells its
//! address, refuses to face the network without a token, and on SIGTERM
//! finishes the request under way, refuses new ones and exits 0.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};

fn vanban() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
}

/// Starts `vanban serve` on a free port; returns it and its address.
fn serve(extra: &[&str]) -> (Child, SocketAddr, BufReader<std::process::ChildStderr>) {
    let mut child = vanban()
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(extra)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .parse()
        .unwrap();
    (child, addr, stderr)
}

fn status_of(response: &[u8]) -> u16 {
    String::from_utf8_lossy(response)
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_non_loopback_address_needs_a_token() {
    let out = vanban()
        .args(["serve", "--addr", "0.0.0.0:0"])
        .env_remove("VANBAN_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--token"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn sigterm_finishes_the_request_in_flight_and_refuses_new_ones() {
    let (mut child, addr, mut stderr) = serve(&[]);
    let mut health = TcpStream::connect(addr).unwrap();
    health
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut answer = Vec::new();
    health.read_to_end(&mut answer).unwrap();
    assert_eq!(status_of(&answer), 200);

    // A render whose handler has started: the server says 100 Continue
    // when it begins to read the body.
    let input = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/ke-hoach-1026.yaml"
    ))
    .unwrap();
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "POST /v1/render?format=pdf HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
        input.len()
    )
    .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 100"), "{line}");
    let mut blank = String::new();
    reader.read_line(&mut blank).unwrap();

    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    // The listener closes: a new connection is refused (or, if it raced
    // in before, closed without an answer).
    let mut refused = false;
    for _ in 0..600 {
        match TcpStream::connect(addr) {
            Err(_) => {
                refused = true;
                break;
            }
            Ok(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
    assert!(refused, "new connections are still accepted after SIGTERM");

    // The request in flight still gets its document.
    stream.write_all(&input).unwrap();
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest).unwrap();
    assert_eq!(
        status_of(&rest),
        200,
        "{}",
        String::from_utf8_lossy(&rest[..rest.len().min(300)])
    );
    assert!(rest.windows(5).any(|w| w == b"%PDF-"));

    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let mut said = String::new();
    stderr.read_to_string(&mut said).unwrap();
    assert!(said.contains("stopped"), "{said}");
}

//! A bounded load test of `vanban serve` on 127.0.0.1: 200 clients at once,
//! 5,000 renders in all, every one answered 200 with a PDF; hostile
//! requests (malformed JSON, wrong content types, a 100 MB body, hostile
//! template names, deep nesting) each get their status while the server
//! keeps serving; its peak memory stays bounded. Latency (p50, p99) and
//! throughput are reported beside the CLI's, never asserted: the machine
//! is shared. The report goes to target/tmp/serve-load.txt.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CLIENTS: usize = 200;
const REQUESTS: usize = 5_000;
/// The server's peak resident memory, bounded whatever the load.
const MAX_PEAK_RSS_KB: u64 = 1536 * 1024;

const DOC: &str = "kind: cong-van
issuer: {name: VĂN PHÒNG CHÍNH PHỦ, abbreviation: VPCP, unit: CN}
number: 3722
place: Hà Nội
date: 2026-05-21
summary: triển khai các giải pháp bảo đảm cung ứng điện mùa khô năm 2026
addressees: [Bộ Công Thương]
body: |
  1. Bộ Công Thương chỉ đạo vận hành hệ thống điện an toàn, ổn định.

  2. Văn phòng Chính phủ thông báo để các cơ quan, đơn vị biết, thực hiện./.
recipients: [Như trên]
signer: {authority: [\"KT. BỘ TRƯỞNG, CHỦ NHIỆM\"], title: PHÓ CHỦ NHIỆM, name: Nguyễn Sỹ Hiệp}
";

struct Reply {
    status: u16,
    body: Vec<u8>,
}

fn send(addr: SocketAddr, head: &str, body: &[u8]) -> std::io::Result<Reply> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(600)))?;
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    read_reply(&mut stream)
}

fn read_reply(stream: &mut TcpStream) -> std::io::Result<Reply> {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw[..raw.len().min(64)]).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let start = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(raw.len(), |i| i + 4);
    Ok(Reply {
        status,
        body: raw[start..].to_vec(),
    })
}

fn post(addr: SocketAddr, path: &str, content_type: &str, body: &[u8]) -> Reply {
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    send(addr, &head, body).expect("the server answers")
}

fn healthy(addr: SocketAddr) -> bool {
    send(
        addr,
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"",
    )
    .is_ok_and(|r| r.status == 200)
}

fn peak_rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[cfg(target_os = "linux")]
#[test]
fn two_hundred_clients_five_thousand_renders_and_hostile_requests() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--queue",
            "512",
            "--timeout",
            "600",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr: SocketAddr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap()
        .parse()
        .unwrap();

    // The load: CLIENTS threads take requests from one counter.
    let next = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(REQUESTS)));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (next, latencies, failures) = (next.clone(), latencies.clone(), failures.clone());
            std::thread::spawn(move || loop {
                let n = next.fetch_add(1, Ordering::SeqCst);
                if n >= REQUESTS {
                    break;
                }
                let at = Instant::now();
                let reply = post(
                    addr,
                    "/v1/render?format=pdf",
                    "application/yaml",
                    DOC.as_bytes(),
                );
                let took = at.elapsed();
                if reply.status == 200 && reply.body.starts_with(b"%PDF-") {
                    latencies.lock().unwrap().push(took);
                } else {
                    failures.lock().unwrap().push(format!(
                        "request {n}: {} {}",
                        reply.status,
                        String::from_utf8_lossy(&reply.body[..reply.body.len().min(200)])
                    ));
                }
            })
        })
        .collect();

    // Hostile requests while the load runs: each gets its status.
    let hostile: Vec<(&str, &str, Vec<u8>, u16)> = vec![
        (
            "/v1/render",
            "application/json",
            b"{\"kind\": \"ke-hoach\",".to_vec(),
            400,
        ),
        (
            "/v1/render",
            "application/json",
            "[".repeat(100_000).into_bytes(),
            400,
        ),
        ("/v1/render", "text/html", DOC.as_bytes().to_vec(), 415),
        (
            "/v1/render",
            "application/yaml",
            b"kind: ke-hoach\ndate: 2024-02-30\n".to_vec(),
            422,
        ),
        ("/v1/lint", "application/json", b"{}".to_vec(), 415),
        (
            "/v1/lint",
            "application/pdf",
            b"%PDF-1.7 not really".to_vec(),
            422,
        ),
        (
            "/v1/templates/..%2F..%2Fetc%2Fpasswd/render",
            "application/json",
            b"{}".to_vec(),
            404,
        ),
        (
            "/v1/templates/%2Fetc%2Fpasswd/render",
            "application/json",
            b"{}".to_vec(),
            404,
        ),
        (
            "/v1/templates/../../etc/passwd/render",
            "application/json",
            b"{}".to_vec(),
            404,
        ),
    ];
    for (path, content_type, body, want) in &hostile {
        let reply = post(addr, path, content_type, body);
        assert_eq!(
            reply.status,
            *want,
            "{path} ({content_type}): {}",
            String::from_utf8_lossy(&reply.body)
        );
    }
    // 100 MB announced with `Expect: 100-continue` (as curl sends a large
    // body): refused before a byte is sent.
    let big = 100 * 1024 * 1024;
    let reply = send(
        addr,
        &format!("POST /v1/render HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: {big}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"),
        b"",
    )
    .unwrap();
    assert_eq!(reply.status, 413);
    // 100 MB streamed without asking: refused (413, or the connection
    // closed on the sender); the server goes on.
    {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(600)))
            .unwrap();
        write!(stream, "POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nContent-Length: {big}\r\nConnection: close\r\n\r\n").unwrap();
        let mut writer = stream.try_clone().unwrap();
        let sender = std::thread::spawn(move || {
            let chunk = vec![b'%'; 1 << 20];
            for _ in 0..100 {
                if writer.write_all(&chunk).is_err() {
                    break;
                }
            }
        });
        if let Ok(reply) = read_reply(&mut stream) {
            assert!(reply.status == 413 || reply.status == 0, "{}", reply.status);
        }
        drop(stream);
        sender.join().unwrap();
    }
    assert!(
        healthy(addr),
        "the server stopped serving after hostile requests"
    );

    for thread in threads {
        thread.join().unwrap();
    }
    let wall = started.elapsed();
    let failures = failures.lock().unwrap();
    assert!(
        failures.is_empty(),
        "{} failed, first: {:?}",
        failures.len(),
        failures.first()
    );
    let mut latencies = latencies.lock().unwrap().clone();
    assert_eq!(latencies.len(), REQUESTS);
    latencies.sort();
    let peak = peak_rss_kb(child.id());
    assert!(healthy(addr));

    // The CLI on the same document, for comparison: one process per
    // document (as a script would call it), and one run of many.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("cv.yaml");
    std::fs::write(&input, DOC).unwrap();
    let runs = 20;
    let at = Instant::now();
    for _ in 0..runs {
        let ok = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["render", "--format", "pdf", "-o"])
            .arg(dir.path())
            .arg(&input)
            .output()
            .unwrap()
            .status
            .success();
        assert!(ok);
    }
    let cli_each = at.elapsed() / runs;

    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert!(peak > 0 && peak < MAX_PEAK_RSS_KB, "peak memory {peak} kB");

    let report = format!(
        "vanban serve load test: {REQUESTS} renders (PDF, a one-page công văn), {CLIENTS} clients at once, 127.0.0.1\n\
         errors: 0; hostile requests: {} answered with their status, server still serving\n\
         latency p50 {:?}, p99 {:?}, max {:?}\n\
         throughput {:.1} documents/s over {:.1} s\n\
         server peak memory (VmHWM) {} MiB\n\
         CLI, one process per document: {:?} each ({:.1} documents/s)\n",
        hostile.len() + 2,
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99),
        latencies.last().unwrap(),
        REQUESTS as f64 / wall.as_secs_f64(),
        wall.as_secs_f64(),
        peak / 1024,
        cli_each,
        1.0 / cli_each.as_secs_f64(),
    );
    println!("{report}");
    let _ = std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-load.txt"),
        &report,
    );
}

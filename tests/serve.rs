//! `byline serve`, run as users run it: the binary on an ephemeral loopback
//! port, spoken to over plain TCP so every request, well-formed or not, is
//! exactly the bytes a client would send.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

mod support;
use support::{byline, workspace};

/// A news article of about 1 kB in our own words.
const ARTICLE: &str = "RIVERTON, Ohio — The Riverton school board voted 5-2 on Monday to close two \
elementary schools and spend $14.5 million on a new campus, ending months of debate.\n\n\
“Nobody wanted this outcome, but the numbers left us no choice,” said board president Helen Marsh. \
She said enrollment had dropped nearly 18 percent since 2015.\n\n\
Parents at the meeting, organised by the Riverton Parents Alliance, said the plan would add as much \
as 40 minutes to some children’s bus rides. \"We will keep fighting this,\" said Tomasz Wrobel, a \
father of three.";

/// A running `byline serve`, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    stderr: mpsc::Receiver<String>,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .current_dir(workspace())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("byline serve starts");
        let (tx, stderr) = mpsc::channel();
        let pipe = child.stderr.take().expect("stderr is piped");
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let banner = stderr.recv_timeout(Duration::from_secs(60)).expect("the server says where it listens");
        let addr = banner
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {banner:?}"));
        Server { child, addr, stderr }
    }

    fn send(&self, raw: &[u8]) -> Response {
        let mut stream = self.connect();
        stream.write_all(raw).expect("request written");
        read_response(&mut stream)
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(self.addr).expect("connects");
        stream.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout set");
        stream
    }

    fn get(&self, path: &str) -> Response {
        self.send(format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").as_bytes())
    }

    fn post(&self, path: &str, content_type: &str, body: &[u8]) -> Response {
        let mut raw = format!(
            "POST {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        raw.extend_from_slice(body);
        self.send(&raw)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("the body is UTF-8")
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// The error message of a one-line JSON error.
    fn error(&self) -> String {
        let text = self.text();
        assert_eq!(text.matches('\n').count(), 1, "an error is one line: {text:?}");
        assert_eq!(self.header("content-type"), Some("application/json"));
        self.json()["error"].as_str().expect("an error field").to_owned()
    }
}

/// Reads one response from a `Connection: close` exchange.
fn read_response(stream: &mut TcpStream) -> Response {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("response read");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| {
        panic!("no complete response head in {:?}", String::from_utf8_lossy(&raw));
    });
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("status");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect::<Vec<_>>();
    let body = raw[split + 4..].to_vec();
    let response = Response { status, headers, body };
    if let Some(n) = response.header("content-length") {
        assert_eq!(n.parse::<usize>().ok(), Some(response.body.len()), "Content-Length matches the body");
    }
    response
}

/// What `byline run` writes for this stdin.
fn byline_run(stdin: &str) -> Output {
    byline(&["run"], stdin.as_bytes())
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string()
}

#[test]
fn every_endpoint_answers_as_documented() {
    let server = Server::start(&["--threads", "2", "--max-body", "4K"]);

    let health = server.get("/health");
    assert_eq!(health.status, 200);
    assert_eq!(health.json()["status"], "ok");
    assert_eq!(health.json()["workers"], 2);

    let stages = server.get("/stages").json();
    let running: Vec<&str> =
        stages["pipeline"]["stages"].as_array().expect("stages").iter().filter_map(|s| s["name"].as_str()).collect();
    assert!(running.contains(&"entities") && running.contains(&"quotes"), "{running:?}");
    assert!(stages["registry"].as_array().expect("registry").iter().any(|s| s["name"] == "numbers"));

    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(page.header("content-security-policy").is_some_and(|p| p.starts_with("default-src 'none'")));
    assert!(page.text().contains("data-mode=\"serve\"") && page.text().contains("id=\"paste-text\""));

    // A JSON record: byte for byte what `byline run` writes for it.
    let line = record("council-1", ARTICLE);
    let expected = byline_run(&line);
    assert!(expected.status.success());
    let json = server.post("/annotate", "application/json", line.as_bytes());
    assert_eq!(json.status, 200, "{}", json.text());
    assert_eq!(json.body, expected.stdout);
    assert!(!json.json()["entities"].as_array().expect("entities").is_empty());

    // Plain text: the same annotations under the id "request".
    let plain = server.post("/annotate", "text/plain; charset=utf-8", ARTICLE.as_bytes());
    assert_eq!(plain.status, 200);
    let mut as_run: Value = serde_json::from_slice(&expected.stdout).expect("byline run writes JSON");
    as_run["id"] = "request".into();
    assert_eq!(plain.json(), as_run);
    // Without a Content-Type, a body starting with `{` is a record, as on stdin.
    assert_eq!(server.post("/annotate", "", line.as_bytes()).body, expected.stdout);

    // Batch: one record per line, in order, error records in place, as `byline run`.
    let lines = [
        record("a", "Mayor Lena Ortiz said the city would hire 40 teachers."),
        r#"{"id": "b", "txt": "no text field"}"#.to_owned(),
        record("c", "Shares rose 3% to $12.50."),
        r#"{"id": "d", "text": broken"#.to_owned(),
    ];
    let batch_body = lines.join("\n") + "\n";
    let batch = server.post("/annotate/batch", "application/x-ndjson", batch_body.as_bytes());
    assert_eq!(batch.status, 200);
    assert_eq!(batch.header("x-byline-failed"), Some("2"));
    let expected = byline_run(&batch_body);
    let ours: Vec<&str> = std::str::from_utf8(&batch.body).expect("UTF-8").lines().collect();
    let theirs: Vec<&str> = std::str::from_utf8(&expected.stdout).expect("UTF-8").lines().collect();
    assert_eq!(ours.len(), 4);
    assert_eq!(ours, theirs, "the same records as byline run, error records included");
    // The unreadable last line keeps the id that could be read from it.
    let last: Value = serde_json::from_str(ours[3]).expect("an error record");
    assert_eq!(last["id"], "d");
    assert!(last["error"].as_str().expect("error").starts_with("invalid JSON"), "{last}");
    assert_eq!(server.post("/annotate/batch", "application/x-ndjson", b"").body, b"");

    // Errors: status, and the reason in one line of JSON.
    let bad_json = server.post("/annotate", "application/json", br#"{"id": "x", "text": "#);
    assert_eq!(bad_json.status, 400);
    assert!(bad_json.error().starts_with("invalid JSON"), "{}", bad_json.text());
    let no_text = server.post("/annotate", "application/json", br#"{"id": "x", "body": "words"}"#);
    assert_eq!(no_text.status, 400);
    assert!(no_text.error().contains("no string field \"text\""));
    let not_utf8 = server.post("/annotate", "text/plain", b"caf\xe9 au lait");
    assert_eq!(not_utf8.status, 400);
    assert!(not_utf8.error().contains("not valid UTF-8 (at byte 3)"), "{}", not_utf8.text());

    let big = vec![b'a'; 5000];
    let too_large = server.post("/annotate", "text/plain", &big);
    assert_eq!(too_large.status, 413);
    assert!(too_large.error().contains("larger than 4096 bytes (--max-body)"));
    // Chunked, so the size is only known while reading.
    let mut chunked =
        b"POST /annotate/batch HTTP/1.1\r\nHost: test\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
            .to_vec();
    for _ in 0..5 {
        chunked.extend_from_slice(b"3e8\r\n");
        chunked.extend_from_slice(&[b'a'; 1000]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(server.send(&chunked).status, 413);

    let missing = server.get("/annotate/single");
    assert_eq!(missing.status, 404);
    assert!(missing.error().contains("no endpoint GET /annotate/single"));
    let wrong_method = server.get("/annotate");
    assert_eq!(wrong_method.status, 405);
    assert_eq!(wrong_method.header("allow"), Some("POST"));
    assert!(wrong_method.error().contains("/annotate does not take GET"));
    let post_health = server.post("/health", "text/plain", b"hello");
    assert_eq!(post_health.status, 405);
    assert_eq!(post_health.header("allow"), Some("GET"));

    // Still serving after all that.
    assert_eq!(server.get("/health").status, 200);
}

#[test]
fn slow_clients_time_out() {
    let server = Server::start(&["--threads", "1", "--client-timeout", "1"]);
    // Headers that never finish: the connection is closed.
    let mut stalled = server.connect();
    stalled.write_all(b"POST /annotate HTTP/1.1\r\nHost: test\r\n").expect("written");
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = stalled.read_to_end(&mut rest);
    assert!(started.elapsed() < Duration::from_secs(10), "closed after {:?}", started.elapsed());
    assert!(!String::from_utf8_lossy(&rest).starts_with("HTTP/1.1 200"));

    // A body that never finishes: 408 with the reason.
    let mut trickle = server.connect();
    trickle
        .write_all(
            b"POST /annotate HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Length: 100\r\n\r\nonly ten b",
        )
        .expect("written");
    let response = read_response(&mut trickle);
    assert_eq!(response.status, 408);
    assert!(response.error().contains("--client-timeout"));

    assert_eq!(server.get("/health").status, 200);
}

/// A batch that keeps the only worker busy for a while.
fn long_batch() -> Vec<u8> {
    (0..400).map(|i| record(&format!("doc-{i}"), ARTICLE) + "\n").collect::<String>().into_bytes()
}

fn post_raw(body: &[u8]) -> Vec<u8> {
    let mut raw = format!(
        "POST /annotate/batch HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    raw.extend_from_slice(body);
    raw
}

#[test]
fn a_full_queue_answers_503_and_sigterm_finishes_requests_in_flight() {
    let mut server = Server::start(&["--threads", "1", "--queue", "0"]);
    let mut busy = server.connect();
    busy.write_all(&post_raw(&long_batch())).expect("written");
    // Wait until the batch holds the worker.
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.get("/health").json()["busy"] != 1 {
        assert!(Instant::now() < deadline, "the batch never started");
        std::thread::sleep(Duration::from_millis(10));
    }
    let refused = server.post("/annotate", "text/plain", b"Another story.");
    assert_eq!(refused.status, 503);
    assert_eq!(refused.header("retry-after"), Some("1"));
    assert!(refused.error().contains("queue is full"));

    let status = Command::new("kill").args(["-TERM", &server.child.id().to_string()]).status().expect("kill runs");
    assert!(status.success());
    let finished = read_response(&mut busy);
    assert_eq!(finished.status, 200);
    assert_eq!(finished.text().lines().count(), 400, "the batch in flight finished");
    let exit = server.child.wait().expect("the server exits");
    assert!(exit.success(), "{exit:?}");
    let said: Vec<String> = server.stderr.try_iter().collect();
    assert!(said.iter().any(|l| l.contains("shutting down")), "{said:?}");
}

//! `byline serve`: the pipeline over HTTP, for teams that do not write Rust.
//!
//! A thin shell over what `byline run` does: request bodies become input
//! records exactly as `byline run` reads them (`input::Reader`), are
//! annotated by `Pipeline::annotate_record` and written by byline-core's JSON writer, so
//! a response is byte for byte the line `byline run` would print.
//!
//! HTTP is hyper's (HTTP/1.1) with axum's routing; nothing here parses HTTP.
//! Abuse is bounded: bodies by `--max-body` (413), slow or idle clients by
//! `--client-timeout` (hyper's header-read timeout, then a deadline on the
//! body), connections by `--max-connections`, and annotation runs on a pool
//! of `--threads` workers with at most `--queue` requests waiting (503 past
//! that, before the body is read), so many clients queue instead of
//! exhausting memory. SIGTERM or
//! ctrl-c stops accepting and finishes the requests in flight.

use std::io::Cursor;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::header::{
    ALLOW, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HeaderMap, HeaderValue, RETRY_AFTER,
    X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use byline_core::json::{InputError, OutputOptions, RecordError};
use byline_core::span::OffsetUnit;
use byline_core::{Document, Pipeline, io_reason};
use http_body_util::BodyExt;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use rayon::prelude::*;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use crate::input::Reader;
use crate::output::Renderer;
use crate::{Failure, Format, PipelineArgs, html, load_pipeline, run, stages};

/// Responses are `byline run`'s JSONL records, offsets in characters.
const RENDERER: Renderer =
    Renderer { format: Format::Jsonl, options: OutputOptions { unit: OffsetUnit::Chars, layers: None } };

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// Address to listen on. The default is loopback only; for public use put
    /// a reverse proxy with TLS in front (see docs/view-and-serve.md).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Largest request body (bytes; K, M and G suffixes count 1024s); larger
    /// requests get 413.
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    max_body: usize,
    /// Seconds a client may take to send its request headers, and again its
    /// body; idle keep-alive connections close after as long.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    client_timeout: u64,
    /// Requests that may wait for a worker (bodies included); more get 503
    /// with Retry-After.
    #[arg(long, value_name = "N", default_value_t = 64)]
    queue: usize,
    /// Open connections at once; further clients wait in the listen backlog.
    #[arg(long, value_name = "N", default_value_t = 1024)]
    max_connections: usize,
}

/// `16M`, `512K`, `1G` or a plain number of bytes.
fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (digits, scale) = match text.char_indices().last() {
        Some((at, c)) if c.eq_ignore_ascii_case(&'k') => (&text[..at], 1 << 10),
        Some((at, c)) if c.eq_ignore_ascii_case(&'m') => (&text[..at], 1 << 20),
        Some((at, c)) if c.eq_ignore_ascii_case(&'g') => (&text[..at], 1 << 30),
        _ => (text, 1),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{text}` is not a size; write bytes, or a number with K, M or G (16M)"))
}

/// What every request handler shares.
struct Server {
    pipeline: Arc<Pipeline>,
    pool: rayon::ThreadPool,
    threads: usize,
    /// One permit per worker thread: held while a job runs.
    workers: Arc<Semaphore>,
    /// Workers plus queue places: a request without one gets 503.
    admission: Arc<Semaphore>,
    max_body: usize,
    client_timeout: Duration,
}

pub(crate) fn serve(args: &ServeArgs) -> Result<u8, Failure> {
    let pipeline = load_pipeline(&args.pipeline)?;
    let threads = match args.pipeline.threads {
        Some(0) => return Err(Failure::usage("--threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    if args.max_connections == 0 || args.client_timeout == 0 {
        return Err(Failure::usage("--max-connections and --client-timeout must be at least 1"));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("byline-worker-{i}"))
        // A panicking job drops its reply channel and its request gets a 500.
        .panic_handler(|_| {})
        .build()
        .map_err(|e| Failure::usage(format!("cannot start {threads} worker threads: {e}")))?;
    let server = Arc::new(Server {
        pipeline: Arc::new(pipeline),
        pool,
        threads,
        workers: Arc::new(Semaphore::new(threads)),
        admission: Arc::new(Semaphore::new(threads.saturating_add(args.queue))),
        max_body: args.max_body,
        client_timeout: Duration::from_secs(args.client_timeout),
    });
    // Network I/O is light next to annotation: two threads are plenty.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("byline-http")
        .enable_all()
        .build()
        .map_err(|e| Failure::io(format!("cannot start the HTTP runtime: {}", io_reason(&e))))?;
    runtime.block_on(listen(server, args.addr, args.max_connections))?;
    Ok(0)
}

async fn listen(server: Arc<Server>, addr: SocketAddr, max_connections: usize) -> Result<(), Failure> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|e| Failure::io(format!("cannot listen on {addr}: {}", io_reason(&e))))?;
    let bound = listener.local_addr().map_err(|e| Failure::io(io_reason(&e)))?;
    eprintln!(
        "byline: serving pipeline `{}` on http://{bound}/ with {} workers; stop with ctrl-c",
        server.pipeline.name(),
        server.threads
    );
    if !bound.ip().is_loopback() {
        eprintln!(
            "byline: warning: {bound} is reachable from other machines; put a reverse proxy with TLS, \
             authentication and rate limits in front (docs/view-and-serve.md)"
        );
    }
    let timeout = server.client_timeout;
    let app = router(server);
    let connections = Arc::new(Semaphore::new(max_connections));
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(shutdown_signal());
    loop {
        let permit = tokio::select! {
            permit = connections.clone().acquire_owned() => permit,
            () = &mut stop => break,
        };
        let Ok(permit) = permit else { break };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors or a connection reset before accept:
                // pause briefly rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let _ = stream.set_nodelay(true);
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(timeout)
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    eprintln!("byline: shutting down; finishing the requests in flight");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(timeout) => eprintln!("byline: some requests did not finish in {timeout:?}; closing them"),
    }
    Ok(())
}

/// Resolves on ctrl-c or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

fn router(server: Arc<Server>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/annotate", post(annotate))
        .route("/annotate/batch", post(annotate_batch))
        .route("/stages", get(list_stages))
        .route("/health", get(health))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(server)
}

/// A one-line JSON error `{"error": "..."}`.
fn error_response(status: StatusCode, message: impl Into<String>) -> Response {
    json_response(status, &json!({ "error": message.into() }))
}

fn json_response(status: StatusCode, value: &Value) -> Response {
    let mut body = serde_json::to_vec(value).unwrap_or_default();
    body.push(b'\n');
    (status, [(CONTENT_TYPE, "application/json")], body).into_response()
}

async fn not_found(method: Method, uri: Uri) -> Response {
    error_response(
        StatusCode::NOT_FOUND,
        format!(
            "no endpoint {method} {}; try POST /annotate, POST /annotate/batch, GET /stages, GET /health or GET /",
            uri.path()
        ),
    )
}

async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    let path = uri.path();
    let allowed = if path.starts_with("/annotate") { "POST" } else { "GET" };
    let mut response =
        error_response(StatusCode::METHOD_NOT_ALLOWED, format!("{path} does not take {method}; use {allowed}"));
    response.headers_mut().insert(ALLOW, HeaderValue::from_static(allowed));
    response
}

async fn page() -> Response {
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CONTENT_SECURITY_POLICY, html::SERVE_CSP),
            (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        html::SERVE_PAGE,
    )
        .into_response()
}

async fn health(State(server): State<Arc<Server>>) -> Response {
    json_response(
        StatusCode::OK,
        &json!({
            "status": "ok",
            "pipeline": server.pipeline.name(),
            "workers": server.threads,
            "busy": server.threads - server.workers.available_permits().min(server.threads),
        }),
    )
}

async fn list_stages(State(server): State<Arc<Server>>) -> Response {
    let flow: Vec<Value> = server
        .pipeline
        .layer_flow()
        .into_iter()
        .map(|f| json!({ "name": f.stage, "needs": stages::names(&f.needs), "adds": stages::names(&f.adds) }))
        .collect();
    json_response(
        StatusCode::OK,
        &json!({
            "pipeline": { "name": server.pipeline.name(), "stages": flow },
            "registry": stages::registry_json(),
        }),
    )
}

/// `POST /annotate`: one document, plain text or a JSON record.
async fn annotate(State(server): State<Arc<Server>>, headers: HeaderMap, body: Body) -> Response {
    let (_admitted, bytes) = match server.admit(&headers, body).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let reason = InputError::NotUtf8(e.utf8_error().valid_up_to());
            return error_response(StatusCode::BAD_REQUEST, reason.to_string());
        }
    };
    let doc = if is_json(&headers, &text) {
        match Document::from_json(&text, "request") {
            Ok(doc) => doc,
            Err(e) => return error_response(StatusCode::BAD_REQUEST, e.error.to_string()),
        }
    } else {
        Document::new("request", text)
    };
    let job = server.on_pool(move |pipeline| annotate_one(pipeline, Ok(doc)));
    match job.await {
        Ok((record, true)) => (StatusCode::OK, [(CONTENT_TYPE, "application/json")], record).into_response(),
        // A stage failed: the error record `byline run` would write.
        Ok((record, false)) => {
            (StatusCode::INTERNAL_SERVER_ERROR, [(CONTENT_TYPE, "application/json")], record).into_response()
        }
        Err(response) => response,
    }
}

/// `POST /annotate/batch`: JSONL in, JSONL out, one record per input line
/// in input order; unreadable lines get error records, as in `byline run`.
async fn annotate_batch(State(server): State<Arc<Server>>, headers: HeaderMap, body: Body) -> Response {
    let (_admitted, bytes) = match server.admit(&headers, body).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let job = server.on_pool(move |pipeline| {
        let custom_layers = run::custom_layers(pipeline);
        let mut reader = Reader::jsonl("request", Box::new(Cursor::new(bytes)), u64::MAX);
        // Reading from memory cannot fail.
        let batch = reader.next_batch(usize::MAX, usize::MAX, Vec::new()).unwrap_or_default();
        // A stream's batch holds no file range, so parsing cannot fail either.
        let (records, _) = batch.parse(&custom_layers).unwrap_or_default();
        let rendered: Vec<(Vec<u8>, bool)> =
            records.into_par_iter().map(|record| annotate_one(pipeline, record)).collect();
        let failed = rendered.iter().filter(|(_, ok)| !ok).count();
        (rendered.into_iter().flat_map(|(bytes, _)| bytes).collect::<Vec<u8>>(), failed)
    });
    match job.await {
        Ok((body, failed)) => {
            let mut response = (StatusCode::OK, [(CONTENT_TYPE, "application/x-ndjson")], body).into_response();
            // How many records are error records, without reading them all.
            response.headers_mut().insert("x-byline-failed", HeaderValue::from(failed));
            response
        }
        Err(response) => response,
    }
}

/// One record annotated and rendered as `byline run` writes it; `false`
/// for an error record.
fn annotate_one(pipeline: &Pipeline, record: Result<Document, RecordError>) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let ok = run::render(&RENDERER, &pipeline.annotate_record(record), &mut out);
    (out, ok)
}

/// A JSON record: said so by the Content-Type, or, without one that says
/// text, a body that starts with `{` (as `byline run` reads stdin).
fn is_json(headers: &HeaderMap, text: &str) -> bool {
    let kind = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    if kind.starts_with("application/json") {
        return true;
    }
    if kind.starts_with("text/") {
        return false;
    }
    text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').starts_with('{')
}

impl Server {
    /// A place among the requests being served or queued (503 when there is
    /// none), then the whole request body: at most `max_body` bytes, within
    /// the client timeout. Admitting before reading bounds the memory bodies
    /// take to (workers + queue) × max-body. The permit is held until the
    /// response.
    async fn admit(&self, headers: &HeaderMap, body: Body) -> Result<(OwnedSemaphorePermit, Vec<u8>), Response> {
        let Ok(admitted) = self.admission.clone().try_acquire_owned() else {
            let mut busy = error_response(
                StatusCode::SERVICE_UNAVAILABLE,
                "every worker is busy and the queue is full (--queue); retry shortly",
            );
            busy.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static("1"));
            return Err(busy);
        };
        Ok((admitted, self.read_body(headers, body).await?))
    }

    async fn read_body(&self, headers: &HeaderMap, mut body: Body) -> Result<Vec<u8>, Response> {
        let declared = headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > self.max_body as u64) {
            return Err(self.too_large());
        }
        let read = async {
            let mut bytes = Vec::new();
            while let Some(frame) = body.frame().await {
                let frame = frame.map_err(|e| {
                    error_response(StatusCode::BAD_REQUEST, format!("cannot read the request body: {e}"))
                })?;
                if let Ok(data) = frame.into_data() {
                    if bytes.len() + data.len() > self.max_body {
                        return Err(self.too_large());
                    }
                    bytes.extend_from_slice(&data);
                }
            }
            Ok(bytes)
        };
        tokio::time::timeout(self.client_timeout, read).await.unwrap_or_else(|_| {
            Err(error_response(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the request body did not arrive within {} s (--client-timeout)",
                    self.client_timeout.as_secs()
                ),
            ))
        })
    }

    fn too_large(&self) -> Response {
        error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the request body is larger than {} bytes (--max-body); split it into smaller batches",
                self.max_body
            ),
        )
    }

    /// Runs `job` on the worker pool once a worker is free; 500 if the job
    /// panicked.
    async fn on_pool<T: Send + 'static>(
        &self,
        job: impl FnOnce(&Pipeline) -> T + Send + 'static,
    ) -> Result<T, Response> {
        let internal = || error_response(StatusCode::INTERNAL_SERVER_ERROR, "the annotation failed unexpectedly");
        // The permit travels with the job: a client that hangs up does not
        // free its worker before the work is done.
        let worker = self.workers.clone().acquire_owned().await.map_err(|_| internal())?;
        let pipeline = Arc::clone(&self.pipeline);
        let (reply, result) = oneshot::channel();
        self.pool.spawn(move || {
            let _ = reply.send(job(&pipeline));
            drop(worker);
        });
        result.await.map_err(|_| internal())
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_read_with_and_without_suffixes() {
        let cases = [("16M", Some(16 << 20)), ("512k", Some(512 << 10)), ("1G", Some(1 << 30)), ("100", Some(100))];
        for (text, expect) in cases {
            assert_eq!(parse_size(text).ok(), expect, "{text}");
        }
        for bad in ["", "M", "0", "-1", "1.5M", "16MB"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}

//! The `byline` binary, run as a user runs it: inputs, outputs, exit codes
//! and every error message.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

mod support;
use support::{byline, workspace};

/// Stages every build of byline must register (the default pipeline uses them).
const BUILT_IN_STAGES: &[&str] = &["paragraphs", "tokens", "sentences", "entities", "gazetteer", "numbers", "quotes"];

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn lines(out: &Output) -> Vec<Value> {
    stdout(out).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

/// A scratch file that is removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, content: &[u8]) -> Scratch {
        let dir = std::env::temp_dir().join(format!("byline-tests-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, content).expect("scratch file");
        Scratch(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temp paths are UTF-8")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn readme_sample_runs_through_the_default_pipeline() {
    let out = byline(&["run", "samples/article.txt"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "article.txt");
    assert!(docs[0]["paragraphs"].as_array().is_some_and(|p| p.len() > 5));
}

#[test]
fn a_folder_gives_one_record_per_file_sorted() {
    let out = byline(&["run", "tests/fixtures"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = lines(&out).iter().map(|d| d["id"].as_str().unwrap_or("").to_owned()).collect();
    let mut expected: Vec<String> = std::fs::read_dir(workspace().join("tests/fixtures"))
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    expected.sort();
    assert_eq!(ids, expected);
}

#[test]
fn stdin_is_text_or_jsonl_by_its_first_character() {
    let text = byline(&["run"], "  Plain “text”.\n\nSecond.".as_bytes());
    let docs = lines(&text);
    assert_eq!((docs.len(), docs[0]["id"].as_str()), (1, Some("stdin")));
    assert_eq!(docs[0]["paragraphs"].as_array().map(Vec::len), Some(2));

    let jsonl = byline(&["run", "-"], b"\n{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n");
    let docs = lines(&jsonl);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap_or("")).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn other_fields_pass_through_in_order() {
    let out = byline(&["run"], br#"{"text": "Hi.", "source": "wire", "id": "x", "meta": {"n": 1}}"#);
    let line = stdout(&out);
    assert!(line.starts_with(r#"{"id":"x","text":"Hi.","source":"wire","meta":{"n": 1},"paragraphs":"#), "{line}");
}

#[test]
fn bad_records_become_error_records_in_place() {
    let input = b"{\"id\": \"ok1\", \"text\": \"Fine.\"}\n{broken\n{\"id\": \"nt\", \"txt\": \"typo\"}\n{\"id\": \"bin\", \"text\": \"\xff\"}\n[1, 2]\n{\"id\": \"ok2\", \"text\": \"Fine too.\"}\n";
    let out = byline(&["run"], input);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    let summary: Vec<String> = docs
        .iter()
        .map(|d| {
            format!("{} {}", d["id"].as_str().unwrap_or("?"), d.get("error").and_then(Value::as_str).unwrap_or("ok"))
        })
        .collect();
    insta::assert_snapshot!(summary.join("\n"), @r#"
    ok1 ok
    stdin:2 invalid JSON: key must be a string at column 2
    nt the record has no string field "text"
    bin the input is not valid UTF-8 (at byte 23); convert it to UTF-8 first
    stdin:5 a record must be a JSON object with a string field "text"
    ok2 ok
    "#);
    insta::assert_snapshot!(stderr(&out), @r#"byline: 4 of 6 documents failed; see their "error" records"#);

    let fast = byline(&["run", "--fail-fast"], input);
    assert_eq!(fast.status.code(), Some(1));
    assert_eq!(lines(&fast).len(), 2, "stops after the first error record");
    assert!(stderr(&fast).contains("stopped there (--fail-fast)"));
}

#[test]
fn a_text_file_that_is_not_utf8_is_an_error_record() {
    let file = Scratch::new("latin1.txt", b"Caf\xe9 society.");
    let out = byline(&["run", file.path()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        lines(&out)[0],
        serde_json::json!({"id": "latin1.txt", "error": "the input is not valid UTF-8 (at byte 3); convert it to UTF-8 first"})
    );
}

#[test]
fn ten_thousand_documents_come_out_in_order() {
    let mut input = String::new();
    for i in 0..10_000 {
        input.push_str(&format!("{{\"id\": \"doc-{i}\", \"text\": \"Paragraph {i}.\\n\\nAnother “one”.\"}}\n"));
    }
    let file = Scratch::new("many.jsonl", input.as_bytes());
    let out = byline(&["run", "--threads", "2", file.path()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 10_000);
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(doc["id"], format!("doc-{i}"));
    }
}

#[test]
fn offsets_are_characters_or_bytes() {
    let text = "東京\n\n“Zürich” 🎉";
    let chars = lines(&byline(&["run"], text.as_bytes()));
    let bytes = lines(&byline(&["run", "--offsets", "bytes"], text.as_bytes()));
    assert_eq!(chars[0]["paragraphs"][1]["start"], 4);
    assert_eq!(chars[0]["paragraphs"][1]["end"], 14);
    assert_eq!(bytes[0]["paragraphs"][1]["start"], 8);
    assert_eq!(bytes[0]["paragraphs"][1]["end"], text.len());
    assert_eq!(chars[0]["paragraphs"][1]["text"], "“Zürich” 🎉");
}

#[test]
fn every_format_renders() {
    // A fixed small pipeline keeps this test about formats, not stages.
    let spec = Scratch::new("formats.toml", b"[[stage]]\nuse = \"paragraphs\"\n[[stage]]\nuse = \"tokens\"\n");
    let run = |format: &str, input: &[u8]| byline(&["run", "--pipeline", spec.path(), "--format", format], input);
    let input = b"{\"id\": \"a\", \"text\": \"One.\\n\\nTwo.\"}\n{\"id\": \"b\"}\n";
    let json = run("json", input);
    let parsed: Value = serde_json::from_str(&stdout(&json)).expect("json is one array");
    assert_eq!(parsed.as_array().map(Vec::len), Some(2));
    assert_eq!(parsed[1]["error"], "the record has no string field \"text\"");

    let empty = run("json", b"");
    assert_eq!(serde_json::from_str::<Value>(&stdout(&empty)).ok(), Some(serde_json::json!([])));

    insta::assert_snapshot!(stdout(&run("yaml", input)), @r#"
    ---
    id: a
    paragraphs:
    - text: One.
      at: 0..4
    - text: Two.
      at: 6..10
    tokens:
    - text: One
      at: 0..3
    - text: .
      at: 3..4
    - text: Two
      at: 6..9
    - text: .
      at: 9..10
    ---
    id: b
    error: the record has no string field "text"
    "#);
    insta::assert_snapshot!(stdout(&run("pretty", input)), @r#"
    ━━ a ━━ (10 characters)
    paragraphs (2)
      0..4         One.
      6..10        Two.
    tokens (4)
      One . Two .

    ━━ b ━━
    error: the record has no string field "text"
    "#);
}

#[test]
fn stages_lists_the_registry() {
    byline_cli::link_stage_crates();
    let registered: Vec<&str> = byline_core::registry::registrations().iter().map(|r| r.name).collect();
    let out = byline(&["stages", "--json"], b"");
    let listed: Vec<String> = serde_json::from_str::<Value>(&stdout(&out))
        .expect("json")
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["name"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(listed, registered, "`byline stages` prints the registry");
    for name in BUILT_IN_STAGES {
        assert!(registered.contains(name), "built-in stage `{name}` is registered");
    }
    let text = stdout(&byline(&["stages"], b""));
    assert!(text.contains("paragraphs\n  Paragraphs:"), "{text}");
    assert!(text.contains("options:"), "{text}");
}

#[test]
fn check_prints_the_layer_flow() {
    let spec =
        Scratch::new("ok.toml", b"[pipeline]\nname = \"mine\"\n[[stage]]\nuse = \"paragraphs\"\nsplit = \"lines\"\n");
    let out = byline(&["check", spec.path()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out).replace(spec.path(), "ok.toml");
    insta::assert_snapshot!(text, @r"
    ok.toml: pipeline `mine` is valid (1 stage)
      1. paragraphs  needs: –                            adds: paragraphs
    output layers: paragraphs
    ");
}

/// Runs byline and returns its stderr with scratch paths made stable.
fn failure(args: &[&str], stdin: &[u8], code: i32, scratch: &[&Scratch]) -> String {
    let out = byline(args, stdin);
    assert_eq!(out.status.code(), Some(code), "exit code of {args:?}; stderr: {}", stderr(&out));
    let mut text = stderr(&out);
    for s in scratch {
        let name = s.0.file_name().and_then(|n| n.to_str()).unwrap_or("");
        text = text.replace(s.path(), name);
    }
    text
}

#[test]
fn every_error_message() {
    let bad = Scratch::new(
        "bad.toml",
        b"[pipeline]\nname = \"x\"\n\n[[stage]]\nuse = \"paragraph\"\n\n[[stage]]\nuse = \"paragraphs\"\nsplit = 3\n",
    );
    let syntax = Scratch::new("syntax.toml", b"[[stage]\nuse = \"paragraphs\"\n");
    let empty = Scratch::new("empty.toml", b"");
    let gold = Scratch::new("gold.jsonl", b"{}\n");
    let latin1 = Scratch::new("latin1.toml", b"[[stage]]\nuse = \"paragraphs\"\n# caf\xe9\n");
    let phrases = Scratch::new("latin1-phrases.tsv", b"ORG\tAcme\nORG\tCaf\xe9 Noir\n");
    let gazetteer = Scratch::new(
        "gazetteer.toml",
        b"[[stage]]\nuse = \"tokens\"\n[[stage]]\nuse = \"gazetteer\"\nfile = \"latin1-phrases.tsv\"\n",
    );
    let lexicon = Scratch::new("lexicon.toml", b"speech = [\"say\",\n  \"tell\"\n  \"claim\"]\n");
    let quotes = Scratch::new(
        "quotes.toml",
        b"[[stage]]\nuse = \"paragraphs\"\n[[stage]]\nuse = \"tokens\"\n[[stage]]\nuse = \"sentences\"\n[[stage]]\nuse = \"entities\"\n[[stage]]\nuse = \"quotes\"\nlexicon = \"lexicon.toml\"\n",
    );
    let layers = Scratch::new("layers.toml", b"[[stage]]\nuse = \"paragraphs\"\n");
    let cases: Vec<(&str, String)> = vec![
        ("bad pipeline", failure(&["run", "--pipeline", bad.path()], b"x", 2, &[&bad])),
        ("check bad pipeline", failure(&["check", bad.path()], b"", 2, &[&bad])),
        ("toml syntax", failure(&["check", syntax.path()], b"", 2, &[&syntax])),
        ("no stages", failure(&["check", empty.path()], b"", 2, &[&empty])),
        ("missing pipeline file", failure(&["check", "no/such.toml"], b"", 2, &[])),
        ("missing input", failure(&["run", "no/such/input.txt"], b"", 3, &[])),
        ("zero threads", failure(&["run", "--threads", "0"], b"x", 2, &[])),
        ("thousands of threads", failure(&["run", "-j", "20000"], b"x", 2, &[])),
        ("pipeline file not UTF-8", failure(&["check", latin1.path()], b"", 2, &[&latin1])),
        ("phrase file not UTF-8", failure(&["check", gazetteer.path()], b"", 2, &[&gazetteer, &phrases])),
        ("lexicon syntax", failure(&["check", quotes.path()], b"", 2, &[&quotes, &lexicon])),
        ("layer not in the pipeline", failure(&["run", "-p", layers.path(), "--layers", "tokens"], b"x", 2, &[])),
        ("unknown eval task", failure(&["eval", "poetry", "--gold", gold.path()], b"", 2, &[&gold])),
        ("missing gold", failure(&["eval", "sentences", "--gold", "no/such.jsonl"], b"", 3, &[])),
    ];
    let rendered: Vec<String> = cases.iter().map(|(what, err)| format!("# {what}\n{err}")).collect();
    insta::assert_snapshot!(rendered.join("\n"));
}

#[test]
fn help_documents_exit_codes() {
    let help = stdout(&byline(&["--help"], b""));
    for code in ["0  success", "1  some documents failed", "2  usage error", "3  an input or output file"] {
        assert!(help.contains(code), "{help}");
    }
}

/// The lines of a run's output, as text.
fn output_lines(out: &Output) -> Vec<String> {
    stdout(out).lines().map(str::to_owned).collect()
}

#[test]
fn other_fields_pass_through_byte_for_byte() {
    let input = br#"{"id": "x", "big": 18446744073709551616, "e": 1e2, "z": -0, "s": "caf\u00e9", "text": "Hi."}"#;
    let out = byline(&["run", "--layers", "paragraphs"], input);
    assert_eq!(
        output_lines(&out),
        [
            r#"{"id":"x","text":"Hi.","big":18446744073709551616,"e":1e2,"z":-0,"s":"caf\u00e9","paragraphs":[{"start":0,"end":3,"text":"Hi."}]}"#
        ]
    );
}

#[test]
fn ids_are_strings_or_integers_and_keys_byline_writes_are_refused() {
    let input = concat!(
        "{\"id\": 18446744073709551616, \"text\": \"Hi.\"}\n",
        "{\"id\": null, \"text\": \"Hi.\"}\n",
        "{\"id\": [\"a\"], \"text\": \"Hi.\"}\n",
        "{\"id\": 2.5, \"text\": \"Hi.\"}\n",
        "{\"id\": \"e\", \"text\": \"Hi.\", \"error\": \"fake\"}\n",
        "{\"id\": \"l\", \"text\": \"Hi.\", \"entities\": []}\n",
        "{\"id\": \"t\", \"text\": \"Hi.\", \"text\": \"Bye.\"}\n",
    );
    let out = byline(&["run", "--layers", "paragraphs"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&out), @r#"
    {"id":18446744073709551616,"text":"Hi.","paragraphs":[{"start":0,"end":3,"text":"Hi."}]}
    {"id":"stdin:2","error":"the \"id\" must be a string or an integer, not null"}
    {"id":"stdin:3","error":"the \"id\" must be a string or an integer, not an array"}
    {"id":"stdin:4","error":"the \"id\" must be a string or an integer, not a fraction or exponent"}
    {"id":"e","error":"the record has a field \"error\", a key byline writes itself (id, text, error and the layer names); rename it"}
    {"id":"l","error":"the record has a field \"entities\", a key byline writes itself (id, text, error and the layer names); rename it"}
    {"id":"t","error":"the record has the key \"text\" twice"}
    "#);
}

#[test]
fn a_one_line_record_has_a_column_not_line_2() {
    let out = byline(&["run"], b"{\"id\": \"a\", \"text\": \"Hi.\"\n");
    assert_eq!(output_lines(&out), [r#"{"id":"a","error":"invalid JSON: EOF while parsing an object at column 25"}"#]);
}

#[test]
fn layers_chooses_what_is_written_and_what_runs() {
    let text = b"Dr. Smith paid $40 in Paris.\n\nShe left.";
    let all = lines(&byline(&["run"], text));
    let some = byline(&["run", "--layers", "sentences,numbers"], text);
    assert!(some.status.success(), "{}", stderr(&some));
    let some = lines(&some);
    let keys: Vec<&String> = some[0].as_object().expect("an object").keys().collect();
    assert_eq!(keys, ["id", "text", "sentences", "numbers"]);
    assert_eq!(some[0]["sentences"], all[0]["sentences"]);
    assert_eq!(some[0]["numbers"], all[0]["numbers"]);
    let none = lines(&byline(&["run", "--layers", ""], text));
    assert_eq!(none[0].as_object().map(|o| o.len()), Some(2), "id and text only");
}

#[test]
fn documents_over_max_doc_bytes_become_error_records() {
    let big = format!("{{\"id\": \"big\", \"text\": \"{}\"}}\n", "word ".repeat(400));
    let input = format!("{{\"id\": \"a\", \"text\": \"Small.\"}}\n{big}{{\"id\": \"b\", \"text\": \"Small.\"}}\n");
    let out = byline(&["run", "--max-doc-bytes", "1000", "--layers", "paragraphs"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap_or("?")).collect();
    assert_eq!(ids, ["a", "big", "b"]);
    assert_eq!(
        docs[1]["error"],
        format!(
            "the document is {} bytes, more than the limit of 1000 bytes (--max-doc-bytes); split it or raise the limit",
            big.trim_end().len()
        )
    );
    let exact = "{\"id\": \"e\", \"text\": \"Fits.\"}";
    let fits = byline(
        &["run", "--max-doc-bytes", &exact.len().to_string(), "--layers", ""],
        format!("{exact}\r\n").as_bytes(),
    );
    assert!(fits.status.success(), "a record of exactly the limit is read: {}", stdout(&fits));
    let file = Scratch::new("big.txt", "word ".repeat(400).as_bytes());
    let out = byline(&["run", "--max-doc-bytes", "1000", file.path()], b"");
    assert_eq!(lines(&out)[0]["error"].as_str().map(|e| e.starts_with("the document is 2000 bytes")), Some(true));
}

#[test]
fn whitespace_only_stdin_is_a_document_like_the_same_file() {
    let bytes = b" \n\n \t\n";
    let file = Scratch::new("blank.txt", bytes);
    let from_file = lines(&byline(&["run", "--layers", "paragraphs", file.path()], b""));
    let from_stdin = lines(&byline(&["run", "--layers", "paragraphs"], bytes));
    assert_eq!(from_stdin.len(), 1);
    assert_eq!(from_stdin[0]["text"], from_file[0]["text"]);
    assert_eq!(from_stdin[0]["paragraphs"], from_file[0]["paragraphs"]);
    assert!(byline(&["run"], b"").stdout.is_empty(), "empty stdin holds no document");
}

#[test]
fn a_closed_stdout_fails_with_exit_3() {
    let shell = |redirect: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("exec '{}' run samples/article.txt {redirect}", env!("CARGO_BIN_EXE_byline")))
            .current_dir(workspace())
            .output()
            .expect("sh runs")
    };
    let closed = shell(">&-");
    assert_eq!(closed.status.code(), Some(3), "{}", stderr(&closed));
    assert!(stderr(&closed).contains("stdout is closed"), "{}", stderr(&closed));
    let full = shell(">/dev/full");
    assert_eq!(full.status.code(), Some(3), "{}", stderr(&full));
    let null = shell(">/dev/null");
    assert_eq!(null.status.code(), Some(0), "{}", stderr(&null));
}

#[test]
fn a_referenced_files_error_points_at_the_options_value() {
    let spec = Scratch::new(
        "missing-list.toml",
        b"[[stage]]\nuse = \"tokens\"\n[[stage]]\nuse = \"gazetteer\"\nfile = \"no-such-list.tsv\"\n",
    );
    let err = failure(&["check", spec.path()], b"", 2, &[&spec]);
    assert!(err.starts_with("byline: error: missing-list.toml:5:8: stage `gazetteer`: `file`: cannot read"), "{err}");
}

#[test]
fn run_help_documents_the_progress_line() {
    let help = stdout(&byline(&["run", "--help"], b""));
    assert!(help.contains("progress line on stderr shows bytes read, the rate"), "{help}");
    assert!(help.contains("ETA"), "{help}");
}

/// Threads of a running process, from /proc.
#[cfg(target_os = "linux")]
fn thread_count(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task")).map_or(0, |tasks| tasks.count())
}

#[test]
#[cfg(target_os = "linux")]
fn threads_is_how_many_threads_the_run_uses() {
    // No thread is set aside for reading or writing: `-j 1` is one thread
    // doing everything, `-j 3` three threads sharing all of it.
    for threads in [1, 3] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(["run", "--threads", &threads.to_string()])
            .current_dir(workspace())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("byline starts");
        // Blocked reading stdin, every thread started.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while thread_count(child.id()) < threads && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        let seen = thread_count(child.id());
        drop(child.stdin.take());
        assert!(child.wait().expect("byline runs").success());
        assert_eq!(seen, threads, "--threads {threads}");
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_progress_line_shows_bytes_rate_and_eta_on_a_terminal() {
    // `script` gives byline a terminal for stderr, as a person watching has.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` (util-linux) to make a terminal");
        return;
    }
    let text = "The council voted on Tuesday. \u{201c}We are ready,\u{201d} the mayor said.\n\n".repeat(20);
    let mut input = String::new();
    for i in 0..400 {
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let file = Scratch::new("progress.jsonl", input.as_bytes());
    let byline = env!("CARGO_BIN_EXE_byline");
    let path = file.path();
    // A file's size is known (a bar and an ETA); stdin's is not (bytes read).
    for (shell, expect) in [
        (format!("'{byline}' run --threads 1 '{path}' > /dev/null"), "ETA"),
        (format!("cat '{path}' | '{byline}' run --threads 1 > /dev/null"), "read"),
    ] {
        let out = Command::new("script").args(["-qec", &shell, "/dev/null"]).output().expect("script runs");
        let screen = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{screen}");
        assert!(screen.contains(expect) && screen.contains("documents") && screen.contains("B/s"), "{shell}: {screen}");
    }
}

#[test]
fn any_number_of_threads_writes_the_same_bytes() {
    // Small and bad records, a document large enough to be streamed by the
    // writing thread, and enough records for many batches.
    let mut input = String::new();
    for i in 0..3_000 {
        match i % 1000 {
            7 => input.push_str("{\"id\": \"broken\", \"text\": \n"),
            500 => {
                let text = "A sentence of the long document. ".repeat(40_000);
                input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
                input.push('\n');
            }
            _ => input.push_str(&format!("{{\"id\": {i}, \"text\": \"Item {i}. It said \\u201cyes.\\u201d\"}}\n")),
        }
    }
    let file = Scratch::new("threads.jsonl", input.as_bytes());
    let pipeline = Scratch::new("threads.toml", b"[[stage]]\nuse = \"paragraphs\"\n[[stage]]\nuse = \"sentences\"\n");
    let run = |threads: &str| byline(&["run", "-p", pipeline.path(), "--threads", threads, file.path()], b"");
    let one = run("1");
    assert_eq!(one.status.code(), Some(1), "{}", stderr(&one));
    assert_eq!(lines(&one).len(), 3_000);
    for threads in ["2", "5"] {
        let many = run(threads);
        assert_eq!(many.status.code(), Some(1), "{}", stderr(&many));
        assert!(many.stdout == one.stdout, "--threads {threads} wrote other bytes than --threads 1");
    }
}

#[test]
fn a_file_read_in_ranges_gives_what_a_stream_gives() {
    // A regular file is read in ranges by the threads that parse them;
    // stdin is read as a stream. Lines cross the ranges' edges, some are
    // blank, too large, broken, without an id (their id is FILE:LINE, so
    // line numbers must carry across ranges) or end in CRLF; a BOM opens
    // the file and the last line has no line end.
    let mut input = String::from("\u{feff}");
    for i in 1..=2_500 {
        match i % 97 {
            0 => input.push('\n'),
            13 => input.push_str(&format!("{{\"text\": \"{}\"}}\n", "long ".repeat(30_000 + i))),
            31 => input.push_str("{\"text\": \n"),
            41 => input.push_str(&format!("{{\"text\": \"Line {i} ends in CRLF.\"}}\r\n")),
            _ if i % 2 == 0 => input.push_str(&format!("{{\"text\": \"No id, line {i}.\"}}\n")),
            _ => input.push_str(&format!("{{\"id\": \"r{i}\", \"text\": \"Record {i}.\"}}\n")),
        }
    }
    input.push_str("{\"text\": \"The last line.\"}");
    let file = Scratch::new("ranges.jsonl", input.as_bytes());
    let pipeline = Scratch::new("ranges.toml", b"[[stage]]\nuse = \"paragraphs\"\n");
    let limit = "100000";
    let stream = byline(&["run", "-p", pipeline.path(), "--max-doc-bytes", limit], input.as_bytes());
    // Stdin's fallback ids say `stdin`, the file's its path.
    let expect = String::from_utf8_lossy(&stream.stdout).replace("\"stdin:", &format!("\"{}:", file.path()));
    assert!(expect.contains(&format!("\"{}:2500\"", file.path())), "line numbers run on");
    assert!(expect.contains(&format!("\"{}:2501\"", file.path())), "the last line has no line end");
    for threads in ["1", "3"] {
        let ranged = byline(&["run", "-p", pipeline.path(), "--max-doc-bytes", limit, "-j", threads, file.path()], b"");
        assert_eq!(ranged.status.code(), stream.status.code());
        assert!(stdout(&ranged) == expect, "--threads {threads}: the file's records differ from stdin's");
    }
}

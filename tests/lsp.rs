//! `plan lsp` driven over stdio by a client written here (hand-made framing, JSON-RPC by
//! `serde_json`): diagnostics from the open buffer (not the file on disk) on open and on
//! change, completion of keys and of agencies, hover and go to definition.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design
#![allow(clippy::needless_pass_by_value)] // the client takes its messages' parts as written

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

const DECISION: &str = r#"[decision]
number = "1/QĐ-UBND"
date = 2016-05-16
title = "Đề án"
period = { from = 2016, to = 2020 }

[[agency]]
id = "so-khcn"
name = "Sở Khoa học và Công nghệ"
aliases = ["Sở KH&CN"]
"#;

const PLAN: &str = r#"[plan]
title = "Kế hoạch năm 2019"
year = 2019
decision = { number = "1/QĐ-UBND", date = 2016-05-16, file = "decision.toml" }

[[activity]]
id = "he-thong"
name = "Hệ thống quản lý"
target = 5
unit = "hệ thống"
lead = "so-khcn"
"#;

const PROGRESS: &str = r#"[progress]
plan = "plan.toml"

[[achievement]]
activity = "he-thong"
date = 2019-05-20
quantity = 1
"#;

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_plan"))
            .args(["lsp", "--lang", "en"])
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Self { child, stdin, stdout, next_id: 1 }
    }

    fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = None;
        loop {
            let mut line = String::new();
            assert!(self.stdout.read_line(&mut line).unwrap() > 0, "the server closed its output");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = Some(n.parse::<usize>().unwrap());
            }
        }
        let mut body = vec![0; length.unwrap()];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request; returns its result, and the notifications that came before it.
    fn request(&mut self, method: &str, params: Value) -> (Value, Vec<Value>) {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let mut notifications = Vec::new();
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) {
                return (message["result"].clone(), notifications);
            }
            notifications.push(message);
        }
    }

    /// The diagnostics published for `uri`, reading messages until they come.
    fn diagnostics_for(&mut self, uri: &str) -> Value {
        loop {
            let message = self.receive();
            if message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri {
                return message["params"]["diagnostics"].clone();
            }
        }
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
}

fn labels(result: &Value) -> Vec<String> {
    result.as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn a_session_over_stdio() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().canonicalize().unwrap();
    std::fs::write(dir.join("decision.toml"), DECISION).unwrap();
    std::fs::write(dir.join("plan.toml"), PLAN).unwrap();
    std::fs::write(dir.join("progress.toml"), PROGRESS).unwrap();
    let plan_uri = uri(&dir.join("plan.toml"));
    let decision_uri = uri(&dir.join("decision.toml"));
    let progress_uri = uri(&dir.join("progress.toml"));

    let mut client = Client::start(&dir);
    let (init, _) =
        client.request("initialize", json!({ "processId": null, "rootUri": uri(&dir), "capabilities": {} }));
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    assert_eq!(init["capabilities"]["definitionProvider"], true);
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 1);
    client.notify("initialized", json!({}));

    // The buffer has a misspelt key that the file on disk has not.
    let buffer = PLAN.replace("target = 5", "taget = 5");
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": plan_uri, "languageId": "toml", "version": 1, "text": buffer } }),
    );
    let diagnostics = client.diagnostics_for(&plan_uri);
    let codes: Vec<&str> = diagnostics.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    // Without its target (misspelt), the activity also counts in a unit with no target.
    assert_eq!(codes, ["unknown-key", "target-missing"], "{diagnostics:#}");
    assert_eq!(diagnostics[1]["severity"], 2);
    let d = &diagnostics[0];
    assert_eq!(d["code"], "unknown-key");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "plan");
    assert_eq!(d["message"], "unknown key `activity[1].taget`\ndid you mean `target`?");
    assert_eq!(d["range"], json!({ "start": { "line": 8, "character": 0 }, "end": { "line": 8, "character": 5 } }));

    // Keys of the table the cursor is in, from the schema's key table.
    let (result, _) = client.request("textDocument/completion", at(&plan_uri, 8, 0));
    assert_eq!(
        labels(&result),
        ["id", "section", "item", "name", "target", "unit", "lead", "partners", "partners-open", "breakdown", "due"]
    );
    // Agencies of the linked decision: id, name, alias.
    let (result, _) = client.request("textDocument/completion", at(&plan_uri, 10, 8));
    assert_eq!(labels(&result), ["so-khcn", "Sở Khoa học và Công nghệ", "Sở KH&CN"]);
    assert_eq!(result[0]["insertText"], "so-khcn");

    let (result, _) = client.request("textDocument/hover", at(&plan_uri, 10, 10));
    assert_eq!(result["contents"]["value"], "**Sở Khoa học và Công nghệ** (`so-khcn`)\n\nalso: Sở KH&CN");
    let (result, _) = client.request("textDocument/definition", at(&plan_uri, 10, 10));
    assert_eq!(result["uri"], decision_uri);
    assert_eq!(
        result["range"],
        json!({ "start": { "line": 7, "character": 5 }, "end": { "line": 7, "character": 14 } })
    );

    // A progress file: its plan is the open buffer; the activity resolves in it.
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": progress_uri, "languageId": "toml", "version": 1, "text": PROGRESS } }),
    );
    assert_eq!(client.diagnostics_for(&progress_uri), json!([]));
    let (result, _) = client.request("textDocument/hover", at(&progress_uri, 4, 14));
    // The plan's open buffer misspells `target`: it has none, whatever the file on disk says.
    assert_eq!(result["contents"]["value"], "**Hệ thống quản lý**\n\ntarget: —");
    let (result, _) = client.request("textDocument/definition", at(&progress_uri, 4, 14));
    assert_eq!(result["uri"], plan_uri);
    assert_eq!(
        result["range"],
        json!({ "start": { "line": 6, "character": 5 }, "end": { "line": 6, "character": 15 } })
    );
    let (result, _) = client.request("textDocument/completion", at(&progress_uri, 4, 12));
    assert_eq!(labels(&result), ["he-thong"]);

    // Fixing the buffer clears the diagnostic.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": plan_uri, "version": 2 }, "contentChanges": [{ "text": PLAN }] }),
    );
    assert_eq!(client.diagnostics_for(&plan_uri), json!([]));
    let (result, _) = client.request("textDocument/hover", at(&progress_uri, 4, 14));
    assert_eq!(result["contents"]["value"], "**Hệ thống quản lý**\n\ntarget: 5 hệ thống");

    let (result, _) = client.request("shutdown", Value::Null);
    assert_eq!(result, Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

//! `plan lsp`: a language server over stdio. Diagnostics are those of `plan check`, for the
//! open file and the files linked to it, computed with the editor's open buffers in place
//! of the files on disk; completion of keys (from the same key table as the JSON Schema)
//! and of references; hover and go to definition on references.
//!
//! The diagnostics speak the chosen language; the server's own errors (a broken protocol
//! stream, `the client exited without shutdown`) stay English: they are a protocol log for
//! whoever debugs the editor's connection, not messages for the analyst.

mod text;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use std::io::{BufRead, Write};

use lsp_server::{Message, Notification, Response};
use serde_json::{Value, json};

use crate::checks::check_workspace;
use crate::diag::{Diagnostic, Severity};
use crate::model::{Document, agency::fold_name};
use crate::schema::{self, Ty};
use crate::source::Span;
use crate::workspace::Workspace;
use text::{Cursor, offset_of, path_to_uri, position_of, uri_to_path};

/// Keys whose values name an agency.
const AGENCY_KEYS: [&str; 7] = ["lead", "partners", "issuer", "recipients", "parent", "from", "to"];

/// Serves one client, reading messages from `input` and writing to `out`, until it asks to
/// exit. One thread: each message is answered before the next is read.
pub fn serve(input: &mut dyn BufRead, out: &mut dyn Write, lang: crate::lang::Lang) -> anyhow::Result<()> {
    let mut server = Server { lang, ..Server::default() };
    let mut shut_down = false;
    let mut input = input;
    while let Some(message) = Message::read(&mut input)? {
        match message {
            Message::Request(request) => {
                let result = match request.method.as_str() {
                    "initialize" => json!({ "capabilities": capabilities(), "serverInfo": { "name": "plan" } }),
                    "shutdown" => {
                        shut_down = true;
                        Value::Null
                    }
                    method => server.request(method, &request.params),
                };
                send(out, &Message::Response(Response::new_ok(request.id, result)))?;
            }
            Message::Notification(notification) if notification.method == "exit" => {
                return if shut_down { Ok(()) } else { Err(anyhow::anyhow!("the client exited without shutdown")) };
            }
            Message::Notification(notification) => {
                for (method, params) in server.notify(&notification.method, &notification.params) {
                    send(out, &Message::Notification(Notification::new(method, params)))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn send(out: &mut dyn Write, message: &Message) -> anyhow::Result<()> {
    let mut buffer = Vec::new();
    message.write(&mut buffer)?;
    out.write_all(&buffer)?;
    out.flush()?;
    Ok(())
}

fn capabilities() -> Value {
    json!({
        "textDocumentSync": { "openClose": true, "change": 1, "save": { "includeText": true } },
        "completionProvider": { "triggerCharacters": ["\"", "="] },
        "hoverProvider": true,
        "definitionProvider": true,
    })
}

/// The open documents, by URI.
#[derive(Default)]
pub struct Server {
    open: BTreeMap<String, String>,
    /// The language of the diagnostics' messages: `--lang`, else `PLAN_LANG`, else `vi`.
    lang: crate::lang::Lang,
}

fn uri_of(params: &Value) -> Option<String> {
    params.pointer("/textDocument/uri").and_then(Value::as_str).map(str::to_owned)
}

impl Server {
    /// Handles a notification; returns the notifications to send back.
    pub fn notify(&mut self, method: &str, params: &Value) -> Vec<(String, Value)> {
        let Some(uri) = uri_of(params) else { return Vec::new() };
        match method {
            "textDocument/didOpen" => {
                let text = params.pointer("/textDocument/text").and_then(Value::as_str).unwrap_or_default();
                self.open.insert(uri.clone(), text.to_owned());
            }
            "textDocument/didChange" => {
                let changes = params.get("contentChanges").and_then(Value::as_array);
                if let Some(text) = changes.and_then(|c| c.last()).and_then(|c| c.get("text")).and_then(Value::as_str) {
                    self.open.insert(uri.clone(), text.to_owned());
                }
            }
            "textDocument/didSave" => {
                if let Some(text) = params.get("text").and_then(Value::as_str) {
                    self.open.insert(uri.clone(), text.to_owned());
                }
            }
            "textDocument/didClose" => {
                self.open.remove(&uri);
                return Vec::new();
            }
            _ => return Vec::new(),
        }
        self.diagnostics(&uri)
    }

    /// The workspace of one open file: it and what it links to, with every open buffer
    /// read in place of its file.
    fn workspace(&self, uri: &str) -> Option<Workspace> {
        let path = uri_to_path(uri)?;
        let overrides: crate::hash::HashMap<PathBuf, String> = self
            .open
            .iter()
            .filter_map(|(u, text)| Some((std::fs::canonicalize(uri_to_path(u)?).ok()?, text.clone())))
            .collect();
        Workspace::load_with(&[path], overrides).ok()
    }

    fn diagnostics(&mut self, uri: &str) -> Vec<(String, Value)> {
        let Some(ws) = self.workspace(uri) else { return Vec::new() };
        let mut all = ws.diagnostics.clone();
        all.extend(check_workspace(&ws));
        let mut by_file: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for index in 0..ws.sources.len() {
            if let Some(u) = file_uri(&ws, crate::source::FileId(index)) {
                by_file.entry(u).or_default();
            }
        }
        for diagnostic in &all {
            if let Some(u) = file_uri(&ws, diagnostic.primary.span.file) {
                by_file.entry(u).or_default().push(to_lsp(&ws, diagnostic, self.lang));
            }
        }
        let mut out = Vec::new();
        let mut published = HashSet::new();
        for (u, list) in by_file {
            published.insert(u.clone());
            out.push(("textDocument/publishDiagnostics".to_owned(), json!({ "uri": u, "diagnostics": list })));
        }
        if uri_to_path(uri).is_some() && !published.contains(uri) {
            out.push(("textDocument/publishDiagnostics".to_owned(), json!({ "uri": uri, "diagnostics": [] })));
        }
        out
    }

    /// Answers a request; `null` when there is nothing to say.
    pub fn request(&self, method: &str, params: &Value) -> Value {
        let Some(uri) = uri_of(params) else { return Value::Null };
        let Some(text) = self.open.get(&uri) else { return Value::Null };
        let line = params.pointer("/position/line").and_then(Value::as_u64).unwrap_or(0);
        let character = params.pointer("/position/character").and_then(Value::as_u64).unwrap_or(0);
        let offset = offset_of(text, line, character);
        let cursor = Cursor::at(text, offset);
        let Some(ws) = self.workspace(&uri) else { return Value::Null };
        match method {
            "textDocument/completion" => Value::Array(completions(&ws, text, &cursor)),
            "textDocument/hover" => hover(&ws, &cursor).unwrap_or(Value::Null),
            "textDocument/definition" => definition(&ws, &cursor).unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }
}

fn file_uri(ws: &Workspace, file: crate::source::FileId) -> Option<String> {
    let path = &ws.sources.get(file).path;
    std::fs::canonicalize(path).ok().map(|p| path_to_uri(&p))
}

fn range(ws: &Workspace, span: &Span) -> Value {
    let text = &ws.sources.get(span.file).text;
    json!({ "start": position_of(text, span.start()), "end": position_of(text, span.end()) })
}

fn to_lsp(ws: &Workspace, d: &Diagnostic, lang: crate::lang::Lang) -> Value {
    let severity = match d.severity {
        Severity::Error => 1,
        Severity::Warning => 2,
    };
    let message = match &d.help {
        Some(help) => format!("{}\n{}", d.message.get(lang), help.get(lang)),
        None => d.message.get(lang).to_owned(),
    };
    let related: Vec<Value> = d
        .secondary
        .iter()
        .filter_map(|label| {
            let uri = file_uri(ws, label.span.file)?;
            Some(json!({ "location": { "uri": uri, "range": range(ws, &label.span) }, "message": label.message.get(lang) }))
        })
        .collect();
    let mut value = json!({
        "range": range(ws, &d.primary.span),
        "severity": severity,
        "code": d.code.as_str(),
        "source": "plan",
        "message": message,
    });
    if !related.is_empty()
        && let Some(map) = value.as_object_mut()
    {
        map.insert("relatedInformation".into(), Value::Array(related));
    }
    value
}

/// What a reference resolves to: its hover text and where it is defined.
struct Target {
    markdown: String,
    span: Span,
}

fn resolve(ws: &Workspace, key: &str, value: &str) -> Option<Target> {
    if AGENCY_KEYS.contains(&key) {
        let folded = fold_name(value);
        for decision in ws.decisions() {
            for agency in &decision.agencies {
                let matches = agency.id.value == value
                    || fold_name(&agency.name.value) == folded
                    || agency.aliases.iter().any(|a| fold_name(&a.value) == folded);
                if matches {
                    let mut markdown = format!("**{}** (`{}`)", agency.name.value, agency.id.value);
                    if !agency.aliases.is_empty() {
                        let aliases: Vec<&str> = agency.aliases.iter().map(|a| a.value.as_str()).collect();
                        markdown = format!("{markdown}\n\nalso: {}", aliases.join(", "));
                    }
                    return Some(Target { markdown, span: agency.id.span.clone() });
                }
            }
        }
        return None;
    }
    for doc in docs(ws) {
        match (key, doc) {
            ("activity", Document::Plan(plan)) => {
                if let Some(a) = plan.activities.iter().find(|a| a.id.value == value) {
                    let name = a.name.as_ref().map_or("", |n| n.value.as_str());
                    let target = match &a.target {
                        Some(t) => format!("{} {}", t.value, a.unit.as_ref().map_or("", |u| u.value.as_str())),
                        None => "—".to_owned(),
                    };
                    let markdown = format!("**{name}**\n\ntarget: {}", target.trim_end());
                    return Some(Target { markdown, span: a.id.span.clone() });
                }
            }
            ("item", Document::Decision(decision)) => {
                if let Some(i) = decision.items.iter().find(|i| i.id.value == value) {
                    let name = i.name.as_ref().map_or("", |n| n.value.as_str());
                    let target = i.target.as_ref().map_or_else(|| "—".to_owned(), |t| t.value.to_string());
                    let markdown = format!("**{name}**\n\ntarget: {target}");
                    return Some(Target { markdown, span: i.id.span.clone() });
                }
            }
            ("line", Document::Plan(plan)) => {
                let lines = plan.budget.iter().flat_map(|b| b.lines.iter());
                if let Some(l) = lines.into_iter().find(|l| l.id.value == value) {
                    let amount = l.amount.as_ref().map_or_else(|| "—".to_owned(), |a| a.value.to_string());
                    return Some(Target {
                        markdown: format!("budget line `{value}`: {amount} đồng"),
                        span: l.id.span.clone(),
                    });
                }
            }
            _ => {}
        }
    }
    None
}

fn docs(ws: &Workspace) -> impl Iterator<Item = &Document> {
    (0..ws.files.len()).filter_map(|i| ws.doc(i))
}

fn hover(ws: &Workspace, cursor: &Cursor) -> Option<Value> {
    let (key, value) = cursor.reference()?;
    let target = resolve(ws, &key, &value)?;
    Some(json!({ "contents": { "kind": "markdown", "value": target.markdown } }))
}

fn definition(ws: &Workspace, cursor: &Cursor) -> Option<Value> {
    let (key, value) = cursor.reference()?;
    let target = resolve(ws, &key, &value)?;
    let uri = file_uri(ws, target.span.file)?;
    Some(json!({ "uri": uri, "range": range(ws, &target.span) }))
}

fn item(label: &str, kind: u32, detail: &str, insert: &str) -> Value {
    json!({ "label": label, "kind": kind, "detail": detail, "insertText": insert })
}

fn completions(ws: &Workspace, text: &str, cursor: &Cursor) -> Vec<Value> {
    let Some(key) = cursor.value_key() else {
        // A key: those of the table the cursor is in.
        let Some(root) = text::kind_of(text).and_then(schema::root) else { return Vec::new() };
        let path = cursor.table_path();
        let names: Vec<&str> = path.iter().map(String::as_str).collect();
        let Some(table) = schema::table_at(root, &names) else { return Vec::new() };
        return table
            .keys
            .iter()
            .map(|k| {
                let mut value = item(k.name, 10, k.en, &format!("{} = ", k.name));
                if let Some(map) = value.as_object_mut() {
                    map.insert("documentation".into(), json!(schema::describe(k.vi, k.en)));
                }
                value
            })
            .collect();
    };
    let quote = |v: &str| if cursor.in_string() { v.to_owned() } else { format!("\"{v}\"") };
    let mut out = Vec::new();
    if AGENCY_KEYS.contains(&key.as_str()) {
        for decision in ws.decisions() {
            for agency in &decision.agencies {
                let name = &agency.name.value;
                out.push(item(&agency.id.value, 18, name, &quote(&agency.id.value)));
                out.push(item(name, 18, &agency.id.value, &quote(name)));
                for alias in &agency.aliases {
                    out.push(item(&alias.value, 18, name, &quote(&alias.value)));
                }
            }
        }
        return out;
    }
    if let Some(Ty::OneOf(names)) = key_type(text, cursor, &key) {
        return names.iter().map(|n| item(n, 20, "", &quote(n))).collect();
    }
    for doc in docs(ws) {
        match (key.as_str(), doc) {
            ("activity", Document::Plan(plan)) => {
                for a in &plan.activities {
                    let name = a.name.as_ref().map_or("", |n| n.value.as_str());
                    out.push(item(&a.id.value, 18, name, &quote(&a.id.value)));
                }
            }
            ("item", Document::Decision(decision)) => {
                for i in &decision.items {
                    let name = i.name.as_ref().map_or("", |n| n.value.as_str());
                    out.push(item(&i.id.value, 18, name, &quote(&i.id.value)));
                }
            }
            ("line", Document::Plan(plan)) => {
                for l in plan.budget.iter().flat_map(|b| b.lines.iter()) {
                    out.push(item(&l.id.value, 18, "", &quote(&l.id.value)));
                }
            }
            _ => {}
        }
    }
    out
}

fn key_type(text: &str, cursor: &Cursor, key: &str) -> Option<Ty> {
    let root = text::kind_of(text).and_then(schema::root)?;
    let path = cursor.table_path();
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    schema::table_at(root, &names)?.keys.iter().find(|k| k.name == key).map(|k| k.ty)
}

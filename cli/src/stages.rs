//! `byline stages`: the registry, as registered by the linked stage crates.

use byline_core::Layer;
use byline_core::registry::{self, StageRegistration};
use serde_json::{Value, json};

use crate::{Failure, StagesArgs, emit};

pub(crate) fn stages(args: &StagesArgs) -> Result<u8, Failure> {
    let all = registry::registrations();
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&registry_json()).unwrap_or_default()))?;
        return Ok(0);
    }
    let mut text = String::new();
    for (i, r) in all.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        describe(r, &mut text);
    }
    emit(&text)?;
    Ok(0)
}

/// The registry as `byline stages --json` prints it (`byline serve` answers
/// it on `GET /stages`).
pub(crate) fn registry_json() -> Value {
    registry::registrations()
        .iter()
        .map(|r| {
            json!({
                "name": r.name,
                "summary": r.summary,
                "needs": names(r.needs),
                "adds": names(r.adds),
                "options": r.option_docs(),
            })
        })
        .collect()
}

pub(crate) fn names(layers: &[Layer]) -> Vec<&str> {
    layers.iter().map(Layer::name).collect()
}

/// `a, b` or `–` for none.
pub(crate) fn layer_list(layers: &[Layer]) -> String {
    if layers.is_empty() { "–".to_owned() } else { names(layers).join(", ") }
}

fn describe(r: &StageRegistration, out: &mut String) {
    out.push_str(&format!("{}\n  {}\n", r.name, r.summary));
    out.push_str(&format!("  needs: {}\n  adds:  {}\n", layer_list(r.needs), layer_list(r.adds)));
    let options = r.option_docs();
    if options.is_empty() {
        out.push_str("  options: none\n");
        return;
    }
    out.push_str("  options:\n");
    for o in options {
        let default = o.default.map(|d| format!(" = {d}")).unwrap_or_default();
        out.push_str(&format!("    {} ({}){default}\n", o.name, o.ty));
        for line in wrap(&o.doc, 70) {
            out.push_str(&format!("        {line}\n"));
        }
    }
}

/// Greedy word wrap of a doc comment (which may span several lines).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

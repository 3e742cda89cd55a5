//! The documentation's examples work: every TOML pipeline in the README and
//! docs/pipeline.md, and every complete one (with a `[pipeline]` table) in the
//! stage pages, is a valid pipeline of the built-in stages.

use std::path::Path;

/// The fenced ```toml blocks of a Markdown file.
fn toml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, l) if l.starts_with("```toml") => current = Some(String::new()),
            (Some(_), l) if l.starts_with("```") => blocks.extend(current.take()),
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

#[test]
fn documented_pipelines_are_valid() {
    byline_cli::link_stage_crates();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut checked = 0;
    for file in
        ["README.md", "docs/pipeline.md", "docs/segment.md", "docs/entities.md", "docs/numbers.md", "docs/quotes.md"]
    {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else { continue };
        for block in toml_blocks(&text) {
            // Stage pages show single-stage snippets; only their complete
            // pipelines are checked. Lexicon files are not pipelines at all.
            let complete = block.contains("[pipeline]") || matches!(file, "README.md" | "docs/pipeline.md");
            if !block.contains("[[stage]]") || !complete {
                continue;
            }
            if let Err(e) = byline_core::Pipeline::from_toml(&block, file) {
                panic!("a pipeline in {file} is invalid:\n{e}\n---\n{block}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 2, "the README and docs/pipeline.md show pipelines");
}

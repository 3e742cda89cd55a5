//! `byline check FILE`: validate a pipeline and show its layer flow.

use byline_core::Pipeline;

use crate::stages::layer_list;
use crate::{CheckArgs, Failure};

pub(crate) fn check(args: &CheckArgs) -> Result<u8, Failure> {
    let pipeline = Pipeline::from_file(&args.file).map_err(|e| Failure::usage(e.to_string()))?;
    let flow = pipeline.layer_flow();
    let stages = if flow.len() == 1 { "1 stage".to_owned() } else { format!("{} stages", flow.len()) };
    println!("{}: pipeline `{}` is valid ({stages})", args.file.display(), pipeline.name());
    let width = flow.iter().map(|f| f.stage.len()).max().unwrap_or(0);
    for (i, f) in flow.iter().enumerate() {
        println!("  {}. {:<width$}  needs: {:<28} adds: {}", i + 1, f.stage, layer_list(&f.needs), layer_list(&f.adds));
    }
    println!("output layers: {}", layer_list(&pipeline.layers()));
    Ok(0)
}

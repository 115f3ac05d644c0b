//! The README's library example: build the default pipeline, extract one article.
//!
//! `cargo run -p dealwire --example quickstart`

use dealwire::{Article, Pipeline, PipelineError};

fn main() -> Result<(), PipelineError> {
    // Or Pipeline::from_file("pipelines/default.toml".as_ref())?
    let pipeline = Pipeline::builder().build()?;
    let article = Article::new(
        "a1",
        "Nvidia said it will invest $2 billion in Helios Compute, a cloud start-up.",
    );
    let extraction = pipeline.extract(&article);
    for r in &extraction.relations {
        let subject = &extraction.entities[r.subject].name;
        let object = &extraction.entities[r.object].name;
        let amount = r.amount.map(|a| extraction.amounts[a].value);
        println!(
            "{}({subject} -> {object}) {amount:?} {}",
            r.relation_type.as_str(),
            r.status.as_str()
        );
    }
    Ok(())
}

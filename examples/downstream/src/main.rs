//! Check a claim against a folder of articles with the `veracity` crate.
//! Usage: veracity-downstream-example [DIR] [CLAIM]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "../corpus".into());
    let claims: Vec<String> = args.collect();
    let corpus = veracity::ingest(&[dir.into()], &veracity::IngestOptions::default());
    let report = veracity::check(corpus, &claims, &veracity::CheckOptions::default())?;
    for (claim, verdict) in report.claims.iter().zip(&report.verdicts) {
        println!("{}\n  -> {} ({:.2})", claim.text, verdict.rating.label, verdict.confidence);
    }
    Ok(())
}

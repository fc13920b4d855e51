//! Command-line definitions (clap).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "veracity",
    version,
    about = "Evidence-based fact-checking of article collections",
    long_about = "veracity reads articles (HTML, plain text, JSON), finds claims and who made \
                  them, finds published fact-check verdicts, gathers evidence across the \
                  collection and rates each claim with its cited evidence.",
    after_help = "Exit status: 0 success, 1 a check failed, 2 an error.\n\
                  Data goes to stdout, diagnostics to stderr; `-` reads standard input."
)]
pub struct Cli {
    /// Load more rating scales from this JSON file (repeatable; see
    /// `veracity schema rating-scales`).
    #[arg(long = "scales", value_name = "FILE", global = true)]
    pub scale_files: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the JSON Schema of a data-model type.
    #[command(
        after_help = "Examples:\n  veracity schema            # list the types\n  \
                            veracity schema report     # print the report schema"
    )]
    Schema {
        /// The type: document, claim, verdict, report, rating-scales,
        /// plugin-manifest, plugin-request, plugin-response.
        #[arg(value_name = "TYPE")]
        kind: Option<String>,
    },

    /// Check JSON files against their schemas; print every error with its
    /// JSON path (exit 2 if any file is invalid).
    #[command(
        after_help = "Examples:\n  veracity validate examples/reports/desalination.json\n  \
                            veracity validate --type document docs.jsonl\n  \
                            cat report.json | veracity validate -"
    )]
    Validate {
        /// Files to check (`.json` or `.jsonl`; `-` for stdin).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// The type to check against; default: from each file's `$schema`
        /// field or its shape.
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
    },

    /// List the rating scales, or one scale's labels; resolve a published label.
    #[command(
        after_help = "Examples:\n  veracity scales\n  veracity scales politifact\n  \
                            veracity scales --label \"Pants on Fire\"\n  \
                            veracity scales averitec --label \"Conflicting Evidence/Cherrypicking\""
    )]
    Scales {
        /// A scale id (see the list).
        #[arg(value_name = "NAME")]
        name: Option<String>,
        /// Resolve this published label to its normalised value and class
        /// (exit 1 if no scale knows it).
        #[arg(long, value_name = "LABEL")]
        label: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },

    /// Evaluate a model on a labelled dataset.
    Eval {
        #[command(subcommand)]
        dataset: EvalDataset,
    },

    /// Find the claims in a collection (or take them from --claim/--claims),
    /// gather evidence for and against each, and rate them.
    #[command(after_help = "Examples:\n  veracity check examples/corpus\n  \
                      veracity check examples/corpus --format json -o report.json\n  \
                      veracity check DIR --claim \"The plant supplies 40% of the water\" --engine review\n  \
                      veracity check DIR --claims claims.txt --scale politifact --top-k 30\n\n\
                      Engines: evidence (weighs independent evidence; default), review (the rating of a \
                      matching published fact-check).")]
    Check(CheckCmd),
}

/// Arguments of `veracity check`.
#[derive(Args)]
pub struct CheckCmd {
    /// Files or directories to read (HTML, text, JSON documents; `-` for stdin).
    #[arg(value_name = "INPUTS", required = true)]
    pub inputs: Vec<PathBuf>,
    /// A claim to check (repeatable); without it, claims are found in the documents.
    #[arg(long, value_name = "TEXT")]
    pub claim: Vec<String>,
    /// A file of claims: one per line, or a JSON list of strings or claims.
    #[arg(long, value_name = "FILE")]
    pub claims: Option<PathBuf>,
    /// The verdict engine (`evidence`, `review`, or a registered plugin).
    #[arg(long, default_value = "evidence", value_name = "NAME")]
    pub engine: String,
    /// Report ratings on this scale (see `veracity scales`); default: the
    /// normalised `veracity` scale (published reviews keep their own label).
    #[arg(long, value_name = "NAME")]
    pub scale: Option<String>,
    /// Passages retrieved per claim.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top_k: usize,
    /// The most claims to find in the documents.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub max_claims: usize,
    /// Output format: summary (for people) or json (the report).
    #[arg(long, default_value = "summary", value_name = "FORMAT")]
    pub format: String,
    /// Write the output to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Evaluation datasets.
#[derive(Subcommand)]
pub enum EvalDataset {
    /// FNC-1 stance detection: score every (headline, body) pair with the
    /// built-in stance model; print the FNC-1 score, macro-F1, per-class F1,
    /// the confusion matrix and pairs/second.
    #[command(
        after_help = "Examples:\n  veracity eval fnc1 --bodies test_bodies.csv --stances test_stances.csv\n  \
                            veracity eval fnc1 --bodies b.csv --stances s.csv --predictions pred.csv\n\n\
                            The stances file needs `Headline` and `Body ID` columns; with a `Stance`\n\
                            column (agree, disagree, discuss, unrelated) the figures are printed."
    )]
    Fnc1 {
        /// Bodies CSV: `Body ID,articleBody`.
        #[arg(long, value_name = "FILE")]
        bodies: PathBuf,
        /// Stances CSV: `Headline,Body ID[,Stance]`.
        #[arg(long, value_name = "FILE")]
        stances: PathBuf,
        /// Write one prediction per pair (with the class probabilities) to
        /// this CSV, atomically.
        #[arg(long, value_name = "FILE")]
        predictions: Option<PathBuf>,
    },
}

/// Output of listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned text for people.
    Text,
    /// JSON for programs.
    Json,
}

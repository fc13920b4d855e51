//! Command-line definitions (clap).

use clap::{Parser, Subcommand, ValueEnum};
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

    /// Parse articles (HTML, plain text, JSON, JSON Lines, gzip of any) into
    /// Documents: boilerplate removed, multi-post pages split, metadata,
    /// sentences, quotes with speakers and published reviews.
    #[command(
        after_help = "Inputs: files, directories (read recursively) and `-` for stdin; \
                            the format is sniffed from the content.\n\
                            Empty, binary, non-UTF-8 and oversized files are skipped with a \
                            warning (fatal with --strict); malformed JSON and invalid \
                            documents are errors (exit 2) but the rest is still written.\n\n\
                            Examples:\n  veracity ingest examples/corpus\n  \
                            veracity ingest --format jsonl -o docs.jsonl pages/ extra.txt.gz\n  \
                            curl -s URL | veracity ingest -\n  \
                            veracity ingest --strict --max-size 5000000 scrapes/"
    )]
    Ingest {
        /// Files, directories or `-` (stdin).
        #[arg(value_name = "INPUT", required = true)]
        inputs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DocFormat::Json)]
        format: DocFormat,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Parse this many files at once (default: the number of CPUs).
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Skip inputs larger than this many bytes (before and after gzip).
        #[arg(long, value_name = "BYTES", default_value_t = veracity_parse::DEFAULT_MAX_SIZE)]
        max_size: u64,
        /// Treat any skipped input (empty, binary, not UTF-8, too large) as
        /// an error: exit 2 and write nothing.
        #[arg(long)]
        strict: bool,
    },
}

/// Output of commands that print documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    /// One JSON array.
    Json,
    /// JSON Lines: one document per line.
    Jsonl,
}

/// Output of listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned text for people.
    Text,
    /// JSON for programs.
    Json,
}

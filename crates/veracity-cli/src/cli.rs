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
    after_help = "Exit status: 0 every input used and every check passed; 1 a check failed \
                  (an invalid file for `validate`, an unknown label for `scales --label`); \
                  2 an input or usage error (with --keep-going, after writing what could be read); \
                  3 a plugin ended the process.\n\
                  Data goes to stdout, diagnostics to stderr; `-` reads standard input."
)]
pub struct Cli {
    /// Load more rating scales from this JSON file (repeatable; see
    /// `veracity schema rating-scales`).
    #[arg(long = "scales", value_name = "FILE", global = true)]
    pub scale_files: Vec<PathBuf>,

    /// Load a plugin file, or every plugin in a directory (repeatable; also
    /// `VERACITY_PLUGIN_PATH` and ~/.config/veracity/plugins; see
    /// docs/plugins.md).
    #[arg(long = "plugin", value_name = "PATH", global = true)]
    pub plugins: Vec<PathBuf>,

    /// Run each plugin in a child process, so that a plugin that crashes ends
    /// with an error instead of taking veracity down.
    #[arg(long, global = true)]
    pub isolate: bool,

    /// The longest wait, in seconds, for a plugin to load or to answer one
    /// call (default 60); a plugin that takes longer is stopped and the
    /// command fails naming it. Only a child process can be stopped, so this
    /// flag implies --isolate.
    #[arg(long, global = true, value_name = "SECS")]
    pub plugin_timeout: Option<f64>,

    /// The largest plugin response accepted, in bytes (default 64 MiB); a
    /// larger one is an error naming the plugin.
    #[arg(long, global = true, value_name = "BYTES",
          default_value_t = veracity_plugin::host::DEFAULT_MAX_RESPONSE)]
    pub plugin_max_response: u64,

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
        /// plugin-manifest, plugin-request, plugin-response, and the files
        /// of a sharded check: shard-stats, shard-claims, claim-set,
        /// shard-candidates.
        #[arg(value_name = "TYPE")]
        kind: Option<String>,
    },

    /// Check JSON files against their schemas, and ClaimReview markup
    /// against Google's required and recommended properties; print every
    /// error (and warning) with its JSON path (exit 1 if any file is
    /// invalid, 2 if one cannot be read).
    #[command(
        after_help = "Examples:\n  veracity validate examples/reports/desalination.json\n  \
                            veracity validate --type document docs.jsonl\n  \
                            veracity validate claimreview.jsonld\n  \
                            cat report.json | veracity validate -"
    )]
    Validate {
        /// Files to check (`.json` or `.jsonl`; `-` for stdin).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// The type to check against (a `veracity schema` type, or
        /// `claimreview`); default: from each file's `$schema` field, its
        /// ClaimReview `@type`, or its shape.
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
    },

    /// Render a report as JSON, JSON Lines, ClaimReview, Markdown, HTML or CSV
    /// (the report is validated first; exit 2 if it is invalid).
    #[command(after_help = render_help())]
    Render {
        /// The report to render (`-` for stdin), as written by `veracity check`.
        #[arg(value_name = "REPORT")]
        report: PathBuf,
        /// Output format (see the list below); default: from the extension of
        /// `-o`.
        #[arg(short, long, value_name = "FORMAT")]
        format: Option<String>,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        options: FormatArgs,
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
                            An input that cannot be used (missing, empty, binary, too large, \
                            malformed) stops the command before anything is \
                            written (exit 2); with --keep-going the rest is written and the \
                            exit status is still 2.\n\n\
                            Examples:\n  veracity ingest examples/corpus\n  \
                            veracity ingest --format jsonl -o docs.jsonl pages/ extra.txt.gz\n  \
                            curl -s URL | veracity ingest -\n  \
                            veracity ingest --keep-going --max-size 5000000 scrapes/"
    )]
    Ingest {
        /// Files, directories or `-` (stdin).
        #[arg(value_name = "INPUT", required = true)]
        inputs: Vec<PathBuf>,
        /// Output format; default: from the extension of `-o` (`.jsonl`),
        /// else json.
        #[arg(long, value_enum)]
        format: Option<DocFormat>,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        batch: BatchArgs,
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

    /// Build a persistent evidence index from articles (or add to one), for
    /// `veracity check --index`: the collection is parsed and indexed once,
    /// and each check reads the index instead.
    #[command(
        after_help = "A file indexed again (with --append) replaces the documents it \
                      gave before. Nothing is visible until the index is committed at the \
                      end: a build that is stopped or fails leaves the index as it was.\n\
                      Inputs are read as by `veracity check` (exit 2 if one cannot be used, \
                      and nothing is written, unless --keep-going), 2,000 files at a time, \
                      so a build's memory does not grow with the corpus.\n\n\
                      Examples:\n  veracity index examples/corpus -o corpus.idx\n  \
                      veracity index new-articles/ -o corpus.idx --append\n  \
                      veracity index --stats corpus.idx\n  \
                      veracity check --index corpus.idx --claim \"The plant supplies 40% of the water\""
    )]
    Index(IndexCmd),

    /// Scatter-gather, round 1: the BM25 statistics of one shard of a
    /// collection, or (--merge) the sum of several shards' statistics.
    #[command(after_help = SCATTER_HELP)]
    Stats(StatsCmd),

    /// Scatter-gather, round 2 (claims found, not given): the candidate
    /// claims of one shard, or (--merge) the claims of the whole collection
    /// from every shard's candidates, in shard order.
    #[command(after_help = SCATTER_HELP)]
    Claims(ClaimsCmd),

    /// Scatter-gather, round 3: what one shard finds for each claim (its
    /// appearances, its top passages with their scores under the global
    /// statistics and their stance) and the shard's documents.
    #[command(after_help = SCATTER_HELP)]
    Candidates(CandidatesCmd),

    /// Scatter-gather, round 4: the report of the whole collection from
    /// every shard's candidates, in shard order; the same report `veracity
    /// check` gives on the whole collection.
    #[command(after_help = SCATTER_HELP)]
    Merge(MergeCmd),

    /// List and try plugins (format plugins and verdict engines).
    #[command(
        subcommand,
        after_help = "Examples:\n  veracity plugins list --plugin target/release/libveracity_plugin_bulletin.so\n  \
                            veracity plugins call bulletin request.json --plugin ./libbulletin.so"
    )]
    Plugins(PluginsCommand),

    /// Serve one plugin over standard input and output (used by `--isolate`).
    #[command(hide = true)]
    PluginHost {
        /// The plugin file.
        #[arg(value_name = "PATH")]
        path: PathBuf,
    },

    /// Evaluate a model on a labelled dataset.
    Eval {
        #[command(subcommand)]
        dataset: EvalDataset,
    },
}

#[derive(Subcommand)]
pub enum PluginsCommand {
    /// List the plugins found: name, kind, version, ABI, schema version, path.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },

    /// Send one plugin request (JSON, see `veracity schema plugin-request`)
    /// to a plugin and print its checked result: the rendered text of a
    /// format plugin, the verdict JSON of a verdict plugin.
    Call {
        /// The plugin's name.
        #[arg(value_name = "NAME")]
        name: String,
        /// The request file (`-` for stdin).
        #[arg(value_name = "REQUEST")]
        request: PathBuf,
        /// Write the result to this file (atomically) instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
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
    /// Climate-FEVER claim verification: label each claim from its five
    /// evidence sentences with the evidence engine's scoring; print
    /// claim-level accuracy and macro-F1, the confusion matrix and
    /// evidence-level stance accuracy, for all claims and for the odd half
    /// (the claims not used to choose the shipped thresholds).
    #[command(
        after_help = "Examples:\n  veracity eval climate-fever --data climate-fever-dev.jsonl\n  \
                            veracity eval climate-fever --data dev.jsonl --predictions pred.jsonl\n\n\
                            The file is JSON Lines: {claim_id, claim, claim_label, evidences: [{evidence_id,\n\
                            evidence_label, article, evidence}]}, as Climate-FEVER publishes it."
    )]
    ClimateFever {
        /// The Climate-FEVER JSONL file.
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// Write one prediction per claim (with each evidence sentence's
        /// stance probabilities) to this JSONL file, atomically.
        #[arg(long, value_name = "FILE")]
        predictions: Option<PathBuf>,
    },
    /// Emergent rumour verification, end to end: `check` each claim's folder
    /// of articles with the claim given, map the verdict (true, mostly true
    /// -> true; false, mostly false -> false; mixed, unverified -> unknown)
    /// and print accuracy, macro-F1, the confusion matrix and calibration
    /// (expected calibration error and a reliability table).
    #[command(
        after_help = "Examples:\n  veracity eval emergent --data ../shared/data/emergent\n  \
                            veracity eval emergent --data DIR --predictions pred.jsonl\n\n\
                            DIR holds labels.jsonl ({claim_id, claim, truth}), articles.jsonl and\n\
                            claims/<claim_id>/ with one article per file."
    )]
    Emergent {
        /// The Emergent folder.
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Refuse articles larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = veracity_parse::DEFAULT_MAX_SIZE)]
        max_size: u64,
        /// Write one prediction per claim (class, value, confidence,
        /// explanation) to this JSONL file, atomically.
        #[arg(long, value_name = "FILE")]
        predictions: Option<PathBuf>,
    },
}

/// Arguments of `veracity index`.
#[derive(Args)]
pub struct IndexCmd {
    /// Files or directories to index (HTML, text, JSON documents; `-` for stdin).
    #[arg(value_name = "INPUTS", required_unless_present = "stats")]
    pub inputs: Vec<PathBuf>,
    /// The index folder (new and empty, or an index with --append).
    #[arg(
        short = 'o',
        long = "output",
        value_name = "INDEX",
        required_unless_present = "stats"
    )]
    pub output: Option<PathBuf>,
    /// Add to the index in -o; files indexed again replace their earlier documents.
    #[arg(long)]
    pub append: bool,
    /// Print what the index in INDEX holds (documents, passages, terms,
    /// size) and nothing else.
    #[arg(long, value_name = "INDEX", conflicts_with_all = ["inputs", "output", "append"])]
    pub stats: Option<PathBuf>,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// The scatter-gather commands' help epilogue.
const SCATTER_HELP: &str = "A sharded check (docs/scale-out.md) gives the report of `veracity check` \
     on the whole collection; shards are given in collection order (the order `check` reads \
     the whole: shard-00/, shard-01/, ...) and a document must be in one shard only.\n\n\
     Example (claims found in the documents):\n  \
     veracity stats shard-0 -o s0.json;  veracity stats shard-1 -o s1.json\n  \
     veracity stats --merge s0.json s1.json -o stats.json\n  \
     veracity claims shard-0 -o k0.json;  veracity claims shard-1 -o k1.json\n  \
     veracity claims --merge k0.json k1.json -o claims.json\n  \
     veracity candidates shard-0 --global-stats stats.json --claims claims.json -o c0.json\n  \
     veracity candidates shard-1 --global-stats stats.json --claims claims.json -o c1.json\n  \
     veracity merge c0.json c1.json --format json -o report.json\n\n\
     With given claims, skip the claims round: candidates --claim TEXT (or --claims FILE of texts).";

/// Arguments of `veracity stats`.
#[derive(Args)]
pub struct StatsCmd {
    /// The shard's files or directories; with --merge, statistics files.
    #[arg(value_name = "INPUTS", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Sum statistics files (of shards, or of groups of shards) instead of
    /// reading documents.
    #[arg(long)]
    pub merge: bool,
    /// Write the statistics (JSON, `veracity schema shard-stats`) to this file.
    #[arg(short = 'o', long = "output", value_name = "FILE", required = true)]
    pub output: PathBuf,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// Arguments of `veracity claims`.
#[derive(Args)]
pub struct ClaimsCmd {
    /// The shard's files or directories; with --merge, every shard's
    /// candidate-claims file, in shard order.
    #[arg(value_name = "INPUTS", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Merge the shards' candidate claims into the claims to check (a
    /// claim-set file for `veracity candidates --claims`).
    #[arg(long)]
    pub merge: bool,
    /// With --merge: the most claims to keep (as `check --limit`).
    #[arg(long = "limit", default_value_t = 10, value_name = "N", value_parser = at_least_one,
          requires = "merge")]
    pub max_claims: usize,
    /// With --merge: keep every claim found (as `check --all`).
    #[arg(long, conflicts_with = "max_claims", requires = "merge")]
    pub all: bool,
    /// Write the output (JSON) to this file.
    #[arg(short = 'o', long = "output", value_name = "FILE", required = true)]
    pub output: PathBuf,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// Arguments of `veracity candidates`.
#[derive(Args)]
pub struct CandidatesCmd {
    /// The shard's files or directories.
    #[arg(value_name = "INPUTS", required = true)]
    pub inputs: Vec<PathBuf>,
    /// The whole collection's statistics (`veracity stats --merge`).
    #[arg(long, value_name = "FILE")]
    pub global_stats: PathBuf,
    /// A claim to check (repeatable).
    #[arg(long, value_name = "TEXT", value_parser = non_blank)]
    pub claim: Vec<String>,
    /// The claims: a claim-set file (`veracity claims --merge`), whole
    /// claims kept; or, as for `check --claims`, texts one per line or a
    /// JSON list.
    #[arg(long, value_name = "FILE")]
    pub claims: Option<PathBuf>,
    /// Passages retrieved per claim (as `check --top-k`).
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = at_least_one)]
    pub top_k: usize,
    /// Write the candidates (JSON, `veracity schema shard-candidates`) to this file.
    #[arg(short = 'o', long = "output", value_name = "FILE", required = true)]
    pub output: PathBuf,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// Arguments of `veracity merge`.
#[derive(Args)]
pub struct MergeCmd {
    /// Every shard's candidates file, in shard order.
    #[arg(value_name = "CANDIDATES", required = true)]
    pub candidates: Vec<PathBuf>,
    #[command(flatten)]
    pub verdicts: VerdictArgs,
}

/// How `check` and `merge` rate claims and write the result.
#[derive(Args)]
pub struct VerdictArgs {
    /// The verdict engine (`evidence`, `review`, or a registered plugin).
    #[arg(long, default_value = "evidence", value_name = "NAME")]
    pub engine: String,
    /// Report ratings on this scale (see `veracity scales`); default: the
    /// normalised `veracity` scale (published reviews keep their own label).
    #[arg(long, value_name = "NAME")]
    pub scale: Option<String>,
    /// Wrap the summary at N columns (default: the terminal's width on a
    /// terminal; no wrapping into a pipe or file).
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub width: Option<usize>,
    /// Output format: summary (for people), or any report format of
    /// `veracity render` (json, jsonl, claimreview, markdown, html, csv, or
    /// a format plugin); default: from the extension of `-o` (.json,
    /// .jsonl, .jsonld, .md, .html, .csv), else summary.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Write the output to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub publish: PublishArgs,
    /// An option `KEY=VALUE` for a verdict plugin (repeatable), sent in the
    /// `options` of each request; the built-in engines take none.
    #[arg(long = "engine-option", value_name = "KEY=VALUE")]
    pub engine_option: Vec<String>,
}

/// Arguments of `veracity check`.
#[derive(Args)]
pub struct CheckCmd {
    /// Files or directories to read (HTML, text, JSON documents; `-` for stdin).
    #[arg(value_name = "INPUTS", required_unless_present = "index")]
    pub inputs: Vec<PathBuf>,
    /// Check against this index (built by `veracity index`) instead of
    /// reading INPUTS.
    #[arg(long, value_name = "INDEX", conflicts_with = "inputs")]
    pub index: Option<PathBuf>,
    /// A claim to check (repeatable); without it, claims are found in the documents.
    #[arg(long, value_name = "TEXT", value_parser = non_blank)]
    pub claim: Vec<String>,
    /// A file of claims: one per line, a JSON list of strings or claims
    /// (their texts), or a claim set from `veracity claims --merge` (whole
    /// claims, as a sharded check takes them).
    #[arg(long, value_name = "FILE")]
    pub claims: Option<PathBuf>,
    /// Passages retrieved per claim (at least 1).
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = at_least_one)]
    pub top_k: usize,
    /// The most claims to find in the documents (at least 1); when more
    /// are found, the output says how many (past a thousand, or in a large
    /// collection, "more than" a count). `--max-claims` is an old name.
    #[arg(long = "limit", alias = "max-claims", default_value_t = 10, value_name = "N",
          value_parser = at_least_one)]
    pub max_claims: usize,
    /// Check every claim found in the documents, however many.
    #[arg(long, conflicts_with = "max_claims")]
    pub all: bool,
    #[command(flatten)]
    pub verdicts: VerdictArgs,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// How a command reads a batch of inputs: shared by `check` and `ingest`.
#[derive(Debug, Clone, clap::Args)]
pub struct BatchArgs {
    /// Threads that parse the inputs (default: one per core).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Refuse inputs larger than this many bytes (before and after gzip);
    /// JSON Lines files over it are read record by record instead, each
    /// record at most this size.
    #[arg(long, value_name = "BYTES", default_value_t = veracity_parse::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
    /// When an input cannot be used, go on with the rest and write the
    /// output, then exit 2; without it the command stops before writing.
    #[arg(long)]
    pub keep_going: bool,
}

/// A flag value that must hold some text.
fn non_blank(value: &str) -> Result<String, String> {
    if value.trim().is_empty() {
        Err("the claim is blank; give the claim's text".to_owned())
    } else {
        Ok(value.to_owned())
    }
}

/// A count that must be at least 1.
fn at_least_one(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// Who publishes a report and the format options: shared by `render` and
/// `check`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PublishArgs {
    /// The organisation publishing the output (ClaimReview author); default
    /// `veracity`.
    #[arg(long, value_name = "NAME")]
    pub publisher: Option<String>,
    /// The publisher's web site (http or https): ClaimReview author URL,
    /// and the page each review's url points into (URL#CLAIM_ID) unless
    /// `-O base_url=` is given; required for claimreview.
    #[arg(long, value_name = "URL")]
    pub publisher_url: Option<String>,
    /// The date the reviews are published (ClaimReview datePublished);
    /// default: today (UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::review_date::parse)]
    pub review_date: Option<String>,
    /// A format option `KEY=VALUE` (repeatable), e.g. `base_url=https://...`
    /// for claimreview or `title=...` for markdown and html.
    #[arg(short = 'O', long = "option", value_name = "KEY=VALUE")]
    pub option: Vec<String>,
}

/// Options every output format understands: the publishing flags and the
/// scale verdicts are shown on (`check` has its own `--scale`, for the
/// verdicts themselves).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FormatArgs {
    #[command(flatten)]
    pub publish: PublishArgs,
    /// Show verdicts on this rating scale (see `veracity scales`).
    #[arg(long, value_name = "SCALE")]
    pub scale: Option<String>,
}

/// The `render` help epilogue: every built-in format and examples.
fn render_help() -> String {
    let mut help = String::from("Formats:\n");
    help.push_str(&veracity_format::FormatRegistry::builtin().help_text());
    help.push_str(
        "\nExamples:\n  \
         veracity render examples/reports/desalination.json --format markdown\n  \
         veracity render examples/reports/desalination.json -o report.html\n  \
         veracity render report.json --format claimreview --publisher \"Harbor Fact Desk\" \\\n    \
         --publisher-url https://harborfactdesk.example.org/checks/1 --review-date 2026-03-07\n  \
         veracity render report.json --format csv --scale politifact -o evidence.csv",
    );
    help
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

//! Every command the README shows runs as written from a fresh clone.
//!
//! The test reads README.md's ```sh blocks and runs each `veracity ...`
//! command with the built binary, in order, in a scratch folder that sees
//! the repository's `examples/` (so outputs such as `-o report.json` land
//! there and later commands can read them). Conventions the README follows:
//!
//! - `cargo ...` lines are not run, except that `cargo build ... -p PLUGIN`
//!   builds those plugin packages (a debug build) and every
//!   `target/release/LIBRARY` path then names the library built here;
//! - `export NAME=VALUE` sets the variable for the commands after it;
//! - a command exits 0 unless its comment starts with `# exits N`;
//! - a block right after the line `<!-- readme-test: skip -->` is not run
//!   (for commands that need the network or data the repository does not
//!   ship; none do today);
//! - an upper-case placeholder (`DIR`, `FILE`, `TEXT`, ...) left in a
//!   command fails the test: name a shipped example file instead.

mod common;

use common::{build_plugin, root};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const SKIP_MARK: &str = "<!-- readme-test: skip -->";

/// One shell line of the README, split into words, with its comment.
#[derive(Debug)]
struct Line {
    words: Vec<String>,
    comment: String,
}

/// The ```sh blocks of a Markdown text, each as its source lines, without
/// those after the skip mark.
fn sh_blocks(markdown: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<String>> = None;
    let mut previous = "";
    let mut skip = false;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim_start().starts_with("```sh") => {
                skip = previous.trim() == SKIP_MARK;
                current = Some(Vec::new());
            }
            Some(block) if line.trim_start().starts_with("```") => {
                let block = std::mem::take(block);
                if !skip {
                    blocks.push(block);
                }
                current = None;
            }
            Some(block) => block.push(line.to_owned()),
            None => {}
        }
        previous = line;
    }
    blocks
}

/// Splits one logical shell line (continuations already joined) into
/// words, honouring single and double quotes and backslashes, and cuts
/// the `#` comment off.
fn split_words(line: &str) -> Line {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    let mut comment = String::new();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    word.push(q);
                }
            }
            '"' => {
                in_word = true;
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => word.extend(chars.next()),
                        _ => word.push(q),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.extend(chars.next());
            }
            '#' if !in_word => {
                comment = chars.collect::<String>().trim().to_owned();
                break;
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Line { words, comment }
}

/// The logical lines of a block: `\`-continued lines joined, blank lines
/// and comment-only lines dropped.
fn logical_lines(block: &[String]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut pending = String::new();
    for raw in block {
        let trimmed = raw.trim_end();
        if let Some(head) = trimmed.strip_suffix('\\') {
            pending.push_str(head);
            pending.push(' ');
            continue;
        }
        pending.push_str(trimmed);
        let line = split_words(&std::mem::take(&mut pending));
        if !line.words.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// A word that looks like a placeholder the reader must fill in.
fn is_placeholder(word: &str) -> bool {
    let stem = word.trim_end_matches("...");
    stem.len() >= 3 && stem.chars().all(|c| c.is_ascii_uppercase() || c == '_')
}

/// The expected exit status: 0, or N from a `# exits N` comment.
fn expected_status(comment: &str) -> i32 {
    comment
        .strip_prefix("exits ")
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Runs the README's commands in order; `libraries` maps a plugin
/// library's file name to where it was built.
struct Runner {
    scratch: PathBuf,
    env: BTreeMap<String, String>,
    libraries: BTreeMap<String, PathBuf>,
    ran: usize,
}

impl Runner {
    /// `target/release/libX.so` → the library built for this test.
    fn resolve(&self, word: &str) -> String {
        match word.strip_prefix("target/release/") {
            Some(file) => self.libraries.get(file).map_or_else(
                || panic!("README names {word}, which no `cargo build -p` line of it builds"),
                |p| p.display().to_string(),
            ),
            None => word.to_owned(),
        }
    }

    fn line(&mut self, line: &Line) {
        let command = line.words.join(" ");
        match line.words[0].as_str() {
            "cargo" => {
                if line.words.get(1).is_some_and(|w| w == "build") {
                    self.build(&line.words);
                }
            }
            "export" => {
                let (name, value) = line.words[1]
                    .split_once('=')
                    .unwrap_or_else(|| panic!("README: `{command}` is not NAME=VALUE"));
                let value = self.resolve(value);
                self.env.insert(name.to_owned(), value);
            }
            "veracity" => self.veracity(line, &command),
            other => panic!(
                "README runs `{other}`, which this test does not know; run `veracity` or \
                 `cargo`, or mark the block with {SKIP_MARK}"
            ),
        }
    }

    fn build(&mut self, words: &[String]) {
        for package in words.windows(2).filter(|w| w[0] == "-p").map(|w| &w[1]) {
            let library = build_plugin(package);
            let name = library.file_name().unwrap().to_string_lossy().into_owned();
            self.libraries.insert(name, library);
        }
    }

    fn veracity(&mut self, line: &Line, command: &str) {
        let args: Vec<String> = line.words[1..].iter().map(|w| self.resolve(w)).collect();
        if let Some(p) = line.words.iter().find(|w| is_placeholder(w)) {
            panic!(
                "README command `{command}` has the placeholder {p}; name a shipped example file"
            );
        }
        let out = Command::new(env!("CARGO_BIN_EXE_veracity"))
            .args(&args)
            .current_dir(&self.scratch)
            .env_remove("VERACITY_PLUGIN_PATH")
            .env_remove("NO_COLOR")
            .env("XDG_CONFIG_HOME", self.scratch.join("no-config"))
            .envs(&self.env)
            .output()
            .expect("the veracity binary starts");
        let expected = expected_status(&line.comment);
        assert_eq!(
            out.status.code(),
            Some(expected),
            "README command `{command}` exited {:?}, expected {expected}:\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        self.ran += 1;
    }
}

/// A scratch folder that sees the repository's example files.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    link(&root().join("examples"), &dir.path().join("examples"));
    dir
}

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target.canonicalize().unwrap(), at).unwrap();
}

#[cfg(not(unix))]
fn link(target: &Path, at: &Path) {
    std::os::windows::fs::symlink_dir(target.canonicalize().unwrap(), at).unwrap();
}

#[test]
fn every_readme_command_runs_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let dir = scratch();
    let mut runner = Runner {
        scratch: dir.path().to_owned(),
        env: BTreeMap::new(),
        libraries: BTreeMap::new(),
        ran: 0,
    };
    for block in sh_blocks(&readme) {
        for line in logical_lines(&block) {
            runner.line(&line);
        }
    }
    // The README shows the CLI; a test that ran nothing would prove nothing.
    assert!(runner.ran >= 20, "only {} commands ran", runner.ran);
    assert!(dir.path().join("report.html").is_file());
    assert!(dir.path().join("claimreview.jsonld").is_file());
}

#[test]
fn the_shell_reader_splits_quotes_comments_and_continuations() {
    let block = [
        r#"veracity check DIR --claim "It's 40%" \"#.to_owned(),
        "    --scale politifact   # a comment".to_owned(),
        String::new(),
        "veracity scales --label 'Pants on Fire' # exits 1".to_owned(),
    ];
    let lines = logical_lines(&block);
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0].words,
        [
            "veracity",
            "check",
            "DIR",
            "--claim",
            "It's 40%",
            "--scale",
            "politifact"
        ]
    );
    assert_eq!(lines[0].comment, "a comment");
    assert_eq!(lines[1].words[3], "Pants on Fire");
    assert_eq!(expected_status(&lines[1].comment), 1);
    assert!(is_placeholder("DIR") && is_placeholder("FILE...") && !is_placeholder("-o"));
    let md = format!("```sh\nveracity a\n```\n{SKIP_MARK}\n```sh\nveracity b\n```\n");
    assert_eq!(sh_blocks(&md), [["veracity a".to_owned()]]);
}

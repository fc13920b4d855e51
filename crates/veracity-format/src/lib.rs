//! Output formats for veracity reports: [`Report`] → bytes.
//!
//! Every format, built-in or loaded from a plugin, implements [`Format`] and
//! lives in a [`FormatRegistry`] under its name. The built-ins are:
//!
//! | name          | output                                                        |
//! | ------------- | ------------------------------------------------------------- |
//! | `json`        | the report itself, pretty-printed (schema-valid)              |
//! | `jsonl`       | one JSON line per verdict, with its claim and cited documents |
//! | `claimreview` | schema.org ClaimReview JSON-LD, one per verdict               |
//! | `markdown`    | a report for code-hosting sites                               |
//! | `html`        | one self-contained, script-free HTML page                     |
//! | `csv`         | one RFC 4180 row per evidence item                            |
//!
//! Rendering is a pure function of the report and the [`FormatOptions`]: no
//! clock, no environment, no network, so the same input gives byte-identical
//! output. The library never prints.
//!
//! ```
//! use veracity_format::{FormatOptions, FormatRegistry};
//! use veracity_model::Report;
//!
//! let report = Report::new("veracity", "0.1.0");
//! let registry = FormatRegistry::builtin();
//! let bytes = registry.render("csv", &report, &FormatOptions::default()).unwrap();
//! assert!(bytes.starts_with(b"claim_id,claim,"));
//! ```

#![deny(missing_docs)]

mod formats;
pub mod reader;
mod shared;

use std::borrow::Cow;
use std::collections::BTreeMap;
use veracity_model::{RatingScale, Report};

pub use formats::{
    ClaimReviewFormat, CsvFormat, HtmlFormat, JsonDocuments, JsonFormat, JsonReportWriter,
    JsonlFormat, MarkdownFormat,
};

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    /// No format has this name.
    #[error("unknown format `{name}`; choose one of: {known}")]
    UnknownFormat {
        /// The name asked for.
        name: String,
        /// The registered names, comma-separated.
        known: String,
    },
    /// A format with this name is already registered.
    #[error("a format named `{name}` is already registered; choose another name")]
    Duplicate {
        /// The name registered twice.
        name: String,
    },
    /// A format name that cannot be typed on a command line.
    #[error("format name `{name}` is invalid: use lowercase letters, digits, `-` and `_`")]
    InvalidName {
        /// The refused name.
        name: String,
    },
    /// An option the format does not know, or a value it cannot use.
    #[error("format `{format}`: option `{key}`: {message}")]
    InvalidOption {
        /// The format that refused the option.
        format: String,
        /// The option key.
        key: String,
        /// What is wrong and what to do.
        message: String,
    },
    /// Writing the report (or a spill file of it) failed.
    #[error("format `{format}`: cannot write the report: {source}")]
    Io {
        /// The format that failed.
        format: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// Serialising to JSON failed.
    #[error("format `{format}`: cannot serialise the report: {source}")]
    Json {
        /// The format that failed.
        format: String,
        /// The serde_json error.
        #[source]
        source: serde_json::Error,
    },
    /// Any other failure of a format (plugins report theirs here).
    #[error("format `{format}` failed: {message}")]
    Failed {
        /// The format that failed.
        format: String,
        /// What went wrong.
        message: String,
    },
}

/// Options shared by all formats. Formats ignore the fields they do not use.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormatOptions {
    /// The organisation publishing the output (ClaimReview `author`, report
    /// footers); default `veracity`.
    pub publisher: Option<String>,
    /// The publisher's web site (ClaimReview `author.url`, and the base of
    /// each review's `url` unless the format's `base_url` option is set).
    pub publisher_url: Option<String>,
    /// The date the reviews are published (`YYYY-MM-DD`; ClaimReview
    /// `datePublished`). Formats never read the clock: the caller passes
    /// the run's date (the CLI's `--review-date`, today by default).
    pub review_date: Option<String>,
    /// Show verdict ratings on this scale instead of the one they were
    /// computed on (the normalised value is kept; label and class follow the
    /// scale).
    pub scale: Option<RatingScale>,
    /// Free-form `key=value` options (`--option`); each format documents the
    /// keys it reads (see [`Format::option_keys`]) and refuses others.
    pub extra: BTreeMap<String, String>,
}

impl FormatOptions {
    /// A free-form option's value.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.extra.get(key).map(String::as_str)
    }

    /// The publisher name, `veracity` when not set.
    pub fn publisher_name(&self) -> &str {
        self.publisher
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .unwrap_or("veracity")
    }

    /// The report with every verdict's rating re-expressed on
    /// [`FormatOptions::scale`], or the report itself when no scale is set.
    pub fn report_on_scale<'r>(&self, report: &'r Report) -> Cow<'r, Report> {
        let Some(scale) = &self.scale else {
            return Cow::Borrowed(report);
        };
        let mut owned = report.clone();
        for verdict in &mut owned.verdicts {
            rate_on(scale, verdict);
        }
        Cow::Owned(owned)
    }

    /// `verdict` with its rating re-expressed on [`FormatOptions::scale`]
    /// (unchanged when no scale is set): what [`FormatOptions::report_on_scale`]
    /// does to each verdict, for a report written verdict by verdict.
    pub fn verdict_on_scale(&self, verdict: &mut veracity_model::Verdict) {
        if let Some(scale) = &self.scale {
            rate_on(scale, verdict);
        }
    }
}

/// Re-expresses `verdict`'s rating on `scale`, keeping its normalised value.
fn rate_on(scale: &RatingScale, verdict: &mut veracity_model::Verdict) {
    let value = match verdict.rating.class {
        veracity_model::RatingClass::Unverified => None,
        _ => verdict.rating.value,
    };
    verdict.rating = scale.rate_value(value);
}

/// A free-form option key a format reads, for help texts and checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionKey {
    /// The key (`base_url`).
    pub key: &'static str,
    /// What it does.
    pub description: &'static str,
}

/// An output format: turns a report into bytes.
///
/// Implementations must be deterministic (no clock, no randomness, stable
/// ordering) and must not print. External formats (plugins) implement this
/// trait too and are added with [`FormatRegistry::register`].
pub trait Format: Send + Sync {
    /// The name users pass to `--format` (`markdown`).
    fn name(&self) -> &str;
    /// One line on what the format produces.
    fn description(&self) -> &str;
    /// The media type of the output (`text/markdown; charset=utf-8`).
    fn media_type(&self) -> &str;
    /// The usual file extension, without the dot (`md`).
    fn extension(&self) -> &str;
    /// The free-form option keys the format reads. `None` means the format
    /// accepts any key (e.g. a plugin that checks its own options).
    fn option_keys(&self) -> Option<&[OptionKey]> {
        None
    }
    /// Checks that the options are usable (values well formed, required
    /// ones present) before any work is done; [`check_options`] calls it.
    fn check_values(&self, _options: &FormatOptions) -> Result<(), FormatError> {
        Ok(())
    }
    /// Renders the report. Called through [`FormatRegistry::render`], the
    /// ratings are already on the scale `options` asks for.
    fn render(&self, report: &Report, options: &FormatOptions) -> Result<Vec<u8>, FormatError>;
}

/// Formats by name, in registration order.
pub struct FormatRegistry {
    formats: Vec<Box<dyn Format>>,
}

impl std::fmt::Debug for FormatRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormatRegistry")
            .field("formats", &self.names())
            .finish()
    }
}

impl Default for FormatRegistry {
    fn default() -> Self {
        FormatRegistry::builtin()
    }
}

impl FormatRegistry {
    /// A registry with no formats.
    pub fn empty() -> FormatRegistry {
        FormatRegistry {
            formats: Vec::new(),
        }
    }

    /// A registry holding the built-in formats: json, jsonl, claimreview,
    /// markdown, html, csv.
    pub fn builtin() -> FormatRegistry {
        let mut registry = FormatRegistry::empty();
        let builtins: [Box<dyn Format>; 6] = [
            Box::new(JsonFormat),
            Box::new(JsonlFormat),
            Box::new(ClaimReviewFormat),
            Box::new(MarkdownFormat),
            Box::new(HtmlFormat),
            Box::new(CsvFormat),
        ];
        for format in builtins {
            // Built-in names are distinct and valid; a test checks it.
            let _ = registry.register(format);
        }
        registry
    }

    /// Adds a format. Names must be unique and made of lowercase ASCII
    /// letters, digits, `-` and `_` (the plugin manifest's rule).
    pub fn register(&mut self, format: Box<dyn Format>) -> Result<(), FormatError> {
        let name = format.name();
        let valid = name
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !valid {
            return Err(FormatError::InvalidName {
                name: name.to_owned(),
            });
        }
        if self.get(name).is_some() {
            return Err(FormatError::Duplicate {
                name: name.to_owned(),
            });
        }
        self.formats.push(format);
        Ok(())
    }

    /// The format with this name.
    pub fn get(&self, name: &str) -> Option<&dyn Format> {
        self.formats
            .iter()
            .find(|f| f.name() == name)
            .map(|f| f.as_ref())
    }

    /// The format with this name, or an error listing the known names.
    pub fn lookup(&self, name: &str) -> Result<&dyn Format, FormatError> {
        self.get(name).ok_or_else(|| FormatError::UnknownFormat {
            name: name.to_owned(),
            known: self.names().join(", "),
        })
    }

    /// The first format whose extension is `extension` (without the dot,
    /// ASCII case-insensitive): `html` → html, `json` → json.
    pub fn by_extension(&self, extension: &str) -> Option<&dyn Format> {
        self.formats
            .iter()
            .find(|f| f.extension().eq_ignore_ascii_case(extension))
            .map(|f| f.as_ref())
    }

    /// Registered names, in registration order.
    pub fn names(&self) -> Vec<&str> {
        self.formats.iter().map(|f| f.name()).collect()
    }

    /// Every format, in registration order.
    pub fn iter(&self) -> impl Iterator<Item = &dyn Format> {
        self.formats.iter().map(|f| f.as_ref())
    }

    /// One line per format, `  name  description`, aligned; for `--help`.
    pub fn help_text(&self) -> String {
        let width = self.iter().map(|f| f.name().len()).max().unwrap_or(0);
        let mut out = String::new();
        for f in self.iter() {
            out.push_str(&format!("  {:width$}  {}\n", f.name(), f.description()));
        }
        out
    }

    /// Checks the free-form options against what the format reads,
    /// re-expresses the ratings on [`FormatOptions::scale`] (once, for every
    /// format), then renders.
    pub fn render(
        &self,
        name: &str,
        report: &Report,
        options: &FormatOptions,
    ) -> Result<Vec<u8>, FormatError> {
        let format = self.lookup(name)?;
        check_options(format, options)?;
        format.render(&options.report_on_scale(report), options)
    }
}

/// Refuses free-form option keys the format does not read, naming the keys
/// it does, and option values the format cannot use
/// ([`Format::check_values`]).
pub fn check_options(format: &dyn Format, options: &FormatOptions) -> Result<(), FormatError> {
    let Some(known) = format.option_keys() else {
        return format.check_values(options);
    };
    for key in options.extra.keys() {
        if !known.iter().any(|k| k.key == key) {
            let names: Vec<&str> = known.iter().map(|k| k.key).collect();
            let message = if names.is_empty() {
                "this format takes no options".to_owned()
            } else {
                format!("unknown option; this format reads: {}", names.join(", "))
            };
            return Err(FormatError::InvalidOption {
                format: format.name().to_owned(),
                key: key.clone(),
                message,
            });
        }
    }
    format.check_values(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_are_all_registered_in_order() {
        let registry = FormatRegistry::builtin();
        assert_eq!(
            registry.names(),
            ["json", "jsonl", "claimreview", "markdown", "html", "csv"]
        );
        for f in registry.iter() {
            assert!(!f.description().is_empty());
            assert!(!f.media_type().is_empty());
        }
    }

    struct Named(&'static str);
    impl Format for Named {
        fn name(&self) -> &str {
            self.0
        }
        fn description(&self) -> &str {
            "test"
        }
        fn media_type(&self) -> &str {
            "text/plain"
        }
        fn extension(&self) -> &str {
            "txt"
        }
        fn render(&self, _: &Report, _: &FormatOptions) -> Result<Vec<u8>, FormatError> {
            Ok(b"ok".to_vec())
        }
    }

    #[test]
    fn registration_refuses_duplicates_and_bad_names() {
        let mut registry = FormatRegistry::builtin();
        assert!(matches!(
            registry.register(Box::new(Named("json"))),
            Err(FormatError::Duplicate { .. })
        ));
        assert!(matches!(
            registry.register(Box::new(Named("Bad Name"))),
            Err(FormatError::InvalidName { .. })
        ));
        registry.register(Box::new(Named("plain-text"))).unwrap();
        let report = Report::new("veracity", "0");
        let out = registry
            .render("plain-text", &report, &FormatOptions::default())
            .unwrap();
        assert_eq!(out, b"ok");
        assert_eq!(registry.by_extension("TXT").unwrap().name(), "plain-text");
    }

    #[test]
    fn unknown_names_and_options_are_explained() {
        let registry = FormatRegistry::builtin();
        let report = Report::new("veracity", "0");
        let err = registry
            .render("pdf", &report, &FormatOptions::default())
            .unwrap_err();
        assert!(
            err.to_string().contains("choose one of: json, jsonl"),
            "{err}"
        );
        let mut options = FormatOptions::default();
        options.extra.insert("colour".into(), "red".into());
        let err = registry.render("csv", &report, &options).unwrap_err();
        assert!(err.to_string().contains("option `colour`"), "{err}");
    }
}

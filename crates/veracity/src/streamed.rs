//! Rating claims run by run, each verdict handed on as it is made: a check
//! of every claim of a large collection writes its report as it goes, and
//! each run of claims may read its documents afresh (an index's
//! `DocumentWindow`), so what the check holds is one run's documents.

use crate::{CheckOptions, Error, engine_and_scale};
use veracity_model::{Claim, Diagnostic, Document, RatingScale, Report, ScaleRegistry, Verdict};
use veracity_verdict::{
    Checker, ClaimCount, ClaimOptions, Documents, Engine, EngineRegistry, FoundClaims, Gathered,
    Retriever, Reviews, StanceScorer,
};

/// Claims completed and gathered at once, on every core, before the
/// engine (perhaps a plugin, which answers one request at a time) rates
/// them one by one, in order.
const GATHER_BATCH: usize = 64;

/// How many claims a run of [`RunningCheck::rate`] should hold for the
/// cores to stay busy: a few gathering batches.
pub const CLAIMS_PER_RUN: usize = 4 * GATHER_BATCH;

/// How many appearances a run holds before it takes no more claims: the
/// claims a crawl repeats most come first, and the first 256 of a
/// generated collection held a quarter of all the places of its claims
/// (three million at a million documents).
pub const APPEARANCES_PER_RUN: usize = 1 << 16;

/// The next run of `claims` to rate: [`CLAIMS_PER_RUN`] of them, or fewer
/// once they hold [`APPEARANCES_PER_RUN`] appearances (at least one).
pub fn next_run(claims: &mut dyn Iterator<Item = Claim>) -> Vec<Claim> {
    let mut run = Vec::new();
    let mut held = 0;
    while run.len() < CLAIMS_PER_RUN && held < APPEARANCES_PER_RUN {
        let Some(claim) = claims.next() else { break };
        held += claim.appearances.len();
        run.push(claim);
    }
    run
}

/// What takes each claim rated, with its verdict and the documents (to
/// look up what they cite); an error stops the check.
pub type Sink<'s, E> = dyn FnMut(Claim, Verdict, &dyn Documents) -> Result<(), E> + 's;

/// A check rating its claims run by run, each run over the documents and
/// retriever it is given, its verdicts handed on in order as they are made.
/// The collection's published reviews are analysed once, by the first
/// run, and kept for the next.
pub struct RunningCheck<'r> {
    engine: &'r dyn Engine,
    scale: &'r RatingScale,
    scorer: &'r dyn StanceScorer,
    top_k: usize,
    max_claims: usize,
    reviews: Option<Reviews>,
}

impl<'r> RunningCheck<'r> {
    /// A check with the engine and scale `options` name, the built-in
    /// stance model, and the claims it finds capped by
    /// `options.max_claims`.
    pub fn new(
        options: &CheckOptions,
        engines: &'r EngineRegistry,
        scales: &'r ScaleRegistry,
    ) -> Result<RunningCheck<'r>, Error> {
        let (engine, scale) = engine_and_scale(options, engines, scales)?;
        Ok(RunningCheck {
            engine,
            scale,
            scorer: veracity_stance::StanceModel::try_builtin()?,
            top_k: options.top_k,
            max_claims: options.max_claims,
            reviews: None,
        })
    }

    /// The same check with a sharded run's stance scorer and `--top-k`.
    pub(crate) fn with_shards<'s>(
        self,
        scorer: &'s dyn StanceScorer,
        top_k: usize,
    ) -> RunningCheck<'s>
    where
        'r: 's,
    {
        RunningCheck {
            scorer,
            top_k,
            ..self
        }
    }

    fn checker<'c>(
        &mut self,
        documents: &'c dyn Documents,
        retriever: &'c dyn Retriever,
    ) -> Checker<'c>
    where
        'r: 'c,
    {
        let (docs, retriever) = (Box::new(documents), Box::new(retriever));
        match self.reviews.take() {
            Some(r) => Checker::over_reviewed(docs, retriever, self.scorer, r),
            None => Checker::over(docs, retriever, self.scorer),
        }
    }

    /// The claims to check, not yet completed (see [`RunningCheck::rate`]):
    /// `given` when there are any, else those found in `documents`, each
    /// made into a `Claim` as it is taken; and how many the documents hold.
    pub fn find_claims(
        &mut self,
        documents: &dyn Documents,
        retriever: &dyn Retriever,
        given: &[String],
    ) -> (FoundClaims, ClaimCount) {
        let options = ClaimOptions {
            max_claims: self.max_claims,
            sentences: true,
        };
        let checker = self.checker(documents, retriever);
        let found = checker.find_claims(given, options);
        self.reviews = Some(checker.into_reviews());
        found
    }

    /// Completes each of `claims` (its places in the collection, its
    /// claimant) and rates it, in order, handing the claim (its places
    /// listed as a report lists them, [`Claim::list_appearances`]) and its
    /// verdict to `sink` with the documents (to look up what they cite).
    /// The first error, the engine's or the sink's, stops the run.
    pub fn rate<E: From<Error>>(
        &mut self,
        documents: &dyn Documents,
        retriever: &dyn Retriever,
        claims: impl IntoIterator<Item = Claim>,
        sink: &mut Sink<'_, E>,
    ) -> Result<(), E> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (engine, scale, top_k) = (self.engine, self.scale, self.top_k);
        let checker = self.checker(documents, retriever);
        let mut claims = claims.into_iter().peekable();
        let mut result = Ok(());
        while result.is_ok() && claims.peek().is_some() {
            let mut batch: Vec<Claim> = claims.by_ref().take(GATHER_BATCH).collect();
            let gathered = complete_and_gather(&checker, &mut batch, top_k, threads);
            for (mut claim, gathered) in batch.into_iter().zip(gathered) {
                result = match gathered.rate(&claim, engine, scale) {
                    Ok(verdict) => {
                        claim.list_appearances();
                        sink(claim, verdict, checker.documents())
                    }
                    Err(source) => Err(Error::Claim {
                        claim: claim.id.to_string(),
                        source,
                    }
                    .into()),
                };
                if result.is_err() {
                    break;
                }
            }
        }
        self.reviews = Some(checker.into_reviews());
        result
    }

    /// Each of `claims` completed and rated, in order, in one run.
    pub(crate) fn rate_all(
        &mut self,
        documents: &dyn Documents,
        retriever: &dyn Retriever,
        claims: impl IntoIterator<Item = Claim, IntoIter: ExactSizeIterator>,
    ) -> Result<(Vec<Claim>, Vec<Verdict>), Error> {
        let claims = claims.into_iter();
        let mut rated = (
            Vec::with_capacity(claims.len()),
            Vec::with_capacity(claims.len()),
        );
        self.rate(documents, retriever, claims, &mut |claim, verdict, _| {
            rated.0.push(claim);
            rated.1.push(verdict);
            Ok::<(), Error>(())
        })?;
        Ok(rated)
    }
}

/// Completes each of `claims` and gathers its evidence, on up to
/// `threads` threads each taking the next claim (a claim repeated across
/// a crawl has thousands of passages to rank), in order.
fn complete_and_gather(
    checker: &Checker,
    claims: &mut [Claim],
    top_k: usize,
    threads: usize,
) -> Vec<Gathered> {
    veracity_verdict::map_taking_turns(claims, threads, |claim| {
        checker.complete_claims(std::slice::from_mut(claim));
        checker.gather(claim, top_k)
    })
}

/// The report of a check rated run by run, but for its documents, claims
/// and verdicts: what the collection of `documents` documents holds, the
/// notes on the inputs (`diagnostics`), a note when fewer than the
/// `count` claims found were `rated`, and the warnings on the documents
/// set aside for their language.
pub fn report_head<'d>(
    documents: usize,
    rated: usize,
    count: ClaimCount,
    diagnostics: Vec<Diagnostic>,
    set_aside: impl Iterator<Item = &'d Document>,
) -> Report {
    let set_aside = set_aside.filter_map(crate::language_diagnostic).collect();
    crate::head(rated, count, diagnostics, documents, set_aside)
}

#[cfg(test)]
mod tests {
    use super::*;
    use veracity_model::{Appearance, ClaimOrigin, DocumentId, Span};

    fn stated_in(places: usize) -> Claim {
        let mut claim = Claim::new(
            "The Tarrow ferry carries 300 passengers",
            ClaimOrigin::Quote,
        );
        claim.appearances = (0..places)
            .map(|p| Appearance {
                document: DocumentId(format!("doc-{p}")),
                span: Span::whole("x"),
            })
            .collect();
        claim
    }

    #[test]
    fn a_run_takes_fewer_claims_once_they_hold_many_places() {
        let sizes = [40_000, 30_000, 10, APPEARANCES_PER_RUN * 2, 3];
        let mut claims = sizes
            .iter()
            .map(|&n| stated_in(n))
            .chain((0..600).map(|_| stated_in(2)));
        let lengths = |run: Vec<Claim>| run.iter().map(|c| c.appearances.len()).collect::<Vec<_>>();
        assert_eq!(lengths(next_run(&mut claims)), vec![40_000, 30_000]);
        assert_eq!(
            lengths(next_run(&mut claims)),
            vec![10, APPEARANCES_PER_RUN * 2]
        );
        assert_eq!(next_run(&mut claims).len(), CLAIMS_PER_RUN);
        assert_eq!(next_run(&mut claims).len(), CLAIMS_PER_RUN);
        assert_eq!(next_run(&mut claims).len(), 601 - 2 * CLAIMS_PER_RUN);
        assert!(next_run(&mut claims).is_empty());
    }
}

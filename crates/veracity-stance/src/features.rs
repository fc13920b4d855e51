//! Per-text preparation and claim/passage pair features.
//!
//! A text (claim or passage) is prepared once into a [`TextInfo`]; the pair
//! features of a claim and a passage are then computed from the two prepared
//! texts in time linear in the passage's tokens, with no allocation.

use std::sync::OnceLock;
use veracity_text::bm25::BM25;
use veracity_text::hash::{fnv1a, mix};
use veracity_text::lexicon::{MODEL_CONFIRM, MODEL_HEDGE, MODEL_NEGATION, MODEL_REFUTE};
use veracity_text::stem::stem_into;
use veracity_text::tokens::{F_CAP, F_NUM, tokenize};

/// Lexicon bit: refuting word.
pub const L_REFUTE: u8 = 1;
/// Lexicon bit: hedging / reporting word.
pub const L_HEDGE: u8 = 2;
/// Lexicon bit: negation.
pub const L_NEG: u8 = 4;
/// Lexicon bit: confirming word.
pub const L_CONFIRM: u8 = 8;
const N_LEX: usize = 4;

/// The cue lexicons of `veracity_text::lexicon` by stem hash: bit set of
/// `L_*`, and the index of the cue input.
struct CueTable {
    keys: Vec<(u64, u8)>,
}

impl CueTable {
    fn get() -> &'static CueTable {
        static LEX: OnceLock<CueTable> = OnceLock::new();
        LEX.get_or_init(|| {
            let mut keys: Vec<(u64, u8)> = Vec::new();
            let mut buf = String::new();
            for (list, bit) in [
                (&MODEL_REFUTE, L_REFUTE),
                (&MODEL_HEDGE, L_HEDGE),
                (&MODEL_NEGATION, L_NEG),
                (&MODEL_CONFIRM, L_CONFIRM),
            ] {
                for w in list.words() {
                    stem_into(w, &mut buf);
                    keys.push((fnv1a(buf.as_bytes()), bit));
                }
            }
            keys.sort_unstable();
            let mut merged: Vec<(u64, u8)> = Vec::new();
            for (h, b) in keys {
                match merged.last_mut() {
                    Some(last) if last.0 == h => last.1 |= b,
                    _ => merged.push((h, b)),
                }
            }
            CueTable { keys: merged }
        })
    }

    /// (bits, 1 + index) of a term, or (0, 0).
    #[inline]
    fn lookup(&self, h: u64) -> (u8, u16) {
        match self.keys.binary_search_by_key(&h, |k| k.0) {
            Ok(i) => (self.keys[i].1, i as u16 + 1),
            Err(_) => (0, 0),
        }
    }
}

/// Number of distinct cue words (lexicon stems).
pub fn n_cues() -> usize {
    CueTable::get().keys.len()
}

/// Fingerprint of the lexicons; stored in model headers so that a model is
/// never used with cue indices it was not trained with.
pub fn lexicon_fingerprint() -> u64 {
    let mut h = 0u64;
    for &(k, b) in &CueTable::get().keys {
        h = mix(h, k ^ u64::from(b));
    }
    h
}

/// Which per-pair sparse inputs are produced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PairSparseConfig {
    /// Cue words (refuting, hedging, negation, confirming) one by one: in the
    /// claim, in the best-matching sentences, in the whole passage.
    pub cues: bool,
    /// Hash bits of the bag of words of the two best-matching sentences (0 = off).
    pub window_bits: u32,
    /// Include the per-text cue inputs (claim cues, whole-passage cues) in the
    /// pair's sparse input. Training does; inference adds them once per text
    /// through [`TextInfo::cue_inputs`] instead.
    pub text_cues: bool,
}

impl PairSparseConfig {
    /// Size of the per-pair sparse input space.
    pub fn dim(&self) -> usize {
        let cues = if self.cues { 3 * n_cues() } else { 0 };
        let win = if self.window_bits > 0 {
            1usize << self.window_bits
        } else {
            0
        };
        cues + win
    }
}

/// Hashed inverse document frequencies.
///
/// Terms are hashed into `2^bits` buckets. The table can come from the model
/// (built from the FNC-1 training texts) or from the collection under check
/// ([`Idf::from_texts`]).
#[derive(Clone, Debug)]
pub struct Idf {
    bits: u32,
    table: Vec<f32>,
    /// Average content length (tokens) of the documents, for BM25.
    pub avg_len: f32,
}

impl Idf {
    /// Builds an IDF table from a collection of texts (each text one document).
    pub fn from_texts<'a, I: IntoIterator<Item = &'a str>>(texts: I, bits: u32) -> Idf {
        let bits = bits.clamp(8, 24);
        let size = 1usize << bits;
        let mut df = vec![0u32; size];
        let mut seen: Vec<usize> = Vec::new();
        let mut n_docs = 0u64;
        let mut total_len = 0u64;
        for t in texts {
            n_docs += 1;
            let tok = tokenize(t);
            seen.clear();
            for tk in &tok.tokens {
                if tk.is_content() {
                    total_len += 1;
                    seen.push((tk.hash as usize) & (size - 1));
                }
            }
            seen.sort_unstable();
            seen.dedup();
            for &s in &seen {
                df[s] += 1;
            }
        }
        let n = n_docs as f32;
        let table = df
            .iter()
            .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
            .collect();
        let avg_len = if n_docs == 0 {
            1.0
        } else {
            (total_len as f32 / n).max(1.0)
        };
        Idf {
            bits,
            table,
            avg_len,
        }
    }

    /// Rebuilds from raw parts (deserialization).
    pub fn from_parts(bits: u32, table: Vec<f32>, avg_len: f32) -> Option<Idf> {
        if !(8..=24).contains(&bits) || table.len() != 1usize << bits || !avg_len.is_finite() {
            return None;
        }
        Some(Idf {
            bits,
            table,
            avg_len,
        })
    }

    /// Number of hash bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The raw table.
    pub fn table(&self) -> &[f32] {
        &self.table
    }

    /// IDF of a term hash.
    #[inline]
    pub fn idf(&self, h: u64) -> f32 {
        self.table[(h as usize) & (self.table.len() - 1)]
    }
}

/// Open-addressing hash map from 64-bit keys to `u32` values.
#[derive(Clone, Debug, Default)]
struct HashIndex {
    keys: Vec<u64>,
    vals: Vec<u32>,
}

impl HashIndex {
    #[inline]
    fn key(h: u64) -> u64 {
        h.max(1)
    }

    fn build(items: impl ExactSizeIterator<Item = (u64, u32)>) -> HashIndex {
        let cap = (items.len() * 2).next_power_of_two().max(8);
        let mut keys = vec![0u64; cap];
        let mut vals = vec![0u32; cap];
        for (h, v) in items {
            let k = Self::key(h);
            let mut i = (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (cap - 1);
            loop {
                if keys[i] == 0 || keys[i] == k {
                    keys[i] = k;
                    vals[i] = v;
                    break;
                }
                i = (i + 1) & (cap - 1);
            }
        }
        HashIndex { keys, vals }
    }

    #[inline]
    fn get(&self, h: u64) -> Option<u32> {
        let cap = self.keys.len();
        if cap == 0 {
            return None;
        }
        let k = Self::key(h);
        let mut i = (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (cap - 1);
        loop {
            let x = self.keys[i];
            if x == k {
                return Some(self.vals[i]);
            }
            if x == 0 {
                return None;
            }
            i = (i + 1) & (cap - 1);
        }
    }
}

/// A prepared text: everything the pair features need, computed once.
#[derive(Clone, Debug, Default)]
pub struct TextInfo {
    /// Distinct content terms with counts, sorted by hash.
    terms: Vec<(u64, f32)>,
    /// IDF of each term (same order as `terms`).
    term_idf: Vec<f32>,
    /// term hash -> index into `terms`.
    term_index: HashIndex,
    /// Token positions of each term: `postings[post_off[i]..post_off[i + 1]]`.
    post_off: Vec<u32>,
    postings: Vec<u32>,
    /// Sentence of each token.
    tok_sent: Vec<u32>,
    /// Distance (in tokens, capped at 255) to the closest preceding negation / refuting word.
    neg_dist: Vec<u8>,
    ref_dist: Vec<u8>,
    /// Lexicon counts per sentence.
    sent_lex: Vec<[u8; N_LEX]>,
    /// Token ranges of the sentences.
    sentences: Vec<(u32, u32)>,
    /// Stem hash of each token.
    tok_hash: Vec<u64>,
    /// Cue-word id (1 + lexicon index, 0 = none) of each token.
    lex_id: Vec<u16>,
    /// Distinct cue words of the text with counts.
    cue_counts: Vec<(u16, f32)>,
    n_sent: u32,
    first_par: u32,
    n_tokens: u32,
    n_content: u32,
    tfidf_norm: f32,
    /// Bigrams, trigrams, numbers and names, packed: `keys[koff[k]..koff[k + 1]]`.
    keys: Vec<u64>,
    koff: [u32; 5],
    /// Sum of the IDF of the first 64 terms (the ones a claim uses).
    idf_sum64: f32,
    /// Bigrams and trigrams of the passage, as a set.
    ngram_index: HashIndex,
    lex_counts: [f32; N_LEX],
    question: bool,
    quotes: u32,
    /// Hashed, L2-normalised term frequencies for the MLP's sparse input.
    pub sparse: Vec<(u32, f32)>,
}

fn sorted_dedup(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

impl TextInfo {
    /// Prepares `text`. `sparse_bits` = 0 disables the hashed sparse vector.
    pub fn new(text: &str, idf: &Idf, sparse_bits: u32) -> TextInfo {
        let tk = tokenize(text);
        let lexicon = CueTable::get();
        let n_tok = tk.tokens.len();
        let looked: Vec<(u8, u16)> = tk.tokens.iter().map(|t| lexicon.lookup(t.hash)).collect();
        let lex: Vec<u8> = looked.iter().map(|x| x.0).collect();
        let lex_id: Vec<u16> = looked.iter().map(|x| x.1).collect();
        let mut cue_counts: Vec<(u16, f32)> = Vec::new();
        {
            let mut ids: Vec<u16> = lex_id.iter().copied().filter(|&i| i > 0).collect();
            ids.sort_unstable();
            for i in ids {
                match cue_counts.last_mut() {
                    Some(last) if last.0 == i => last.1 += 1.0,
                    _ => cue_counts.push((i, 1.0)),
                }
            }
        }
        let tok_hash: Vec<u64> = tk.tokens.iter().map(|t| t.hash).collect();
        let mut lex_counts = [0f32; N_LEX];
        let mut sent_lex = vec![[0u8; N_LEX]; tk.sentences.len()];
        let mut tok_sent = vec![0u32; n_tok];
        for (si, &(a, b)) in tk.sentences.iter().enumerate() {
            for ti in a as usize..b as usize {
                tok_sent[ti] = si as u32;
                let l = lex[ti];
                if l != 0 {
                    for k in 0..N_LEX {
                        if l & (1 << k) != 0 {
                            lex_counts[k] += 1.0;
                            sent_lex[si][k] = sent_lex[si][k].saturating_add(1);
                        }
                    }
                }
            }
        }
        let mut neg_dist = vec![255u8; n_tok];
        let mut ref_dist = vec![255u8; n_tok];
        let (mut last_neg, mut last_ref) = (None::<usize>, None::<usize>);
        for ti in 0..n_tok {
            if let Some(p) = last_neg {
                neg_dist[ti] = (ti - p).min(255) as u8;
            }
            if let Some(p) = last_ref {
                ref_dist[ti] = (ti - p).min(255) as u8;
            }
            if lex[ti] & L_NEG != 0 {
                last_neg = Some(ti);
            }
            if lex[ti] & L_REFUTE != 0 {
                last_ref = Some(ti);
            }
        }
        // Content terms with their positions.
        let mut occ: Vec<(u64, u32)> = tk
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_content())
            .map(|(i, t)| (t.hash, i as u32))
            .collect();
        let n_content = occ.len() as u32;
        occ.sort_unstable();
        let mut terms: Vec<(u64, f32)> = Vec::new();
        let mut post_off = vec![0u32];
        let mut postings = Vec::with_capacity(occ.len());
        for &(h, pos) in &occ {
            match terms.last_mut() {
                Some(last) if last.0 == h => last.1 += 1.0,
                _ => {
                    if !terms.is_empty() {
                        post_off.push(postings.len() as u32);
                    }
                    terms.push((h, 1.0));
                }
            }
            postings.push(pos);
        }
        post_off.push(postings.len() as u32);
        if terms.is_empty() {
            post_off = vec![0];
        }
        let term_index = HashIndex::build(terms.iter().enumerate().map(|(i, t)| (t.0, i as u32)));
        let term_idf: Vec<f32> = terms.iter().map(|&(h, _)| idf.idf(h)).collect();
        let idf_sum64: f32 = term_idf.iter().take(64).sum();
        let tfidf_norm = terms
            .iter()
            .zip(&term_idf)
            .map(|(&(_, c), &w)| (c * w) * (c * w))
            .sum::<f32>()
            .sqrt();
        let content: Vec<u64> = tk
            .tokens
            .iter()
            .filter(|t| t.is_content())
            .map(|t| t.hash)
            .collect();
        let bigrams = sorted_dedup(content.windows(2).map(|w| mix(w[0], w[1])).collect());
        let trigrams = sorted_dedup(
            content
                .windows(3)
                .map(|w| mix(mix(w[0], w[1]), w[2]))
                .collect(),
        );
        let ngram_index = HashIndex::build(
            bigrams
                .iter()
                .chain(&trigrams)
                .map(|&g| (g, 0))
                .collect::<Vec<_>>()
                .into_iter(),
        );
        let numbers = sorted_dedup(
            tk.tokens
                .iter()
                .filter(|t| t.flags & F_NUM != 0)
                .map(|t| t.hash)
                .collect(),
        );
        let names = sorted_dedup(
            tk.tokens
                .iter()
                .filter(|t| t.flags & F_CAP != 0 && t.is_content())
                .map(|t| t.hash)
                .collect(),
        );
        let mut keys =
            Vec::with_capacity(bigrams.len() + trigrams.len() + numbers.len() + names.len());
        let mut koff = [0u32; 5];
        for (k, part) in [&bigrams, &trigrams, &numbers, &names]
            .into_iter()
            .enumerate()
        {
            keys.extend_from_slice(part);
            koff[k + 1] = keys.len() as u32;
        }
        let mut sparse: Vec<(u32, f32)> = Vec::new();
        if sparse_bits > 0 {
            let mask = (1u64 << sparse_bits) - 1;
            let mut idx: Vec<u32> = tk
                .tokens
                .iter()
                .zip(&lex)
                .filter(|(t, l)| t.is_content() || **l != 0)
                .map(|(t, _)| ((t.hash >> 40) & mask) as u32)
                .collect();
            idx.sort_unstable();
            for i in idx {
                match sparse.last_mut() {
                    Some(last) if last.0 == i => last.1 += 1.0,
                    _ => sparse.push((i, 1.0)),
                }
            }
            let norm = sparse.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                for x in &mut sparse {
                    x.1 /= norm;
                }
            }
        }
        TextInfo {
            terms,
            term_idf,
            term_index,
            post_off,
            postings,
            tok_sent,
            neg_dist,
            ref_dist,
            sent_lex,
            n_sent: tk.sentences.len() as u32,
            sentences: tk.sentences,
            tok_hash,
            lex_id,
            cue_counts,
            first_par: tk.first_paragraph_sentences,
            n_tokens: n_tok as u32,
            n_content,
            tfidf_norm,
            keys,
            koff,
            idf_sum64,
            ngram_index,
            lex_counts,
            question: tk.question_marks > 0,
            quotes: tk.quote_marks,
            sparse,
        }
    }
}

impl TextInfo {
    /// Bigrams, trigrams, numbers, names.
    #[inline]
    fn parts(&self) -> (&[u64], &[u64], &[u64], &[u64]) {
        let k = &self.koff;
        let p = |i: usize| &self.keys[k[i] as usize..k[i + 1] as usize];
        (p(0), p(1), p(2), p(3))
    }

    /// The per-text part of the per-pair sparse input: the claim's cue words
    /// (`as_passage == false`) or the passage's cue-word counts.
    pub fn cue_inputs(&self, as_passage: bool, out: &mut Vec<(u32, f32)>) {
        let nc = n_cues() as u32;
        for &(id, c) in &self.cue_counts {
            if as_passage {
                out.push((2 * nc + u32::from(id) - 1, c.ln_1p()));
            } else {
                out.push((u32::from(id) - 1, 1.0));
            }
        }
    }
}

/// Reusable buffers for [`pair_features`].
#[derive(Clone, Debug, Default)]
pub struct PairScratch {
    masks: Vec<u64>,
    neg: Vec<u8>,
    /// Per-pair sparse input produced by the last [`pair_features`] call.
    pub sparse: Vec<(u32, f32)>,
    /// Best-matching sentence of the last call (None if the passage has none).
    pub best_sentence: Option<usize>,
}

/// Feature groups, for ablation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Term overlap: coverage, IDF-weighted coverage, Jaccard.
    Overlap,
    /// TF-IDF cosine.
    Cosine,
    /// BM25.
    Bm25,
    /// Word bigram / trigram overlap.
    Ngram,
    /// Numbers and capitalised names.
    Entities,
    /// Best-matching sentence, lead, positions.
    Sentence,
    /// Refuting / hedging / negation / confirming words (claim, passage, best sentence).
    Lexicon,
    /// Lengths, question marks, quotes.
    Shape,
}

/// All groups.
pub const GROUPS: [Group; 8] = [
    Group::Overlap,
    Group::Cosine,
    Group::Bm25,
    Group::Ngram,
    Group::Entities,
    Group::Sentence,
    Group::Lexicon,
    Group::Shape,
];

/// The dense features, in input order: each a variant of [`Feature`]
/// (which names its slot in the vector) and a row of [`FEATURES`] (its name
/// for reports and its ablation group), both written from one list so they
/// cannot drift apart.
macro_rules! dense_features {
    ($($variant:ident = $name:literal, $group:ident;)*) => {
        /// A dense feature; `Feature::X as usize` is its slot in the vector.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)] // each variant is named after its feature
        pub enum Feature {
            $($variant,)*
        }

        /// Name and group of each dense feature, in vector order.
        pub const FEATURES: &[(&str, Group)] = &[$(($name, Group::$group),)*];
    };
}

dense_features! {
    Cov = "cov", Overlap;
    IdfCov = "idf_cov", Overlap;
    Jaccard = "jaccard", Overlap;
    Cosine = "cosine", Cosine;
    Bm25 = "bm25", Bm25;
    BigramCov = "bigram_cov", Ngram;
    TrigramCov = "trigram_cov", Ngram;
    NumHas = "num_has", Entities;
    NumCov = "num_cov", Entities;
    NumMiss = "num_miss", Entities;
    NameHas = "name_has", Entities;
    NameCov = "name_cov", Entities;
    Best1 = "best1", Sentence;
    Best2 = "best2", Sentence;
    Best3Mean = "best3_mean", Sentence;
    FirstSent = "first_sent", Sentence;
    Lead = "lead", Sentence;
    FirstPos = "first_pos", Sentence;
    FracMatch = "frac_match", Sentence;
    BestPos = "best_pos", Sentence;
    CRefute = "c_refute", Lexicon;
    CHedge = "c_hedge", Lexicon;
    CNeg = "c_neg", Lexicon;
    CConfirm = "c_confirm", Lexicon;
    PRefute = "p_refute", Lexicon;
    PHedge = "p_hedge", Lexicon;
    PNeg = "p_neg", Lexicon;
    PConfirm = "p_confirm", Lexicon;
    PRefuteD = "p_refute_d", Lexicon;
    PHedgeD = "p_hedge_d", Lexicon;
    PNegD = "p_neg_d", Lexicon;
    PConfirmD = "p_confirm_d", Lexicon;
    SRefute = "s_refute", Lexicon;
    SHedge = "s_hedge", Lexicon;
    SNeg = "s_neg", Lexicon;
    SConfirm = "s_confirm", Lexicon;
    NegNear = "neg_near", Lexicon;
    NegNearBest = "neg_near_best", Lexicon;
    RefuteNear = "refute_near", Lexicon;
    Parity = "parity", Lexicon;
    CLen = "c_len", Shape;
    PLen = "p_len", Shape;
    PSents = "p_sents", Shape;
    CQuestion = "c_question", Shape;
    PQuotes = "p_quotes", Shape;
}

/// The slot of a dense feature.
const fn at(f: Feature) -> usize {
    f as usize
}

/// A fingerprint of the dense features' names in order: stored in model
/// headers, so a model never reads a vector laid out otherwise.
pub fn feature_fingerprint() -> u64 {
    FEATURES
        .iter()
        .fold(fnv1a(b"dense-features"), |h, (name, _)| {
            mix(h, fnv1a(name.as_bytes()))
        })
}

/// Number of dense features.
pub const N_DENSE: usize = FEATURES.len();

#[inline]
fn ratio(a: f32, b: f32) -> f32 {
    if b > 0.0 { a / b } else { 0.0 }
}

/// Computes the dense pair features of `claim` and `passage` into `out`
/// (length [`N_DENSE`]).
pub fn pair_features(
    claim: &TextInfo,
    passage: &TextInfo,
    idf: &Idf,
    psc: PairSparseConfig,
    out: &mut [f32],
    scratch: &mut PairScratch,
) {
    debug_assert_eq!(out.len(), N_DENSE);
    let nh = claim.terms.len().min(64);
    let hterms = &claim.terms[..nh];
    let hidf = &claim.term_idf[..nh];
    let idf_total = claim.idf_sum64;
    let n_sent = passage.n_sent as usize;
    scratch.masks.clear();
    scratch.masks.resize(n_sent, 0);
    scratch.neg.clear();
    scratch.neg.resize(n_sent, 0);
    scratch.sparse.clear();

    // Whole-passage overlap, and per-sentence masks of the claim terms present.
    let mut present = 0f32;
    let mut idf_present = 0f32;
    let mut dot = 0f32;
    let mut bm25 = 0f32;
    let mut neg_near = 0f32;
    let mut refute_near = 0f32;
    let len_norm = BM25.length_norm(passage.n_content as f32, idf.avg_len);
    for (j, &(h, ch)) in hterms.iter().enumerate() {
        if let Some(i) = passage.term_index.get(h) {
            let i = i as usize;
            let cb = passage.terms[i].1;
            let w = hidf[j];
            present += 1.0;
            idf_present += w;
            dot += ch * w * cb * passage.term_idf[i];
            bm25 += BM25.term_score(w, cb, len_norm);
            let (a, b) = (
                passage.post_off[i] as usize,
                passage.post_off[i + 1] as usize,
            );
            for &pos in &passage.postings[a..b] {
                let pos = pos as usize;
                let s = passage.tok_sent[pos] as usize;
                scratch.masks[s] |= 1u64 << j;
                if passage.neg_dist[pos] <= 4 {
                    neg_near += 1.0;
                    scratch.neg[s] = 1;
                }
                if passage.ref_dist[pos] <= 6 {
                    refute_near += 1.0;
                }
            }
        }
    }
    let nhf = nh as f32;
    out[at(Feature::Cov)] = ratio(present, nhf);
    out[at(Feature::IdfCov)] = ratio(idf_present, idf_total);
    out[at(Feature::Jaccard)] = ratio(present, nhf + passage.terms.len() as f32 - present);
    out[at(Feature::Cosine)] = ratio(dot, claim.tfidf_norm * passage.tfidf_norm);
    out[at(Feature::Bm25)] = ratio(bm25, BM25.max_term_score(idf_total));
    let (bigrams, trigrams, numbers, names) = claim.parts();
    let bi = bigrams
        .iter()
        .filter(|&&g| passage.ngram_index.get(g).is_some())
        .count() as f32;
    out[at(Feature::BigramCov)] = ratio(bi, bigrams.len() as f32);
    let tri = trigrams
        .iter()
        .filter(|&&g| passage.ngram_index.get(g).is_some())
        .count() as f32;
    out[at(Feature::TrigramCov)] = ratio(tri, trigrams.len() as f32);
    let nnum = numbers.len() as f32;
    let num_in = numbers
        .iter()
        .filter(|&&g| passage.term_index.get(g).is_some())
        .count() as f32;
    out[at(Feature::NumHas)] = if nnum > 0.0 { 1.0 } else { 0.0 };
    out[at(Feature::NumCov)] = ratio(num_in, nnum);
    out[at(Feature::NumMiss)] = if nnum > 0.0 && passage.parts().2.is_empty() {
        0.0
    } else {
        ratio(nnum - num_in, nnum)
    };
    let nname = names.len() as f32;
    let name_in = names
        .iter()
        .filter(|&&g| passage.term_index.get(g).is_some())
        .count() as f32;
    out[at(Feature::NameHas)] = if nname > 0.0 { 1.0 } else { 0.0 };
    out[at(Feature::NameCov)] = ratio(name_in, nname);

    // Sentence scores.
    let mut best = [(-1f32, 0usize); 3];
    let mut first_sent = 0f32;
    let mut lead_mask = 0u64;
    let mut first_pos = 1f32;
    let mut n_match = 0f32;
    let lead_n = passage.first_par.max(1) as usize;
    for si in 0..n_sent {
        let mask = scratch.masks[si];
        let mut score = 0f32;
        for j in veracity_text::bits::ones(mask) {
            score += hidf[j];
        }
        let score = ratio(score, idf_total);
        if si == 0 {
            first_sent = score;
        }
        if si < lead_n {
            lead_mask |= mask;
        }
        if score >= 0.5 {
            n_match += 1.0;
            if first_pos >= 1.0 {
                first_pos = si as f32 / n_sent as f32;
            }
        }
        if score > best[0].0 {
            best[2] = best[1];
            best[1] = best[0];
            best[0] = (score, si);
        } else if score > best[1].0 {
            best[2] = best[1];
            best[1] = (score, si);
        } else if score > best[2].0 {
            best[2] = (score, si);
        }
    }
    let mut lead = 0f32;
    for j in veracity_text::bits::ones(lead_mask) {
        lead += hidf[j];
    }
    scratch.best_sentence = if n_sent > 0 { Some(best[0].1) } else { None };
    let b1 = best[0].0.max(0.0);
    let b2 = best[1].0.max(0.0);
    let b3 = best[2].0.max(0.0);
    out[at(Feature::Best1)] = b1;
    out[at(Feature::Best2)] = b2;
    out[at(Feature::Best3Mean)] = (b1 + b2 + b3) / 3.0;
    out[at(Feature::FirstSent)] = first_sent;
    out[at(Feature::Lead)] = ratio(lead, idf_total);
    out[at(Feature::FirstPos)] = first_pos;
    out[at(Feature::FracMatch)] = ratio(n_match, n_sent as f32);
    out[at(Feature::BestPos)] = if n_sent > 0 {
        ratio(best[0].1 as f32, n_sent as f32)
    } else {
        1.0
    };
    let (best_counts, best_neg_near) = if n_sent > 0 {
        (
            passage.sent_lex[best[0].1],
            f32::from(scratch.neg[best[0].1]),
        )
    } else {
        ([0u8; N_LEX], 0.0)
    };

    // Lexicons.
    let plen = passage.n_tokens as f32;
    for k in 0..N_LEX {
        out[at(Feature::CRefute) + k] = claim.lex_counts[k].min(3.0);
        out[at(Feature::PRefute) + k] = passage.lex_counts[k].ln_1p();
        out[at(Feature::PRefuteD) + k] = ratio(passage.lex_counts[k] * 100.0, plen.max(20.0));
        out[at(Feature::SRefute) + k] = f32::from(best_counts[k]).min(4.0);
    }
    out[at(Feature::NegNear)] = neg_near.ln_1p();
    out[at(Feature::NegNearBest)] = best_neg_near;
    out[at(Feature::RefuteNear)] = refute_near.ln_1p();
    let cneg = claim.lex_counts[2] as u32 % 2;
    let sneg = u32::from(best_counts[2]) % 2;
    out[at(Feature::Parity)] = if cneg == sneg { 1.0 } else { 0.0 };

    // Per-pair sparse inputs.
    if psc.cues || psc.window_bits > 0 {
        let nc = n_cues();
        let mut base = 0u32;
        if psc.cues {
            if psc.text_cues {
                claim.cue_inputs(false, &mut scratch.sparse);
                passage.cue_inputs(true, &mut scratch.sparse);
            }
            base = nc as u32;
        }
        let win_base = if psc.cues { 3 * nc as u32 } else { 0 };
        let wmask = if psc.window_bits > 0 {
            (1u64 << psc.window_bits) - 1
        } else {
            0
        };
        let top: &[usize] = if n_sent == 0 {
            &[]
        } else if n_sent == 1 || best[1].0 <= 0.0 {
            &[best[0].1][..]
        } else {
            &[best[0].1, best[1].1][..]
        };
        let mut n_win = 0usize;
        for &si in top {
            let (a, b) = passage.sentences[si];
            n_win += (b - a) as usize;
        }
        let wv = 1.0 / (n_win.max(1) as f32).sqrt();
        for &si in top {
            let (a, b) = passage.sentences[si];
            for ti in a as usize..b as usize {
                if psc.cues {
                    let id = passage.lex_id[ti];
                    if id > 0 {
                        scratch.sparse.push((base + u32::from(id) - 1, 1.0));
                    }
                }
                if psc.window_bits > 0 {
                    let h = passage.tok_hash[ti];
                    scratch
                        .sparse
                        .push((win_base + ((h >> 40) & wmask) as u32, wv));
                }
            }
        }
    }

    // Shape.
    out[at(Feature::CLen)] = (claim.n_content as f32).ln_1p();
    out[at(Feature::PLen)] = (passage.n_content as f32).ln_1p();
    out[at(Feature::PSents)] = (n_sent as f32).ln_1p();
    out[at(Feature::CQuestion)] = if claim.question { 1.0 } else { 0.0 };
    out[at(Feature::PQuotes)] = ratio(passage.quotes as f32 * 100.0, plen.max(20.0));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The four lexicon features of each block sit in lexicon order, as
    /// the `+ k` writes in `pair_features` assume.
    #[test]
    fn lexicon_blocks_are_in_lexicon_order() {
        for (first, names) in [
            (
                Feature::CRefute,
                ["c_refute", "c_hedge", "c_neg", "c_confirm"],
            ),
            (
                Feature::PRefute,
                ["p_refute", "p_hedge", "p_neg", "p_confirm"],
            ),
            (
                Feature::PRefuteD,
                ["p_refute_d", "p_hedge_d", "p_neg_d", "p_confirm_d"],
            ),
            (
                Feature::SRefute,
                ["s_refute", "s_hedge", "s_neg", "s_confirm"],
            ),
        ] {
            for (k, name) in names.iter().enumerate() {
                assert_eq!(FEATURES[at(first) + k].0, *name);
            }
        }
        assert_eq!(FEATURES.len(), at(Feature::PQuotes) + 1);
    }

    fn idf() -> Idf {
        Idf::from_texts(["the cat sat", "a dog barked", "cats and dogs"], 12)
    }

    #[test]
    fn overlap_features_behave() {
        let idf = idf();
        let c = TextInfo::new("Cat sat on the mat", &idf, 0);
        let same = TextInfo::new("The cat sat on the mat.", &idf, 0);
        let other = TextInfo::new("Stock markets fell sharply today.", &idf, 0);
        let mut f1 = vec![0.0; N_DENSE];
        let mut f2 = vec![0.0; N_DENSE];
        pair_features(
            &c,
            &same,
            &idf,
            PairSparseConfig {
                cues: true,
                window_bits: 8,
                text_cues: true,
            },
            &mut f1,
            &mut PairScratch::default(),
        );
        pair_features(
            &c,
            &other,
            &idf,
            PairSparseConfig::default(),
            &mut f2,
            &mut PairScratch::default(),
        );
        assert!((f1[0] - 1.0).abs() < 1e-6, "coverage {}", f1[0]);
        assert!((f1[3] - 1.0).abs() < 1e-5, "cosine {}", f1[3]);
        assert_eq!(f2[0], 0.0);
        assert_eq!(f2[3], 0.0);
        assert!(f1[12] > 0.99);
    }

    #[test]
    fn lexicon_and_negation() {
        let idf = idf();
        let c = TextInfo::new("Cat sat on the mat", &idf, 0);
        let p = TextInfo::new("It is a hoax: no cat sat on any mat.", &idf, 0);
        let mut f = vec![0.0; N_DENSE];
        pair_features(
            &c,
            &p,
            &idf,
            PairSparseConfig {
                cues: true,
                window_bits: 8,
                text_cues: true,
            },
            &mut f,
            &mut PairScratch::default(),
        );
        assert!(f[at(Feature::PRefute)] > 0.0, "refute count");
        assert!(
            f[at(Feature::NegNear)] > 0.0,
            "negation near a matched term"
        );
    }

    #[test]
    fn empty_texts_give_finite_features() {
        let idf = idf();
        let e = TextInfo::new("", &idf, 10);
        let p = TextInfo::new("?!", &idf, 10);
        let mut f = vec![0.0; N_DENSE];
        for (a, b) in [(&e, &e), (&e, &p), (&p, &e)] {
            pair_features(
                a,
                b,
                &idf,
                PairSparseConfig {
                    cues: true,
                    window_bits: 8,
                    text_cues: true,
                },
                &mut f,
                &mut PairScratch::default(),
            );
            assert!(f.iter().all(|x| x.is_finite()));
        }
    }
}

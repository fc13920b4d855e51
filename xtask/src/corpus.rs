//! `cargo xtask gen-corpus --docs N --out DIR`: a synthetic corpus of news-like
//! plain-text documents from a deterministic PRNG, for benchmarks. About one
//! document in fifty is about the benchmark's seed claim (the Port Alder
//! desalination plant): some repeat the mayor's claim, some give the
//! utility's figures; the rest are on varied topics.

use anyhow::{Context, Result};
use std::path::Path;

/// The claim the benchmark checks.
pub const SEED_CLAIM: &str =
    "The new desalination plant already supplies forty percent of the city's drinking water.";

/// SplitMix64: small, fast and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PLACES: &[&str] = &[
    "Port Alder",
    "Mirren City",
    "Tamsin Valley",
    "Kestrel Point",
    "Bayside",
    "North Harbor",
    "Lakewood",
    "Granite Falls",
    "Cedar Springs",
    "Elmhurst",
    "Westbrook",
    "Silver Bay",
];
const PEOPLE: &[&str] = &[
    "Dana Whitfield",
    "Rosa Delgado-Hart",
    "Owen Pritchard",
    "Hollis Grange",
    "Marisol Teague",
    "Harold Voss",
    "Alma Reyes",
    "Theo Lindqvist",
    "Keiko Ramsay",
    "Ines Calloway",
    "Victor Osei",
    "Lena Brandt",
    "Samir Haddad",
    "Nora Quill",
    "Felix Arden",
];
const ROLES: &[&str] = &[
    "the mayor",
    "a council member",
    "an economist",
    "a spokesperson",
    "the board chair",
    "a school principal",
    "a union leader",
    "a state senator",
    "a researcher",
    "the police chief",
];
const PUBLISHERS: &[&str] = &[
    "Coastal Wire",
    "Port Alder Gazette",
    "Bayside Daily",
    "Water Watch",
    "Mirren Times",
    "Valley Courier",
    "Harbor Fact Desk",
    "North Star Ledger",
    "Granite Post",
    "Lakeside Wire",
];
const TOPICS: &[(&str, &[&str], &[&str])] = &[
    (
        "transit",
        &[
            "ferry",
            "bus line",
            "light rail",
            "bridge",
            "parking garage",
        ],
        &["riders", "passengers", "trips", "commuters"],
    ),
    (
        "schools",
        &[
            "school district",
            "high school",
            "library",
            "college",
            "reading program",
        ],
        &["students", "teachers", "classrooms", "graduates"],
    ),
    (
        "energy",
        &[
            "wind farm",
            "power plant",
            "solar array",
            "grid upgrade",
            "battery site",
        ],
        &["megawatts", "homes", "customers", "outages"],
    ),
    (
        "health",
        &[
            "hospital",
            "clinic",
            "vaccination drive",
            "ambulance service",
            "mental health program",
        ],
        &["patients", "beds", "nurses", "visits"],
    ),
    (
        "housing",
        &[
            "housing project",
            "rent program",
            "shelter",
            "zoning plan",
            "apartment tower",
        ],
        &["units", "families", "tenants", "permits"],
    ),
    (
        "budget",
        &[
            "city budget",
            "bond measure",
            "sales tax",
            "pension fund",
            "road repair fund",
        ],
        &["dollars", "million dollars", "jobs", "contracts"],
    ),
    (
        "weather",
        &[
            "storm season",
            "heat wave",
            "drought",
            "flood barrier",
            "snowfall",
        ],
        &["inches", "days", "degrees", "residents"],
    ),
    (
        "sports",
        &["stadium", "marathon", "youth league", "swim team", "arena"],
        &["fans", "runners", "players", "tickets"],
    ),
];
const VERBS_UP: &[&str] = &["rose", "grew", "climbed", "increased", "jumped"];
const VERBS_DOWN: &[&str] = &["fell", "dropped", "declined", "decreased", "slipped"];
const FILLERS: &[&str] = &[
    "Officials said more details would follow at the next public meeting.",
    "The council is expected to vote on the plan later this spring.",
    "Residents can comment on the proposal through the end of the month.",
    "The figures were published in the annual report released in January.",
    "Critics have questioned whether the schedule is realistic.",
    "Supporters say the project will pay for itself within a decade.",
    "A public hearing is scheduled for Thursday evening at city hall.",
    "The agency did not respond to a request for comment by press time.",
];

fn number(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("{}", 2 + rng.below(97)),
        1 => format!("{}%", 1 + rng.below(60)),
        2 => format!("{},{:03}", 1 + rng.below(90), rng.below(1000)),
        _ => format!("${}.{} million", 1 + rng.below(400), rng.below(10)),
    }
}

fn topic_paragraph(rng: &mut Rng, place: &str) -> String {
    let (_, things, units) = TOPICS[rng.below(TOPICS.len())];
    let thing = rng.pick(things);
    let unit = rng.pick(units);
    let person = rng.pick(PEOPLE);
    let role = rng.pick(ROLES);
    let mut s = Vec::new();
    let n = 2 + rng.below(3);
    for _ in 0..n {
        let sentence = match rng.below(6) {
            0 => format!(
                "The {thing} in {place} served {} {unit} last year, according to city figures.",
                number(rng)
            ),
            1 => format!(
                "Spending on the {thing} {} by {} in 2025, the report said.",
                rng.pick(VERBS_UP),
                number(rng)
            ),
            2 => format!(
                "\"We expect the {thing} to reach {} {unit} by next year,\" said {person}, {role}.",
                number(rng)
            ),
            3 => format!(
                "{person}, {role}, said the number of {unit} {} after the changes.",
                rng.pick(VERBS_DOWN)
            ),
            4 => format!(
                "The {thing} has {} {unit} more than the one in {}.",
                number(rng),
                rng.pick(PLACES)
            ),
            _ => rng.pick(FILLERS).to_owned(),
        };
        s.push(sentence);
    }
    s.join(" ")
}

fn seed_paragraph(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => "\"Our new desalination plant already supplies forty percent of the city's drinking water,\" Mayor Dana Whitfield said in a televised interview.".to_owned(),
        1 => format!(
            "According to the water authority's annual report, the Kestrel Point desalination plant supplied 12 percent of the city's drinking water in 2025. The plant was offline for {} days for membrane repairs.",
            35 + rng.below(10)
        ),
        2 => "The plant's design capacity of 20 million gallons a day is roughly 40 percent of average demand, the mayor's office said.".to_owned(),
        _ => "Household water bills rose 6 percent last year, the utility said, largely because of bond payments on the desalination plant.".to_owned(),
    }
}

/// One document's text: title, byline, dateline and paragraphs.
pub fn document(rng: &mut Rng, i: usize) -> (String, String) {
    let place = rng.pick(PLACES);
    let publisher = rng.pick(PUBLISHERS);
    let relevant = rng.below(50) == 0;
    let (topic, things, _) = TOPICS[rng.below(TOPICS.len())];
    let title = if relevant {
        format!("Questions grow over {place} desalination plant")
    } else {
        format!(
            "{} {} plan draws debate in {place}",
            capitalise(topic),
            rng.pick(things)
        )
    };
    let mut text = format!(
        "{title}\n\nBy {}\n\n{} ({publisher}) - ",
        rng.pick(PEOPLE),
        place.to_uppercase()
    );
    let paragraphs = 4 + rng.below(5);
    for p in 0..paragraphs {
        if p > 0 {
            text.push_str("\n\n");
        }
        if relevant && p % 2 == 1 {
            text.push_str(&seed_paragraph(rng));
        } else {
            text.push_str(&topic_paragraph(rng, place));
        }
    }
    text.push('\n');
    (format!("doc-{i:06}.txt"), text)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The seed of the corpus's random numbers.
pub const SEED: u64 = 0x5EED_C0DE;

/// Every document of a corpus of `n`, in order.
pub fn generate(n: usize) -> Vec<(String, String)> {
    let mut rng = Rng::new(SEED);
    (0..n).map(|i| document(&mut rng, i)).collect()
}

pub fn run(docs: usize, out: &Path) -> Result<bool> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut bytes = 0;
    for (name, text) in generate(docs) {
        bytes += text.len();
        std::fs::write(out.join(&name), text)
            .with_context(|| format!("cannot write {}", out.join(&name).display()))?;
    }
    eprintln!(
        "wrote {docs} documents ({:.1} MB) to {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(true)
}

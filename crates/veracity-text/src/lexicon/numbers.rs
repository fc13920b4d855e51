//! Number words and irregular verb forms, so "forty" meets "40" and "struck"
//! meets "strike". Written for this project.

/// The digits for an English number word ("forty" → "40"), if it is one.
pub fn number_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "zero" => "0",
        "two" => "2",
        "three" => "3",
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "seven" => "7",
        "eight" => "8",
        "nine" => "9",
        "ten" => "10",
        "eleven" => "11",
        "twelve" => "12",
        "thirteen" => "13",
        "fourteen" => "14",
        "fifteen" => "15",
        "sixteen" => "16",
        "seventeen" => "17",
        "eighteen" => "18",
        "nineteen" => "19",
        "twenty" => "20",
        "thirty" => "30",
        "forty" => "40",
        "fifty" => "50",
        "sixty" => "60",
        "seventy" => "70",
        "eighty" => "80",
        "ninety" => "90",
        "hundred" => "100",
        "half" => "50%",
        "third" => "33%",
        "quarter" => "25%",
        "fifth" => "20%",
        "tenth" => "10%",
        _ => return None,
    })
}

/// The base form of an irregular verb form or a common compound
/// ("struck" → "strike", "airstrikes" → "strike"), so they meet their stems.
pub fn irregular(word: &str) -> Option<&'static str> {
    Some(match word {
        "struck" | "airstrike" | "airstrikes" => "strike",
        "rose" | "risen" => "rise",
        "fell" | "fallen" => "fall",
        "paid" => "pay",
        "won" => "win",
        "lost" => "lose",
        "built" => "build",
        "led" => "lead",
        "grew" | "grown" => "grow",
        "began" | "begun" => "begin",
        "bought" => "buy",
        "brought" => "bring",
        "fought" => "fight",
        "found" => "find",
        "gave" | "given" => "give",
        "held" => "hold",
        "kept" => "keep",
        "knew" | "known" => "know",
        "made" => "make",
        "met" => "meet",
        "sent" => "send",
        "sold" => "sell",
        "spent" => "spend",
        "took" | "taken" => "take",
        "went" | "gone" => "go",
        "wrote" | "written" => "write",
        "killed" | "kills" => "kill",
        "warmer" | "warming" | "warmed" => "warm",
        _ => return None,
    })
}

//! English words and grouped digits for values: the verbaliser shared by
//! the property tests and the generative test.

/// Zero to nineteen.
pub const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// Twenty to ninety.
pub const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
/// The scale words, largest first.
pub const SCALES: [(u64, &str); 4] =
    [(1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")];

fn below_thousand(n: u64, and: bool, out: &mut Vec<String>) {
    let (h, rest) = (n / 100, n % 100);
    if h > 0 {
        out.push(format!("{} hundred", SMALL[h as usize]));
        if rest > 0 && and {
            out.push("and".into());
        }
    }
    if rest >= 20 {
        let t = TENS[(rest / 10) as usize];
        out.push(if rest % 10 > 0 { format!("{t}-{}", SMALL[(rest % 10) as usize]) } else { t.to_owned() });
    } else if rest > 0 {
        out.push(SMALL[rest as usize].to_owned());
    }
}

/// English words for `n` below 10^15, with or without `and`.
pub fn words(n: u64, and: bool) -> String {
    if n == 0 {
        return "zero".into();
    }
    let mut out = Vec::new();
    for (scale, name) in SCALES {
        let part = n / scale % 1000;
        if part > 0 {
            below_thousand(part, and, &mut out);
            out.push(name.into());
        }
    }
    below_thousand(n % 1000, and, &mut out);
    out.join(" ")
}

/// `1234567` → `1,234,567`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

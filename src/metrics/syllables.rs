//! Estimated English syllables in a word, for the reading grade.

/// Estimated English syllables in a word: vowel groups, less a silent final `e` and the `-es`
/// / `-ed` endings that add none; at least one. Only letters count.
pub fn syllables(word: &str) -> usize {
    if word.is_ascii() {
        return ascii(word.as_bytes());
    }
    general(word)
}

/// [`count`] for an ASCII word in one pass over its bytes: the vowel groups as they come, and
/// its last four letters for the endings (copying the letters out first was a third of
/// measuring a draft's parts, in a helper's instruction counts).
fn ascii(word: &[u8]) -> usize {
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let (mut n, mut count, mut prev) = (0usize, 0usize, false);
    let mut tail = [0u8; 4];
    for &b in word {
        if !b.is_ascii_alphabetic() {
            continue;
        }
        let l = b.to_ascii_lowercase();
        let v = vowel(l);
        if v && !prev {
            count += 1;
        }
        prev = v;
        tail = [tail[1], tail[2], tail[3], l];
        n += 1;
    }
    if n <= 3 {
        return 1;
    }
    // The last letter is `tail[3]`, the third from last `tail[1]`.
    let ends = |s: &[u8]| tail.ends_with(s);
    if tail[3] == b'e' && !ends(b"le") && !ends(b"ee") && !ends(b"ye") && count > 1 {
        count -= 1; // make, service
    } else if ends(b"le") && vowel(tail[1]) && count > 1 {
        count -= 1; // sale, mile
    }
    if (ends(b"es") || ends(b"ed")) && count > 1 {
        let before = tail[1];
        let adds = if ends(b"ed") {
            before == b't' || before == b'd'
        } else {
            b"sxzcg".contains(&before) || ends(b"shes") || ends(b"ches")
        };
        if !adds && !vowel(before) {
            count -= 1; // asked, makes
        }
    }
    count.max(1)
}

/// [`syllables`] for any word.
fn general(word: &str) -> usize {
    // The word's letters, lower-cased: on the stack for all but very long words.
    let mut stack = ['\0'; 40];
    let mut heap = Vec::new();
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        if !c.is_alphabetic() {
            continue;
        }
        if n < stack.len() {
            stack[n] = c;
        } else {
            if heap.is_empty() {
                heap.extend_from_slice(&stack);
            }
            heap.push(c);
        }
        n += 1;
    }
    let w: &[char] = if heap.is_empty() { &stack[..n] } else { &heap };
    count(w, |c| "aeiouyàâäéèêëîïôöûüù".contains(c))
}

/// A letter of a lower-cased word: a byte or a char.
trait Letter: Copy + PartialEq {
    fn is(self, c: char) -> bool;
}

impl Letter for u8 {
    fn is(self, c: char) -> bool {
        char::from(self) == c
    }
}

impl Letter for char {
    fn is(self, c: char) -> bool {
        self == c
    }
}

/// The syllables of lower-cased letters `w`, with `vowel` telling vowels.
fn count<L: Letter>(w: &[L], vowel: impl Fn(L) -> bool) -> usize {
    if w.len() <= 3 {
        return 1;
    }
    let mut count = 0;
    let mut prev = false;
    for &c in w {
        let v = vowel(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    let n = w.len();
    let ends = |s: &str| {
        let k = s.len(); // ASCII endings
        n >= k && w[n - k..].iter().zip(s.chars()).all(|(&l, c)| l.is(c))
    };
    if w[n - 1].is('e') && !ends("le") && !ends("ee") && !ends("ye") && count > 1 {
        count -= 1; // make, service
    } else if ends("le") && n > 2 && vowel(w[n - 3]) && count > 1 {
        count -= 1; // sale, mile: the e is silent after a vowel
    }
    if (ends("es") || ends("ed")) && n > 3 && count > 1 {
        let before = w[n - 3];
        let adds = if ends("ed") {
            before.is('t') || before.is('d')
        } else {
            "sxzcg".chars().any(|c| before.is(c)) || ends("shes") || ends("ches")
        };
        if !adds && !vowel(before) {
            count -= 1; // asked, makes
        }
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_estimated() {
        for (w, n) in [
            ("the", 1),
            ("make", 1),
            ("service", 2),
            ("asked", 1),
            ("wanted", 2),
            ("people", 2),
            ("delivery", 4),
            ("opportunity", 5),
            ("boxes", 2),
            ("Délivéry", 4),
            ("x", 1),
            ("", 1),
            ("internationalisationsinternationalisations", 16),
        ] {
            assert_eq!(syllables(w), n, "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_pass_counts_as_the_general_one_on_any_word(w in "[a-zA-Z0-9'._-]{0,70}") {
            proptest::prop_assert_eq!(ascii(w.as_bytes()), general(&w), "{}", w);
        }
    }

    #[test]
    fn the_ascii_path_counts_as_the_general_one() {
        let words = [
            "the", "Make", "SERVICE", "asked", "wanted", "people", "boxes", "sale", "mile", "free",
            "bye", "wishes", "matches", "fixed", "ended", "ages", "races", "x2ed", "don't",
            "e-mail", "3rd", "yes", "ye", "eye", "queue", "rhythm", "aeiou", "b", "tle", "able",
            "axes", "quizzes",
        ];
        let long = "ab".repeat(40);
        for w in words.iter().copied().chain([long.as_str()]) {
            assert_eq!(syllables(w), general(w), "{w}");
        }
    }
}

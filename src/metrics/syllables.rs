//! Estimated English syllables in a word, for the reading grade.

/// Estimated English syllables in a word: vowel groups, less a silent final `e` and the `-es`
/// / `-ed` endings that add none; at least one. Only letters count.
pub fn syllables(word: &str) -> usize {
    if word.is_ascii() {
        // The word's letters, lower-cased, without a Unicode case table.
        let mut buf = [0u8; 64];
        let mut n = 0;
        for b in word.bytes() {
            if b.is_ascii_alphabetic() {
                if n == buf.len() {
                    return general(word);
                }
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
        }
        return count(&buf[..n], |b| {
            matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
        });
    }
    general(word)
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

//! Tests of `crate::matcher`.

use super::*;
use crate::pack::PackSource;

fn rules(toml: &str) -> Vec<Box<dyn Rule>> {
    let src = PackSource {
        path: "t.toml".into(),
        text: format!("[pack]\nname = \"t\"\n{toml}"),
    };
    crate::rule::compile_pack(&src).unwrap()
}

fn hits(toml: &str, text: &str) -> Vec<(u32, String)> {
    let rules = rules(toml);
    let m = Matcher::new(&rules).unwrap();
    let mut out = Vec::new();
    m.find_all(text, &mut out);
    out.into_iter()
        .map(|h| (h.rule, text[h.span].to_string()))
        .collect()
}

const TWO: &str = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"partner*\"]\n\
                   [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"partner with you\"]\n";

#[test]
fn overlapping_rules_both_fire() {
    assert_eq!(
        hits(TWO, "We partner with you."),
        [(0, "partner".into()), (1, "partner with you".into())]
    );
}

#[test]
fn every_occurrence_is_found() {
    assert_eq!(hits(TWO, "partners and PARTNERSHIP").len(), 2);
}

#[test]
fn non_ascii_letters_are_word_characters() {
    assert!(hits(TWO, "épartner").is_empty());
    // `partner*` is any word that starts with "partner", non-ASCII letters included.
    assert_eq!(hits(TWO, "partneré"), [(0, "partneré".into())]);
    assert!(hits(TWO, "a partner withé you").iter().all(|h| h.0 == 0));
    assert_eq!(hits(TWO, "«partner»").len(), 1);
    let t = "[[rule]]\nid = \"c\"\nmessage = \"m\"\nweight = -1\nphrases = [\"café\"]\n";
    assert_eq!(hits(t, "un café noir").len(), 1);
    assert!(hits(t, "cafés").is_empty());
}

#[test]
fn identical_patterns_are_compiled_once() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"synergy\"]\n\
             [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"synergy\"]\n";
    let r = rules(t);
    assert_eq!(Matcher::new(&r).unwrap().len(), 1);
    assert_eq!(
        hits(t, "synergy"),
        [(0, "synergy".into()), (1, "synergy".into())]
    );
}

/// Rules that share patterns get a hit each, in order (by start, then rule, then pattern):
/// the same hits as each rule's own matcher finds, whether the text is scanned whole or in
/// pieces, and after hits already in the list.
#[test]
fn shared_patterns_give_each_rule_its_hits_in_order() {
    let rule = |id: &str, body: &str| {
        format!("[[rule]]\nid = \"{id}\"\nmessage = \"m\"\nweight = -1\n{body}\n")
    };
    let defs = [
        rule("a", "phrases = [\"partner\", \"we partner\"]"),
        rule("b", "pattern = '!+'"),
        rule("c", "phrases = [\"partner\"]"),
        // Its second pattern (an exception) starts where rules c and f's first do.
        rule(
            "d",
            "phrases = [\"we partner\"]\nexceptions = [\"partner\", \"partner!\"]",
        ),
        rule("e", "pattern = '!+'"),
        rule("f", "pattern = 'partner|!'"),
        // A regex that finds what a phrase finds: another pattern, another hit.
        rule("g", "pattern = '(?i)we partner'"),
    ];
    let all = rules(&defs.concat());
    let m = Matcher::new(&all).unwrap();
    assert!(
        m.len() < 10,
        "shared patterns are compiled once: {}",
        m.len()
    );
    let text = "We partner! We partner!! partner!!!, we partner. ".repeat(40);
    // Each rule alone, its hits named as in the whole list.
    let mut expected: Vec<Hit> = Vec::new();
    for (i, def) in defs.iter().enumerate() {
        let own = rules(def);
        let mut found = Vec::new();
        Matcher::new(&own).unwrap().find_all(&text, &mut found);
        expected.extend(found.into_iter().map(|h| Hit {
            rule: i as u32,
            ..h
        }));
    }
    expected.sort_by_key(|h| (h.span.start, h.rule, h.pattern));
    assert!(expected.len() > 600, "{}", expected.len());
    for min in [usize::MAX, 1, 64, 1000] {
        let mut found = Vec::new();
        m.find_all_in(&text, &mut found, min, true);
        assert_eq!(found, expected, "pieces of at least {min} bytes");
    }
    let before = Hit {
        rule: 9,
        pattern: 9,
        span: 0..1,
    };
    let mut found = vec![before.clone()];
    m.find_all(&text, &mut found);
    assert_eq!(found[0], before);
    assert_eq!(found[1..], expected[..]);
}

/// A long text is cut into pieces of at most PIECE_MAX bytes that cover it in order, on
/// character boundaries; a short one stays whole.
#[test]
fn long_texts_are_cut_into_small_pieces() {
    let text = "é".repeat(PIECE_MAX * 2 + 7);
    let p = pieces(&text, 2, PIECE_MAX);
    assert!(p.len() >= 5, "{p:?}");
    assert_eq!(p[0].start, 0);
    assert_eq!(p.last().unwrap().end, text.len() + 1);
    for w in p.windows(2) {
        assert_eq!(w[0].end, w[1].start);
    }
    for r in &p {
        assert!(text.is_char_boundary(r.start));
        assert!(r.end - r.start <= PIECE_MAX + 2, "{r:?}");
    }
    assert_eq!(pieces("short", 2, PIECE_MAX), vec![0..6]);
}

#[test]
fn pieces_find_what_one_scan_finds() {
    let r = rules(TWO);
    let m = Matcher::new(&r).unwrap();
    let t = "!!partner with you; partners é partner\u{e9} «partner» ".repeat(50);
    let mut one = Vec::new();
    m.find_all_in(&t, &mut one, usize::MAX, true);
    assert!(one.len() > 100);
    for min in [1, 7, 64, 1000] {
        let mut many = Vec::new();
        m.find_all_in(&t, &mut many, min, true);
        assert_eq!(one, many, "pieces of at least {min} bytes");
    }
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '!{2,}'\n";
    let r = rules(t);
    let m = Matcher::new(&r).unwrap();
    let text = "!!!!!!!! a !!!! b".repeat(20);
    let mut one = Vec::new();
    m.find_all_in(&text, &mut one, usize::MAX, true);
    for min in [1, 3, 5] {
        let mut many = Vec::new();
        m.find_all_in(&text, &mut many, min, true);
        assert_eq!(one, many, "pieces of at least {min} bytes");
    }
}

#[test]
fn overlaps_are_found_whatever_the_prefixes() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '[a-z]+ing'\n\
             [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"testing\"]\n\
             [[rule]]\nid = \"c\"\nmessage = \"m\"\nweight = -1\nphrases = [\"test*\"]\n";
    assert_eq!(
        hits(t, "Testing, testing."),
        [
            (0, "Testing".into()),
            (1, "Testing".into()),
            (2, "Testing".into()),
            (0, "testing".into()),
            (1, "testing".into()),
            (2, "testing".into()),
        ]
    );
}

#[test]
fn unicode_boundary_patterns_run_apart_and_still_overlap() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '\\bdemo\\b'\n\
             [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"demo*\"]\n";
    let r = rules(t);
    let m = Matcher::new(&r).unwrap();
    assert_eq!(m.regexes.len(), 1);
    assert_eq!(m.literals.len(), 1);
    assert_eq!(
        hits(t, "« demo » démo demos"),
        [(0, "demo".into()), (1, "demo".into()), (1, "demos".into())]
    );
}

#[test]
fn a_too_large_pattern_names_its_rule() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"fine\"]\n\
             [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\npattern = '(?:\\w{100}){100}x'\n";
    let e = Matcher::new(&rules(t)).unwrap_err();
    assert_eq!(e.rule, 1);
    assert!(e.message.contains("too large"), "{}", e.message);
}

#[test]
fn phrases_left_to_the_regex_engine_mean_what_literal_ones_mean() {
    // `partner* with you` is no small set of strings: it runs as a regex.
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\n\
             phrases = [\"partner* with you\", \"partner* with you and me\"]\n";
    assert_eq!(
        hits(
            t,
            "We partner with you and me. Partneré—with you. partners - with\nyou."
        ),
        [
            (0, "partner with you and me".into()),
            (0, "Partneré—with you".into()),
            (0, "partners - with\nyou".into())
        ]
    );
}

#[test]
fn greek_final_sigma_is_sigma() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"οδος\"]\n";
    assert_eq!(hits(t, "ΟΔΟΣ, Οδος, οδος").len(), 3);
}

#[test]
fn a_prefix_repeated_inside_one_word_is_no_match() {
    // Each repeat starts inside the word: rejected before the word's end is looked for.
    let word = "synerg".repeat(5000);
    assert!(hits(TWO, &format!("partner{word}x partnerx")).len() == 2);
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"synerg*\"]\n";
    assert_eq!(hits(t, &format!("a {word} b")), [(0, word)]);
}

#[test]
fn user_regexes_keep_their_meaning() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '!{2,}'\n";
    assert_eq!(hits(t, "Wow!!! ok!"), [(0, "!!!".into())]);
}

/// The DFAs that `build.rs` embeds are read without checking their transitions
/// (`crate::document::dfa::load`): here each one passes the full check.
#[test]
fn embedded_dfas_pass_the_full_check() {
    let all = crate::document::dfa::embedded_bytes()
        .into_iter()
        .chain(embedded::bytes());
    let mut n = 0;
    for (name, bytes) in all {
        assert!(!bytes.is_empty(), "{name}: no DFA was embedded");
        let checked = regex_automata::dfa::dense::DFA::from_bytes(bytes);
        assert!(checked.is_ok(), "{name}: {:?}", checked.err());
        n += 1;
    }
    // Placeholders, links (two), the rules (two) and the ten cues of the parts.
    assert_eq!(n, 15);
}

/// Every default regex is compiled into one embedded DFA by `build.rs`, in the dev profile
/// too, so its size is binary size and build time. Unicode case folding and word-class gaps
/// multiply it: two exception regexes once grew it from 2.3 MB to 6.7 MB and the build
/// script from 22 s to over 4 minutes. Keep what a regex adds small (ASCII `(?-u:…)` where
/// the text allows it, no counted word gaps). The bound was 4 MB until session 22, when the
/// DFA was 4,042 KB and no-ask's booking asks ("Grab 15 minutes here: …", "Pick a time that
/// suits you: …") took it past; 4.25 MB until session 25, when it was 4,264 KB and two
/// exceptions took it to 4,692 KB: "Greetings," that goes on after the comma (141 KB; three
/// other forms tried cost 2.5 to 6 MB) and the seller's next step, "I'll follow up in 2 weeks",
/// which concrete-proof took for a result (287 KB). Start-up stayed the same (hyperfine, 300
/// runs on a 3 KB draft: 2.10 ms beyond `true` before, 1.95 ms after). 4.625 MB until session
/// 36, when all-caps-subject went on over a whole run of capitals (one finding for a long
/// subject, not one per three words): 4,693 → 4,745 KB forward, 1,732 → 1,925 KB reverse, and
/// the same instructions and page faults for a 3 KB draft's run (callgrind, `perf stat`). 4.8
/// MB until session 42, when concrete-proof took a count that fell or rose ("complaints fell
/// from 11 a month to 2"): 4,776 → 4,847 KB (three narrower forms cost as much or more), in a
/// change whose 3 KB draft's run stayed at 2.5 to 2.7 ms (see the strings' bound below).
/// 4.9 MB until session 44, when partner-close and partner-talk took a vendor's credential with
/// a brand between ("we're a certified IDEXX partner", which phrases cannot say): 4,847 →
/// 5,612 KB. The pattern alone is 23 KB; the rest is its product with the other patterns (any
/// word then "partner" beside all-caps-subject's runs of capitals), and every narrower form
/// tried cost as much (a capitalised brand 5,600 KB, `[a-z]{2,12}` 5,829 KB, "certified" alone
/// 5,813 KB). A 3 KB draft's run: 6.84 M instructions with it, 6.79 M without (callgrind),
/// 2.6 ms both in two alternating hyperfine rounds of 150 runs; a 10 MB file 1.01× slower.
/// A review then gave the pattern its seller ("we're a", "as an": without one it excused
/// "could we become a certified scheduling partner for your clinic?"): 5,650 KB forward, and
/// the reverse DFA, 2,022 KB until then (bound 2 MB), 2,103 KB; 5,652 and 2,107 KB once a
/// price "a quarter" was no proof either (session 45).
/// 5,672 and 2,142 KB once concrete-proof took "99.9% on-time delivery guaranteed" as a promise
/// (session 46; a two-word gap before "guaranteed" cost 34 and 61 KB more).
#[test]
fn the_embedded_rule_dfa_stays_small() {
    let [(_, fwd), (_, rev)] = embedded::bytes();
    assert!(
        fwd.len() <= 5700 << 10,
        "forward DFA {} KB",
        fwd.len() >> 10
    );
    assert!(
        rev.len() <= 2150 << 10,
        "reverse DFA {} KB",
        rev.len() >> 10
    );
}

/// Every phrase of the default packs expands to strings. Until session 19 they were put in a
/// trie on every run, so start-up grew with their number: about 3,900 once cost a 3 KB draft
/// 1.6 times its time (session 14), and the ~310 added in session 18 cost 1 M of its 16.84 M
/// instructions. `build.rs` now builds that trie and the binary carries it (21,981 nodes,
/// about 400 KB with the strings), but a run still sorts every string's owners, and a long
/// text builds an Aho–Corasick DFA of them all, whose size grows with strings × byte
/// classes. Keep the groups small (a list of 19 platforms times 8 program words is 152
/// strings, in each rule that lists it). The bound was 2,150 until the trie was embedded; the
/// buyer's partners in a function ("your finance partner", and being one of them) added ~510
/// strings then, for about 0.3 M of a 3 KB draft's instructions (0.19 M for the first 340).
/// The bound was 2,700 until a practice's own partners ("you and your practice partner"),
/// integrations ("our other EHR partners"), more asks to team up and the prices, terms and slogans
/// that concrete-proof leaves out added ~125 (session 21). It was 2,750 until
/// seed/partner-sign-off's partnerships pushed in a courtesy under the ask ("Looking forward to
/// partnering with you.", "Thanks for considering us as your freight partner.", ~200 forms a
/// review found) and partner-talk's thanks for a partnership that exists added ~220 (session
/// 23). It was 2,980 until the buyer's own partners as whom a thing goes to ("forward this to
/// your partner", "before your partner meeting"), and the other senses of words that sales
/// rules flag (a law that "Act now covers", "we are leading the pilot", "the same kind of
/// loads", "debt leverage"), added ~85 (session 24; each tied to the words around it, as a
/// review found wider ones excusing pushes). It was 3,070 until a new user's 42 drafts and a
/// review of the fixes added ~140 (session 25): a law firm's own partners ("show the flow to
/// the partners on Thursday", "which partner handles intake"), pushes missed ("we can only
/// hold this rate until the 30th") and literal senses ("seamless steel tube", "less
/// disruptive to your shifts"), and the buyer's partners that partner-overuse no longer counts
/// ("your managing partner told us"), 3,250 with the mass template's clichés and contract
/// terms, then 3,274 with a customer's thanks for the partnership ("We really value our
/// partnership.", as "Thank you for your partnership." is free); start-up stayed the same (see
/// the DFA test above). It was 3,300 until a third new user's 55 drafts added ~200 (session
/// 26): the sales/hype rule ("10x your", "these results are typical", "300% increase"), pushes
/// in other words ("our pricing disappears at midnight", "I need a decision from you by"), the
/// partnership without the word ("a long and prosperous relationship", "hand in hand with
/// you"), a law firm's partners beside the buyer ("you and the litigation partners"), a
/// denial of self-praise and the longer "many of our" swaps; a 3 KB draft's start-up measured
/// the same (hyperfine, 300 runs). It was 3,475 until sales/competitor-bashing and
/// sales/buyer-blame added ~440 (session 27: "their support is a joke", "they only care about
/// their margins", "I guess you don't want to grow", "you didn't even bother to open"; curly
/// and straight apostrophes make two strings of each "don't"); see `benches/HISTORY.md` for the start-up.
/// It was 3,925 until a fourth new user's gaps added ~30 (session 31: "did you get my last
/// email", "you'll regret it", "only available to the first 10", "we're the industry
/// leader"): a 3 KB draft's run measured the same under callgrind (11.23 M instructions
/// before, 11.24 to 11.30 M after, three runs; wall time on that machine was too noisy to
/// tell). It was 3,975 until a fifth new user's drafts added ~190 (session 32: "you'll fall
/// behind", "I've gone ahead and put 30 minutes on your calendar", "we guarantee you will save
/// money", "money you're leaving on the table", "we aren't looking for a partnership"); see
/// `benches/HISTORY.md` for the start-up. It was 4,175 until a sixth new user's drafts added some
/// (session 33: "lock in your rate now", "or the discount is gone", "our partner carrier",
/// "revolutionize", "Hello Sir,"): the essay's run under callgrind, 11.66 and 11.72 M
/// instructions before, 11.75 to 11.80 M after. It was 4,240 until a seventh new user's
/// drafts added ~110 (session 37: the buyer's own partner, "is your partner", "you or your
/// partner"; "an AWS Advanced Partner"; "thanks for your partnership"; a "2-week pilot";
/// "just circling back with one new number"); see `benches/HISTORY.md` for the start-up. It
/// was 4,400 until an eighth new user's drafts added ~130 (session 38: mentions of a partner
/// in a close, "my business partner", "a certified AWS partner"; "a joint venture", "grow
/// together"; insults and blame, "anyone with basic sense would"): a 3 KB draft's run, 7.57 M
/// instructions before, 7.63 to 7.64 M after (callgrind, two runs each); then 4,554 with the
/// asks a review found those mentions excusing ("be your premier partner", "be my business
/// partner", "your partner at every step"): 7.65 M. It was 4,600 until a ninth new user's
/// drafts added ~170 (session 39: the buyer's own partner asked about, "would your partners
/// join the call", "is Brightwave still your Shopify partner, or"; "their support team is
/// clueless", "honestly, your network is a mess", "expires at midnight tonight", "enough for
/// you to judge us"): a 3 KB draft's run, 6.75 M instructions before, 6.81 M after, and the 10 MB
/// folder linted as fast (hyperfine, 8 runs each); 6.84 M once a review tied the new phrases
/// to the words around them (4,724 → 4,765 strings). It was 4,800 until a tenth new user's
/// drafts added ~40 (session 40: "I guess saving money isn't a priority for you", "I'll assume
/// you're happy overpaying", "embarrassing for a company your size", and the buyer's question
/// reported, "you asked specifically whether we would be a logistics partner"); a review of
/// those (session 41) tied them and buyer-blame's to the words that make a charge, in 4,847
/// strings (a first try took 4,997, past the 5,000 the phrases then had a DFA for); 4,849 with
/// a new user's "should I reach out to someone else?" and "an Ecolab certified partner" left
/// alone. Since then long texts are scanned by a contiguous NFA (`literals::long_kind`), as
/// fast and 13.8 MB smaller than the DFA, and a group past 5,000 strings builds nothing at
/// once when it scans with the embedded trie: what a string costs now is the run's start-up
/// (sorting its owners), which a new bound should be measured against. It was 4,850 until an
/// eleventh new user's drafts added ~460 (session 42: a law firm's own partners, "at your
/// partners' meeting"; fear, "can you afford to be the next firm in the news?"; pushes and
/// guilt, "I've penciled in Thursday", "the courtesy of a reply"): a 3 KB draft's run, 7.51 M
/// instructions before, 7.66 M after (callgrind), and 2.5 to 2.7 ms both, in three
/// alternating hyperfine rounds of 150 runs. It was 5,400 until a twelfth new user's drafts
/// (session 44: a vet clinic's partners, "don't get left behind", "a 250% increase in
/// bookings", "only 4 onboarding spots left") took it to 5,711: the same 3 KB draft's run, 6.72
/// M instructions before (build 0a9cbdd) and 6.79 M after, without the DFA's change above;
/// 2.5 and 2.6 ms. A review's fixes took it to 6,022, past the 6,000 a long text's DFA is
/// built for (`DFA_MAX_STRINGS`); narrower forms brought it back to 5,800 (a reproach's
/// "honestly"/"frankly" slot, 168 strings, went: "your booking process is honestly
/// embarrassing" is rare, and the sentence is one finding either way). A fourteenth new
/// user's drafts (session 46, a freight broker: "your partner carriers", "a SmartWay Transport
/// Partner", "a missed load could shut down your line", "3 dedicated slots left") and a
/// review's fixes (a freight partner asked to be: "be your partner carrier") took it to 5,939,
/// still under `DFA_MAX_STRINGS`. A CI trial's end-of-quarter pressure (session 49: "I cannot
/// hold this price past Friday", "if you sign before Friday", "Let's get this signed today")
/// and a discount for signing that concrete-proof took for a result ("an extra 15% if you
/// sign") took it to 5,964, and two reviews' narrower forms and exceptions to 5,984.
#[test]
fn the_default_packs_expand_to_few_strings() {
    let rules = crate::check::compile_rules(&crate::pack::default_sources()).unwrap();
    let matcher = Matcher::new(&rules).unwrap();
    let n: usize = matcher.literals.iter().map(|g| g.len()).sum();
    assert!(n <= 5_990, "{n} distinct strings");
}

/// A team's phrases beside the default packs' can take their group past the strings a DFA is
/// built for: a short draft still builds no automaton (the embedded trie and a trie of the
/// team's strings scan it; built at once, as for a team's own big group, it took a 3 KB
/// draft's run from 2.5 to 8.8 ms with a pack of 300 phrases, session 41), and a long text is
/// scanned by an automaton that finds what the tries find.
#[test]
fn a_team_pack_past_the_dfa_bound_builds_no_automaton_for_a_short_draft() {
    let mut all = crate::check::compile_rules(&crate::pack::default_sources()).unwrap();
    let phrases: Vec<String> = (0..800).map(|i| format!("\"zulu{i} yankee\"")).collect();
    all.extend(rules(&format!(
        "[[rule]]\nid = \"team\"\nmessage = \"m\"\nweight = -1\nphrases = [{}]\n",
        phrases.join(", ")
    )));
    let team = u32::try_from(all.len() - 1).unwrap();
    let m = Matcher::new(&all).unwrap();
    let n: usize = m.literals.iter().map(|g| g.len()).sum();
    assert!(n > 6_000, "{n} strings");
    let text = "Hi Dana,\n\nWe'd love to partner with you: zulu7 yankee, and ZULU799 Yankee.\n";
    let mut short = Vec::new();
    m.find_all(text, &mut short);
    assert!(m.literals.iter().all(|g| !g.automaton_built()));
    let found = |hits: &[Hit]| -> Vec<(u32, String)> {
        hits.iter()
            .map(|h| (h.rule, text[h.span.clone()].to_string()))
            .collect()
    };
    let short = found(&short);
    let mine: Vec<&str> = (short.iter())
        .filter(|(r, _)| *r == team)
        .map(|(_, s)| s.as_str())
        .collect();
    assert_eq!(mine, ["zulu7 yankee", "ZULU799 Yankee"]);
    assert!(
        short.iter().any(|(r, s)| *r != team && s == "partner"),
        "{short:?}"
    );
    m.expect_text(100 << 20);
    let mut long = Vec::new();
    m.find_all(text, &mut long);
    assert!(m.literals.iter().any(LiteralGroup::automaton_built));
    assert_eq!(found(&long), short);
}

/// The default packs' regexes run on the DFAs compiled at build time (if `build.rs` and the
/// rules stopped agreeing on the patterns, they would be compiled at run time instead, and
/// start-up would be slower), and those find exactly what the same patterns compiled at run
/// time find: every match, where it starts and ends, and which pattern, on the real corpus
/// and the fixtures, with the per-pattern anchored checks for overlaps.
#[test]
fn default_regexes_run_on_embedded_dfas_that_find_what_compiling_finds() {
    let rules = crate::check::compile_rules(&crate::pack::default_sources()).unwrap();
    let matcher = Matcher::new(&rules).unwrap();
    assert_eq!(matcher.regexes.len(), 1);
    assert!(matcher.regexes[0].is_embedded());
    // Nor are they parsed when their packs load.
    let specs: Vec<&PatternSpec> = rules.iter().flat_map(|r| r.patterns()).collect();
    let regexes: Vec<&crate::rule::RegexSpec> = specs
        .iter()
        .filter_map(|s| match s {
            PatternSpec::Regex(re) => Some(re),
            PatternSpec::Phrases { .. } => None,
        })
        .collect();
    assert!(regexes.len() >= 5 && regexes.iter().all(|re| re.hir.is_none()));

    let sources = embedded::SOURCES;
    assert!(sources.len() >= 5, "{sources:?}");
    let patterns: Vec<regexes::Pattern> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| regexes::Pattern {
            regex: (*s).to_string(),
            hir: None,
            words: false,
            pid: i as u32,
            rule: 0,
        })
        .collect();
    let refs: Vec<&regexes::Pattern> = patterns.iter().collect();
    let compiled = regexes::RegexGroup::compiled(&refs);
    let embedded = regexes::RegexGroup::build_all(patterns.clone()).unwrap();
    assert!(embedded[0].is_embedded() && !compiled.is_embedded());

    let mut texts = Vec::new();
    for dir in ["tests/corpus/real", "tests/fixtures"] {
        for e in ignore::Walk::new(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) {
            if let Ok(t) = std::fs::read_to_string(e.unwrap().path()) {
                texts.push(t);
            }
        }
    }
    assert!(texts.len() > 20, "{}", texts.len());
    texts.push(
        "!!! FREE TRIAL, BOOK A DEMO NOW!! Only $5 per seat, 10\u{a0}am Kelvin \u{212a}".into(),
    );
    // Matches that start right after a letter, a non-ASCII letter, a line break or a digit
    // (the patterns a byte can start are read off the DFA's start states, which such a byte
    // before tells apart), and at the text's very start.
    texts.push("$40 a month.x$5 per seat\né€40 per load\r\n$1,850 per load?ok?\n2x USD 400 a week; saved Acme $4,000.Wow!!Really!".into());
    let mut found = 0;
    for t in &texts {
        for own in [None, Some(&[][..])] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            embedded[0].scan(t, 0, t.len(), &mut a, None, own);
            compiled.scan(t, 0, t.len(), &mut b, None, own);
            assert_eq!(a, b);
            found += a.len();
        }
    }
    assert!(found > 100, "{found}");
}

/// A team pack that repeats a default pack's regex beside one of its own: the group is not
/// the embedded one, so both are compiled at run time (the shared one parsed then) and found.
#[test]
fn a_default_regex_in_a_team_pack_is_compiled_with_the_others() {
    let toml = "[[rule]]\nid = \"bang\"\nmessage = \"m\"\nweight = -1\npattern = '!'\n\
                [[rule]]\nid = \"xy\"\nmessage = \"m\"\nweight = -1\npattern = 'x+y'\n";
    let rules = rules(toml);
    let m = Matcher::new(&rules).unwrap();
    assert!(!m.regexes[0].is_embedded());
    assert_eq!(
        hits(toml, "Wow! xxy"),
        [(0, "!".to_string()), (1, "xxy".to_string())]
    );
}

/// A scan that skips a rule pattern's matches inside its own last one, and walks the rest of
/// such a match with anchored searches, finds what a scan from every character finds: in one
/// piece, and in pieces where one pattern's matches overlap across a piece's start.
#[test]
fn skipping_own_overlaps_changes_no_hit() {
    let team = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '[0-9][0-9,]*\\s?usd'\n\
                [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\npattern = 'a[a-z ]*b|b[a-z ]{70,}c'\n\
                [[rule]]\nid = \"c\"\nmessage = \"m\"\nweight = -1\npattern = '(?:ab)+|x'\n\
                [[rule]]\nid = \"d\"\nmessage = \"m\"\nweight = -1\nphrases = [\"ab ab\", \"usd\"]\n\
                [[rule]]\nid = \"e\"\nmessage = \"m\"\nweight = -1\npattern = 'qa[^z]*z|qb[^y]*y'\n";
    let defaults = crate::check::compile_rules(&crate::pack::default_sources()).unwrap();
    let matchers = [
        Matcher::new(&rules(team)).unwrap(),
        Matcher::new(&defaults).unwrap(),
    ];
    let mut texts: Vec<String> = vec![
        format!("{}1 usd and 2,2 usd", "1,".repeat(300)),
        format!("a{}b a{}b", " aaaa".repeat(40), "ab".repeat(50)),
        format!("b{}c then b{}c and a b", "a".repeat(200), " ".repeat(90)),
        format!(
            "Save {}$4,000 USD!! It's {}great!!",
            "1,".repeat(100),
            "!".repeat(80)
        ),
        "WOW!!! This is the best offer ever! Book a demo now! Really! Only $5 per seat.".repeat(8),
        // A long match of one pattern (`$1,1,…`) over text where another (`1,1,… usd`) fails
        // far at every digit, with and without its ending.
        format!("Hi,\n\n${}1\n", "1,".repeat(200)),
        format!(
            "We saved ${}1 and cut costs by ${}1 a year.",
            "1,".repeat(150),
            "1,".repeat(150)
        ),
        format!("${}1 usd", "1,".repeat(200)),
        // An all-caps match inside its own last one, over a run where a price pattern fails far
        // from every digit: the walk looks for that pattern with a search of its own.
        format!("Hi,\n\nAAAA BBBB {}1 CC DD EE\n", "1,".repeat(200)),
        format!("AAAA BBBB {}1 usd CC DD, then 12 usd", "1,".repeat(200)),
        format!(
            "qa qa {}1 z and qa qa {}1 usd z 1 usd",
            "1,".repeat(200),
            "1,".repeat(90)
        ),
        // A match across a piece's start that ends before the next piece's first match of the
        // same pattern does: that piece is scanned again.
        format!(
            "{}qa qb z qa z y {}",
            "x ".repeat(40),
            "1,".repeat(100) + "1 usd qa qb z y"
        ),
    ];
    // Random texts over the patterns' own bytes, with long runs.
    let mut seed = 0x2545_f491_u64;
    let words = [
        "1,", "1", " usd", "a", "b", "ab", " ", "c", "x", "é", "!", "$4", "USD", "\n", "qa", "qb",
        "z", "y", "$",
    ];
    for _ in 0..60 {
        let mut t = String::new();
        for _ in 0..400 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let w = words[(seed % words.len() as u64) as usize];
            let n = if seed.is_multiple_of(11) { 40 } else { 1 };
            t.push_str(&w.repeat(n));
        }
        texts.push(t);
    }
    let mut found = 0;
    for m in &matchers {
        for t in &texts {
            let mut want = Vec::new();
            m.find_all_in(t, &mut want, usize::MAX, false);
            found += want.len();
            for min in [usize::MAX, 1, 50, 300] {
                let mut got = Vec::new();
                m.find_all_in(t, &mut got, min, true);
                assert_eq!(got, want, "pieces of at least {min} bytes in {t:?}");
            }
        }
    }
    assert!(found > 10_000, "{found}");
}

/// A piece whose first match of a pattern starts inside the previous piece's last one and ends
/// after it: scanned alone, it skips a match the matcher keeps (`qa z`), so it is scanned
/// again from the previous piece's ends.
#[test]
fn a_straddled_piece_is_scanned_again_from_the_previous_ends() {
    let m = Matcher::new(&rules(
        "[[rule]]\nid = \"e\"\nmessage = \"m\"\nweight = -1\npattern = 'qa[^z]*z|qb[^y]*y'\n",
    ))
    .unwrap();
    let len = 400;
    let threads = rayon::current_num_threads().max(2);
    let cut = pieces(&" ".repeat(len), threads, 50)[0].end;
    // `qa` ends right at the cut; `qb` starts the next piece.
    let mut t = format!("{}qa qb z qa z y ", " ".repeat(cut - 2));
    t.push_str(&" ".repeat(len - t.len()));
    assert_eq!(pieces(&t, threads, 50)[0].end, cut);
    let spans = |min, skip| {
        let mut out = Vec::new();
        m.find_all_in(&t, &mut out, min, skip);
        out.into_iter().map(|h| &t[h.span]).collect::<Vec<_>>()
    };
    assert_eq!(spans(usize::MAX, false), ["qa qb z", "qa z"]);
    assert_eq!(spans(50, true), ["qa qb z", "qa z"]);
    // The piece's own scan, from no previous match, is the one that needs the second look.
    let alone = m.scan_groups(&t, cut, len + 1, &[], Some(&[]));
    assert_eq!(
        alone.iter().map(|c| &t[c.start..c.end]).collect::<Vec<_>>(),
        ["qb z qa z y"]
    );
}

//! Every example of every rule in every shipped pack behaves as written.
#![allow(clippy::print_stderr)]

use pitchlint::{Linter, examples, pack};

#[test]
fn every_default_rule_example_holds() {
    let linter = Linter::new(&pack::default_sources()).expect("default packs load");
    let (count, failures) = examples::run(&linter);
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {count} examples failed",
        failures.len()
    );
    // Every rule carries at least one example of each kind.
    for rule in linter.rules() {
        assert!(
            !rule.examples.fire.is_empty(),
            "{} has no `fire` example",
            rule.qualified
        );
        assert!(
            !rule.examples.quiet.is_empty(),
            "{} has no `quiet` example",
            rule.qualified
        );
    }
    assert!(count >= 2 * linter.rules().count());
}

//! Criterion benches: matcher throughput on the default pack, one whole file linted and
//! rendered, and compiling the default pack and a pack of 100,000 phrases.
//!
//! The text is `PITCHLINT_BENCH_FILE` when set (for example `/tmp/corpus-10mb/single.md`),
//! else the test fixtures repeated to about 1 MiB, so the benches run on a fresh clone.

use std::hint::black_box;
use std::io;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pitchlint::matcher::Matcher;
use pitchlint::render::{self, OutputFormat, RenderOptions};
use pitchlint::report::Summary;
use pitchlint::score::Gate;
use pitchlint::{Linter, document, pack, rule};

fn text() -> String {
    if let Some(path) = std::env::var_os("PITCHLINT_BENCH_FILE") {
        let bytes = std::fs::read(&path).expect("PITCHLINT_BENCH_FILE is readable");
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut one = String::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in names {
        one.push_str(&std::fs::read_to_string(p).expect("fixture is UTF-8"));
        one.push_str("\n\n");
    }
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1 << 20 {
        s.push_str(&one);
    }
    s
}

fn default_rules() -> Vec<Box<dyn rule::Rule>> {
    pack::default_sources()
        .iter()
        .flat_map(|s| rule::compile_pack(s).expect("default pack compiles"))
        .collect()
}

fn bench_matcher(c: &mut Criterion) {
    let text = text();
    let matcher = Matcher::new(&default_rules()).expect("matcher builds");
    let mut g = c.benchmark_group("matcher");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("default_pack", |b| {
        let mut hits = Vec::new();
        b.iter(|| {
            hits.clear();
            matcher.find_all(black_box(&text), &mut hits);
            hits.len()
        })
    });
    g.finish();
}

fn bench_whole_file(c: &mut Criterion) {
    let text = text();
    let linter = Linter::new(&pack::default_sources()).expect("default pack compiles");
    let gate = Gate::default();
    let mut g = c.benchmark_group("whole_file");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("read_lint_json", |b| {
        b.iter(|| {
            let doc = document::read(
                "bench.md",
                text.clone().into_bytes(),
                document::Format::Text,
            )
            .expect("text is not binary");
            let report = pitchlint::lint(&linter, doc, &gate);
            let mut r = render::renderer(OutputFormat::Json, RenderOptions::default());
            let mut out = io::sink();
            r.begin(&mut out).expect("sink");
            r.file(&mut out, &report).expect("sink");
            let mut summary = Summary::default();
            summary.add(&report);
            r.end(&mut out, &summary).expect("sink");
            report.findings.len()
        })
    });
    g.finish();
}

fn bench_compile(c: &mut Criterion) {
    let sources = pack::default_sources();
    let mut g = c.benchmark_group("compile");
    g.bench_function("default_pack_rules", |b| b.iter(|| default_rules().len()));
    g.bench_function("default_pack_linter", |b| {
        b.iter(|| Linter::new(black_box(&sources)).expect("compiles"))
    });
    // A pack of 100,000 phrases (issue 7: it must load well under a second).
    let mut big = String::from(
        "[pack]\nname = \"big\"\n\n[[rule]]\nid = \"list\"\nmessage = \"m\"\nweight = -1\nphrases = [\n",
    );
    for i in 0..100_000u32 {
        big.push_str(&format!("  \"w{i} x{} it's\",\n", i % 97));
    }
    big.push_str("]\n");
    let big = [pack::PackSource {
        path: "big.toml".into(),
        text: big,
    }];
    g.sample_size(10);
    g.bench_function("100k_phrases_linter", |b| {
        b.iter(|| Linter::new(black_box(&big)).expect("compiles"))
    });
    // The first check also builds the lazily compiled overlap regex: measure a first lint.
    g.bench_function("default_pack_linter_first_lint", |b| {
        b.iter(|| {
            let linter = Linter::new(black_box(&sources)).expect("compiles");
            let doc = document::read(
                "d.txt",
                b"Hi Dana,\n\nWe would love to partner with you and circle back.\n\nBest,\nSam\n"
                    .to_vec(),
                document::Format::Text,
            )
            .expect("text");
            linter.check(&doc).len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_matcher, bench_whole_file, bench_compile);
criterion_main!(benches);

//! What the semantic candidates are worth on the development set, and what they cost. Run by
//! hand with a real model:
//!
//! ```sh
//! BLMA_SEMANTIC_MODEL=/path/to/model cargo bench -p blma-semantic --bench dev_set
//! BLMA_SEMANTIC_MODEL=/path/to/model cargo bench -p blma-semantic --bench dev_set -- one SLUG
//! ```
//!
//! For the lexical engine's misses (gold `provides`/`contradicts`, engine `silent`): how often a
//! top-3 candidate overlaps a gold quote (recall@3), at several thresholds. For items whose gold
//! is `silent`: how often they get any candidate. `one SLUG` embeds one agreement and prints the
//! speed and the peak memory of the process.

use std::path::{Path, PathBuf};
use std::time::Instant;

use blma_assessment::Verdict;
use blma_assessment::eval::parse_gold;
use blma_documents::formats::Limits;
use blma_knowledge::KnowledgeBase;
use blma_semantic::passages::passages;
use blma_semantic::{Matcher, Model, Options};

fn dev_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/eval-dev")
}

/// Char spans of `quote` in `text`, compared on lower-cased letters and digits only (as the
/// evaluation locates gold quotes).
fn locate(text: &str, quote: &str) -> Vec<(usize, usize)> {
    let mut key = Vec::new();
    let mut at = Vec::new();
    for (i, c) in text.chars().enumerate() {
        for l in c.to_lowercase().filter(|l| l.is_alphanumeric()) {
            key.push(l);
            at.push(i);
        }
    }
    let needle: Vec<char> = quote
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect();
    if needle.is_empty() || needle.len() > key.len() {
        return Vec::new();
    }
    (0..=key.len() - needle.len())
        .filter(|&s| key[s..s + needle.len()] == needle[..])
        .map(|s| (at[s], at[s + needle.len() - 1] + 1))
        .collect()
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn one(folder: &Path, slug: &str) {
    let start = Instant::now();
    let model = Model::load(folder).unwrap();
    let loaded = start.elapsed();
    let bytes = std::fs::read(dev_dir().join(format!("{slug}.txt"))).unwrap();
    let document = blma_documents::read(&bytes, Some(slug), &Limits::default()).unwrap();
    let mut assessment = blma_assessment::assess(&document).unwrap();
    let texts: Vec<String> = passages(&document).into_iter().map(|p| p.context).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let start = Instant::now();
    model.embed(&refs).unwrap();
    let embedding = start.elapsed();
    let start = Instant::now();
    let matcher = Matcher::new(model, KnowledgeBase::embedded(), Options::default()).unwrap();
    let items = start.elapsed();
    let start = Instant::now();
    matcher.annotate(&mut assessment, &document).unwrap();
    let annotate = start.elapsed();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    println!(
        "{slug}: {} provisions, {} passages ({chars} chars); load {:.2}s; passages {:.2}s = {:.1} passages/s; \
         38 items {:.2}s; whole annotate {:.2}s; peak memory {} MiB",
        document.provisions.len(),
        texts.len(),
        loaded.as_secs_f64(),
        embedding.as_secs_f64(),
        texts.len() as f64 / embedding.as_secs_f64(),
        items.as_secs_f64(),
        annotate.as_secs_f64(),
        peak_memory_kib().map_or(0, |k| k / 1024)
    );
}

fn main() {
    let Some(folder) = std::env::var_os("BLMA_SEMANTIC_MODEL").map(PathBuf::from) else {
        println!("skipped: set BLMA_SEMANTIC_MODEL to a model folder");
        return;
    };
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "one") {
        one(&folder, &args[i + 1]);
        return;
    }
    let thresholds = [0.0_f32, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
    let gold = parse_gold(&std::fs::read_to_string(dev_dir().join("gold.json")).unwrap()).unwrap();
    let all = Options {
        top_k: 3,
        threshold: -1.0,
    };
    let matcher = Matcher::new(
        Model::load(&folder).unwrap(),
        KnowledgeBase::embedded(),
        all,
    )
    .unwrap();
    // Per threshold: misses, misses found; gold-silent items, those with a candidate.
    let mut misses = vec![(0usize, 0usize); thresholds.len()];
    // The same over every gold `provides`/`contradicts` item, missed by the engine or not: what
    // the candidates would be worth on an engine's misses, where the dev set leaves none.
    let mut found = vec![(0usize, 0usize); thresholds.len()];
    let mut random = 0.0_f64;
    let mut silent = vec![(0usize, 0usize); thresholds.len()];
    let mut by_language: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for (slug, gold_doc) in &gold {
        let bytes = std::fs::read(dev_dir().join(format!("{slug}.txt"))).unwrap();
        let document = blma_documents::read(&bytes, Some(slug), &Limits::default()).unwrap();
        let lexical = blma_assessment::assess(&document).unwrap();
        let proposed = matcher.propose(&document).unwrap();
        let all_passages = passages(&document);
        for finding in &lexical.findings {
            let g = &gold_doc.items[&finding.item];
            let (_, candidates) = proposed.iter().find(|(i, _)| *i == finding.item).unwrap();
            if g.verdict == Verdict::Silent {
                for (t, count) in thresholds.iter().zip(&mut silent) {
                    count.0 += 1;
                    count.1 += usize::from(candidates.iter().any(|c| c.score >= *t));
                }
                continue;
            }
            let spans: Vec<(usize, usize)> = g
                .quotes
                .iter()
                .flat_map(|q| locate(&document.text, q))
                .collect();
            let hit_at = |t: f32| {
                candidates
                    .iter()
                    .filter(|c| c.score >= t)
                    .any(|c| spans.iter().any(|&(s, e)| c.start < e && s < c.end))
            };
            // What three passages drawn at random would find: 1 - C(n - g, 3) / C(n, 3).
            let n = all_passages.len();
            let relevant = all_passages
                .iter()
                .filter(|p| spans.iter().any(|&(s, e)| p.start < e && s < p.end))
                .count();
            let miss_all: f64 = (0..3.min(n))
                .map(|i| (n - relevant).saturating_sub(i) as f64 / (n - i) as f64)
                .product();
            random += 1.0 - miss_all;
            for (t, count) in thresholds.iter().zip(&mut found) {
                count.0 += 1;
                count.1 += usize::from(hit_at(*t));
            }
            let lang = by_language
                .entry(document.language.code().to_owned())
                .or_default();
            lang.0 += 1;
            lang.1 += usize::from(hit_at(-1.0));
            if finding.verdict != Verdict::Silent {
                continue;
            }
            for (t, count) in thresholds.iter().zip(&mut misses) {
                count.0 += 1;
                count.1 += usize::from(hit_at(*t));
            }
            let best = candidates.first().map_or(0.0, |c| c.score);
            println!(
                "{slug} {} gold={} engine={} found={} best={best:.3}{}",
                finding.item,
                g.verdict.as_str(),
                finding.verdict.as_str(),
                hit_at(-1.0),
                if spans.is_empty() {
                    " (quote not located)"
                } else {
                    ""
                }
            );
        }
    }
    let share = |(n, k): (usize, usize)| format!("{k}/{n} = {:.2}", k as f64 / n.max(1) as f64);
    println!(
        "threshold | recall@3, misses | recall@3, all gold provides/contradicts | gold-silent items with a candidate"
    );
    for (i, t) in thresholds.iter().enumerate() {
        println!(
            "{t:>9.2} | {} | {} | {}",
            share(misses[i]),
            share(found[i]),
            share(silent[i])
        );
    }
    println!(
        "three random passages would find {random:.1} of the {} gold provides/contradicts items",
        found[0].0
    );
    for (lang, counts) in by_language {
        println!(
            "{lang}: recall@3 over gold provides/contradicts, no threshold: {}",
            share(counts)
        );
    }
}

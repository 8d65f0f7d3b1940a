// A build failure is the right answer to a preset that does not read.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

//! Writes `$OUT_DIR/presets.rs` from `policies/*.json`: each preset's document as compact JSON
//! (what the full module reads), its grade table alone (what the grades module reads: no
//! clauses, no other section, so it carries none of their data or readers), its content
//! hash, and the `policies()` answer. All of it is fixed when the crate is built, so the
//! grades module needs no policy reader beyond the grade table's, and listing the presets
//! parses nothing.
use serde_json::{Map, Value};
use std::fmt::Write as _;
use std::path::Path;

/// The presets, in the order `policies()` lists them.
const PRESETS: [&str; 2] = ["xinyu-2022", "gdut-lixing-2026"];

/// The keys of a document the grades module reads.
const GRADES_VIEW: [&str; 5] = ["id", "title", "titleEn", "year", "grades"];

#[path = "src/policy/hash.rs"]
mod hash;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../policies");
    println!("cargo:rerun-if-changed=src/policy/hash.rs");
    let mut documents = String::new();
    let mut views = String::new();
    let mut hashes = String::new();
    let mut list = Vec::new();
    for id in PRESETS {
        let path = dir.join(format!("{id}.json"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let hash = hash::of(&doc);
        let field = |key: &str| doc.get(key).cloned().unwrap_or(Value::Null);
        let view: Map<String, Value> = GRADES_VIEW.iter().map(|k| ((*k).to_owned(), field(k))).collect();
        let compact = |v: &Value| serde_json::to_string(v).unwrap_or_default();
        let _ = writeln!(documents, "    ({id:?}, {:?}),", compact(&doc));
        let _ = writeln!(views, "    ({id:?}, {:?}),", compact(&Value::Object(view)));
        let _ = writeln!(hashes, "    ({id:?}, {hash:?}),");
        // The fields in `PolicySummary`'s order, as its serializer writes them.
        let title_en = doc.get("titleEn").or_else(|| doc.get("title")).cloned().unwrap_or(Value::Null);
        list.push(format!(
            "{{\"id\":{},\"title\":{},\"titleEn\":{},\"year\":{},\"hash\":{}}}",
            compact(&field("id")),
            compact(&field("title")),
            compact(&title_en),
            compact(&field("year")),
            compact(&Value::String(hash)),
        ));
    }
    let out = format!(
        "/// Each preset's document, compact JSON.\npub const DOCUMENTS: &[(&str, &str)] = &[\n{documents}];\n\
         /// Each preset's identity and grade table (`{GRADES_VIEW:?}`), compact JSON.\npub const GRADE_VIEWS: &[(&str, &str)] = &[\n{views}];\n\
         /// The preset ids, in order (apart from the documents, so naming them links no document).\npub const IDS: &[&str] = &{PRESETS:?};\n\
         /// Each preset's content hash.\npub const HASHES: &[(&str, &str)] = &[\n{hashes}];\n\
         /// `policies()`: `[{{ id, title, titleEn, year, hash }}]`.\npub const LIST_JSON: &str = {:?};\n",
        format!("[{}]", list.join(","))
    );
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("presets.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

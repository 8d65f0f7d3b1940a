// A build failure is the right answer to a preset that does not read.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

//! Writes `$OUT_DIR/presets.rs` from `policies/*.json`: each preset's document as compact JSON
//! (what the full module reads), its identity and grade table as Rust values (what the grades
//! module holds: no clauses, no other section and no policy reader, so it carries none of
//! their data or code; a test checks them against the read presets), its content hash, and
//! the `policies()` answer. All of it is fixed when the crate is built, so listing the
//! presets parses nothing.
use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

/// The presets, in the order `policies()` lists them.
const PRESETS: [&str; 2] = ["xinyu-2022", "gdut-lixing-2026"];

/// A Rust expression for a decimal of the document, read as the policy reader reads it:
/// text as typed, a JSON number through its plain text.
fn dec(v: &Value) -> String {
    match v {
        Value::String(s) => format!("view_dec({s:?})"),
        Value::Number(n) => format!("view_dec(&crate::decimal::plain({:?}))", n.to_string()),
        other => panic!("not a decimal: {other}"),
    }
}

fn rust_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => format!("{s:?}.to_owned()"),
        other => panic!("not text: {other:?}"),
    }
}

fn opt<T>(v: Option<&Value>, f: impl Fn(&Value) -> T) -> String
where
    T: std::fmt::Display,
{
    match v {
        None | Some(Value::Null) => "None".to_owned(),
        Some(v) => format!("Some({})", f(v)),
    }
}

fn texts(v: Option<&Value>) -> String {
    let items: Vec<String> = v.and_then(Value::as_array).map(|a| a.iter().map(|x| rust_text(Some(x))).collect()).unwrap_or_default();
    format!("vec![{}]", items.join(", "))
}

fn convention(v: &Value) -> String {
    format!("Convention {{ clause: {}, zh: {}, en: {} }}", rust_text(v.get("clause")), rust_text(v.get("zh")), rust_text(v.get("en")))
}

/// The `grades` section as a Rust expression of `GradeRules`.
fn grade_rules(g: &Value) -> String {
    let letters: Vec<String> = g.get("letters").and_then(Value::as_array).expect("letters").iter().map(|r| {
        format!(
            "LetterGrade {{ letter: {}, grade_point: {}, percentage: {} }}",
            rust_text(r.get("letter")),
            dec(r.get("gradePoint").expect("gradePoint")),
            dec(r.get("percentage").expect("percentage"))
        )
    }).collect();
    format!(
        "GradeRules {{ clause: {}, same_standard_clause: {}, fail_clause: {}, letters: vec![{}], failing: {}, pass: {}, fail: {}, \
         percentage_pass_mark: {}, pass_mark_convention: {}, pass_fail_convention: {} }}",
        rust_text(g.get("clause")),
        rust_text(g.get("sameStandardClause")),
        rust_text(g.get("failClause")),
        letters.join(", "),
        texts(g.get("failing")),
        texts(g.get("pass")),
        texts(g.get("fail")),
        opt(g.get("percentagePassMark"), dec),
        opt(g.get("passMarkConvention"), convention),
        opt(g.get("passFailConvention"), convention),
    )
}

#[path = "src/policy/hash.rs"]
mod hash;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../policies");
    println!("cargo:rerun-if-changed=src/policy/hash.rs");
    let mut documents = String::new();
    let mut views = String::new();
    let mut list = Vec::new();
    for id in PRESETS {
        let path = dir.join(format!("{id}.json"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let hash = hash::of(&doc);
        let field = |key: &str| doc.get(key).cloned().unwrap_or(Value::Null);
        let compact = |v: &Value| serde_json::to_string(v).unwrap_or_default();
        let _ = writeln!(documents, "    ({id:?}, {:?}),", compact(&doc));
        let title_text = doc.get("title").and_then(Value::as_str).expect("title");
        let _ = writeln!(
            views,
            "        {} => Some(view({}, {}, {:?}.to_owned(), {}, {hash:?}, {})),",
            views.lines().count(),
            rust_text(doc.get("id")),
            rust_text(doc.get("title")),
            doc.get("titleEn").and_then(Value::as_str).unwrap_or(title_text),
            doc.get("year").and_then(Value::as_i64).expect("year"),
            opt(doc.get("grades"), grade_rules),
        );
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
         /// Each preset's identity and grade table, in the order of `IDS`: what the grades module holds.\n\
         pub fn grade_view(i: usize) -> Option<Policy> {{\n    match i {{\n{views}        _ => None,\n    }}\n}}\n\
         /// The preset ids, in order (apart from the documents, so naming them links no document).\npub const IDS: &[&str] = &{PRESETS:?};\n\
         /// `policies()`: `[{{ id, title, titleEn, year, hash }}]`.\npub const LIST_JSON: &str = {:?};\n",
        format!("[{}]", list.join(","))
    );
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("presets.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

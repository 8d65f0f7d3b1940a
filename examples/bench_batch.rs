//! Native side of `scripts/bench`: times `batch::batch_gpa` (the core call only, the CSV
//! already in memory) and the JSON-level `api::batch_gpa` on the generated file.
//!
//!     cargo run --release --example bench_batch -- target/bench/input.csv 5 [core|api]
//!
//! Each timing follows one untimed warm-up run. `api` also times the JSON-level call.
//! Prints one JSON line: `{"core":[ms…],"api":[ms…],"students":n,"errors":n,"checksum":"…"}`.

use exchange_calc::{api, batch, policy, Locale};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: bench_batch FILE.csv [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let with_api = args.next().as_deref() == Some("api");
    let csv = std::fs::read_to_string(path)?;
    let policy = policy::resolve(&serde_json::json!("xinyu-2022"), "policy", Locale::En)?;

    let mut core = Vec::new();
    let mut last = None;
    // One warm-up run, then the timed ones.
    for i in 0..=runs {
        let t = Instant::now();
        let r = batch::batch_gpa(&policy, &csv, Locale::En)?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        if i > 0 {
            core.push(ms);
        }
        last = Some(r);
    }
    let r = last.ok_or("no run")?;
    // A checksum over every student's rounded GPA, to compare with the wasm's.
    let checksum = r.students.iter().fold(0u64, |h, s| {
        s.gpa.as_deref().unwrap_or("-").bytes().fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    });

    let mut json_api = Vec::new();
    for i in 0..=runs {
        if !with_api {
            break;
        }
        let input = serde_json::json!({ "policy": "xinyu-2022", "csv": csv });
        let t = Instant::now();
        let out = api::batch_gpa(input).map_err(|f| f.message())?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        if i > 0 {
            json_api.push(ms);
        }
        drop(out);
    }
    println!(
        "{}",
        serde_json::json!({ "core": core, "api": json_api, "students": r.students.len(), "errors": r.error_count, "checksum": format!("{checksum:016x}") })
    );
    Ok(())
}

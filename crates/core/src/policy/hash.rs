//! A policy's short content hash: FNV-1a (64 bit) of its compact JSON text, the first 8 hex
//! digits. It identifies a document on a printout; it is not a security measure. Shared with
//! the build script, which hashes the presets once (so nothing here may name the crate).

use serde_json::Value;

/// The hash of `document`. serde_json's map is ordered by key, so equal documents give equal
/// text, whatever order their keys were written in.
#[must_use]
pub fn of(document: &Value) -> String {
    match serde_json::to_vec(document) {
        Ok(bytes) => {
            let h = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
            let mut hex = format!("{h:016x}");
            hex.truncate(8);
            hex
        }
        Err(_) => String::new(),
    }
}
